import { auditEntrySchema, auditVerifyResultSchema } from '@jixiao/core';
import { json, pageOf, pageQuery, readErrors } from '../http/openapi-parts';
import { defineRoute } from '../http/route';

const tags = ['Audit trail'];

/** The tenant's hash-chained audit trail (审计日志): browse and verify (export: cycle files). */
export const auditContract = {
  list: defineRoute({
    method: 'get',
    path: '/v1/audit',
    tags,
    'x-permission': 'audit:read',
    summary: 'Audit entries, newest first',
    request: { query: pageQuery },
    responses: { 200: json(pageOf(auditEntrySchema), 'Entries'), ...readErrors },
  }),
  verify: defineRoute({
    method: 'get',
    path: '/v1/audit/verify',
    tags,
    'x-permission': 'audit:read',
    summary: 'Recompute the hash chain from the first entry and say where, if anywhere, it breaks',
    responses: { 200: json(auditVerifyResultSchema, 'Verification'), ...readErrors },
  }),
};
