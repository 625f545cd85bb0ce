import { z } from '@hono/zod-openapi';
import {
  divisionCodeSchema,
  downloadLinkSchema,
  evidenceListSchema,
  evidenceOverviewSchema,
  evidenceSchema,
  evidenceSettingsPutSchema,
  storageQuotaPutSchema,
  storageViewSchema,
  uploadRequestSchema,
  uploadTicketSchema,
} from '@jixiao/core';
import { cycleParams, cycleUnitParams } from '../cycles/params';
import { body, json, readErrors, writeErrors } from '../http/openapi-parts';
import { defineRoute } from '../http/route';
import {
  downloadQuery,
  officeUploadParams,
  officeVersionParams,
  unitListQuery,
  unitUploadParams,
  unitVersionParams,
} from './params';

const tags = ['Evidence'];
const UNIT = '/v1/cycles/{cycleId}/evidence/units/{unit}';
const OFFICE = '/v1/cycles/{cycleId}/evidence/office';
const deleted = { description: 'Removed' };

/**
 * Evidence (佐证材料) on S3: ask for an upload ticket (a presigned POST fixed to one key under the
 * tenant's prefix, one size and one content type), POST the file to S3, then confirm: the API reads
 * the stored bytes (size, kind sniffed from the bytes, SHA-256) before the version counts. Versions
 * are never overwritten; only unconfirmed uploads can be deleted; downloads are short-lived links.
 * A unit's documents hang under an indicator; the office's own documents under the cycle.
 */
export const evidenceContract = {
  overview: defineRoute({
    method: 'get',
    path: '/v1/cycles/{cycleId}/evidence',
    tags,
    'x-permission': 'cycles:oversee',
    summary: "The cycle's evidence per unit and indicator: documents and bytes",
    request: { params: cycleParams },
    responses: { 200: json(evidenceOverviewSchema, 'Overview'), ...readErrors },
  }),
  unitList: defineRoute({
    method: 'get',
    path: UNIT,
    tags,
    'x-permission': 'cycles:read',
    summary: "A unit's documents (optionally of one indicator), with their versions",
    request: { params: cycleUnitParams, query: unitListQuery },
    responses: { 200: json(evidenceListSchema, 'Documents'), ...readErrors },
  }),
  unitUpload: defineRoute({
    method: 'post',
    path: `${UNIT}/uploads`,
    tags,
    'x-permission': 'evidence:write',
    summary: 'Ask to upload a file for an indicator (a new document, or a new version of one)',
    request: { params: cycleUnitParams, body: body(uploadRequestSchema) },
    responses: { 201: json(uploadTicketSchema, 'Upload ticket'), ...writeErrors },
  }),
  unitConfirm: defineRoute({
    method: 'post',
    path: `${UNIT}/uploads/{uploadId}/confirm`,
    tags,
    'x-permission': 'evidence:write',
    summary: 'Check the uploaded bytes (size, kind, SHA-256) and file them; safe to retry',
    request: { params: unitUploadParams },
    responses: { 200: json(evidenceSchema, 'Filed'), ...writeErrors },
  }),
  unitDiscard: defineRoute({
    method: 'delete',
    path: `${UNIT}/uploads/{uploadId}`,
    tags,
    'x-permission': 'evidence:write',
    summary: 'Remove an upload that was never confirmed (confirmed versions are kept)',
    request: { params: unitUploadParams },
    responses: { 204: deleted, ...writeErrors },
  }),
  unitDownload: defineRoute({
    method: 'get',
    path: `${UNIT}/{evidenceId}/versions/{n}/download`,
    tags,
    'x-permission': 'cycles:read',
    summary: "A short-lived link to a version's bytes (inline to preview images and PDF)",
    request: { params: unitVersionParams, query: downloadQuery },
    responses: { 200: json(downloadLinkSchema, 'Link'), ...readErrors },
  }),
  officeList: defineRoute({
    method: 'get',
    path: OFFICE,
    tags,
    'x-permission': 'cycles:oversee',
    summary: "The office's own documents of the cycle (e.g. the review meeting's papers)",
    request: { params: cycleParams },
    responses: { 200: json(evidenceListSchema, 'Documents'), ...readErrors },
  }),
  officeUpload: defineRoute({
    method: 'post',
    path: `${OFFICE}/uploads`,
    tags,
    'x-permission': 'evidence:write',
    summary: 'Ask to upload an office document of the cycle (office only)',
    request: { params: cycleParams, body: body(uploadRequestSchema) },
    responses: { 201: json(uploadTicketSchema, 'Upload ticket'), ...writeErrors },
  }),
  officeConfirm: defineRoute({
    method: 'post',
    path: `${OFFICE}/uploads/{uploadId}/confirm`,
    tags,
    'x-permission': 'evidence:write',
    summary: 'Check and file an office document; safe to retry',
    request: { params: officeUploadParams },
    responses: { 200: json(evidenceSchema, 'Filed'), ...writeErrors },
  }),
  officeDiscard: defineRoute({
    method: 'delete',
    path: `${OFFICE}/uploads/{uploadId}`,
    tags,
    'x-permission': 'evidence:write',
    summary: 'Remove an office upload that was never confirmed',
    request: { params: officeUploadParams },
    responses: { 204: deleted, ...writeErrors },
  }),
  officeDownload: defineRoute({
    method: 'get',
    path: `${OFFICE}/{evidenceId}/versions/{n}/download`,
    tags,
    'x-permission': 'cycles:oversee',
    summary: "A short-lived link to an office document's version",
    request: { params: officeVersionParams, query: downloadQuery },
    responses: { 200: json(downloadLinkSchema, 'Link'), ...readErrors },
  }),
  storage: defineRoute({
    method: 'get',
    path: '/v1/tenant/storage',
    tags,
    'x-permission': 'cycles:read',
    summary: "The tenant's storage use and quota, and the kinds and size of file it accepts",
    responses: { 200: json(storageViewSchema, 'Storage'), ...readErrors },
  }),
  putSettings: defineRoute({
    method: 'put',
    path: '/v1/tenant/evidence-settings',
    tags,
    'x-permission': 'settings:write',
    summary:
      'Choose the kinds of file and the per-file limit evidence may have (within the platform maximum)',
    request: { body: body(evidenceSettingsPutSchema) },
    responses: { 200: json(storageViewSchema, 'Saved'), ...writeErrors },
  }),
  platformStorage: defineRoute({
    method: 'get',
    path: '/v1/platform/tenants/{code}/storage',
    tags,
    'x-permission': 'platform:tenants',
    summary: "A tenant's storage use and quota (the operator sees sizes, never files)",
    request: { params: z.object({ code: divisionCodeSchema }) },
    responses: { 200: json(storageViewSchema, 'Storage'), ...readErrors },
  }),
  platformQuota: defineRoute({
    method: 'put',
    path: '/v1/platform/tenants/{code}/storage-quota',
    tags,
    'x-permission': 'platform:tenants',
    summary: "Set a tenant's storage quota",
    request: { params: z.object({ code: divisionCodeSchema }), body: body(storageQuotaPutSchema) },
    responses: { 200: json(storageViewSchema, 'Saved'), ...writeErrors },
  }),
};
