import { z } from '@hono/zod-openapi';
import { bilingualSchema } from '@jixiao/core';
import { body, json, readErrors, writeErrors } from '../http/openapi-parts';
import { defineRoute } from '../http/route';

const tags = ['Finance calculators'];

export const calculatorSchema = z
  .object({
    name: z.string(),
    label: bilingualSchema,
    unitOfMeasure: bilingualSchema,
    args: z.record(z.string(), z.unknown()).meta({ description: 'JSON Schema of the arguments' }),
  })
  .meta({ id: 'Calculator' });

/** The seed's project-appraisal and fiscal formulas, callable directly (they also back formula indicators). */
export const financeContract = {
  list: defineRoute({
    method: 'get',
    path: '/v1/finance/calculators',
    tags,
    'x-permission': 'reference:read',
    summary: 'The available calculators and their arguments',
    responses: { 200: json(z.object({ items: z.array(calculatorSchema) }), 'Calculators'), ...readErrors },
  }),
  compute: defineRoute({
    method: 'post',
    path: '/v1/finance/calculators/{name}',
    tags,
    'x-permission': 'reference:read',
    summary: 'Compute one formula (e.g. fnpv, irr, dynamic_payback)',
    request: {
      params: z.object({ name: z.string().regex(/^[a-z_]{2,40}$/) }),
      body: body(z.object({ args: z.record(z.string(), z.unknown()) }).strict()),
    },
    responses: { 200: json(z.object({ name: z.string(), value: z.number() }), 'Result'), ...writeErrors },
  }),
};
