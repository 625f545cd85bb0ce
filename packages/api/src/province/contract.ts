import { tenantSchema } from '@jixiao/core';
import { json, pageOf, pageQuery, readErrors } from '../http/openapi-parts';
import { defineRoute } from '../http/route';

/** What a province's office sees: its tenants' registry records (never their data). */
export const provinceContract = {
  tenants: defineRoute({
    method: 'get',
    path: '/v1/province/tenants',
    tags: ['Province'],
    'x-permission': 'province:tenants',
    summary: "Registry records of the analyst's province's tenants (never their data)",
    request: { query: pageQuery },
    responses: { 200: json(pageOf(tenantSchema), 'Tenants'), ...readErrors },
  }),
};
