import { z } from '@hono/zod-openapi';
import { bilingualSchema } from '@jixiao/core';
import { body, json, readErrors, writeErrors } from '../http/openapi-parts';
import { defineRoute } from '../http/route';

const tags = ['Finance calculators'];

export const calculatorSchema = z
  .object({
    name: z.string(),
    label: bilingualSchema,
    /** What it computes, from which formula of which source document, and its unit. */
    help: bilingualSchema,
    unitOfMeasure: bilingualSchema,
    args: z.record(z.string(), z.unknown()).meta({ description: 'JSON Schema of the arguments' }),
    officeArgs: z.array(z.string()).meta({
      description:
        'Arguments only the office sets (e.g. ratePercent, the 基准折现率); a unit never sends them',
    }),
    money: z.boolean().meta({
      description:
        'Whether the arguments include money: then `moneyUnit` (yuan, ten_thousand_yuan, hundred_million_yuan) may be given; money is computed in 万元',
    }),
    moneyArgs: z.array(z.string()).meta({ description: 'The money arguments, converted from `moneyUnit`' }),
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
    summary:
      'Compute one formula (e.g. fnpv, irr, dynamic_payback); money in `args.moneyUnit`, 万元 by default',
    request: {
      params: z.object({ name: z.string().regex(/^[a-z_]{2,40}$/) }),
      body: body(z.object({ args: z.record(z.string(), z.unknown()) }).strict()),
    },
    responses: { 200: json(z.object({ name: z.string(), value: z.number() }), 'Result'), ...writeErrors },
  }),
};
