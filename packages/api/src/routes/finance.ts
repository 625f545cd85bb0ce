import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError, authorize, errors, FINANCE_CALCULATORS, zodIssuesToFields } from '@jixiao/core';
import type { AppEnv } from '../deps';
import { body, json, readErrors, secured, writeErrors } from '../http/openapi-parts';

const tags = ['Finance calculators'];
const nameParam = z.object({ name: z.string().regex(/^[a-z_]{2,40}$/) });

/** The seed's project-appraisal and fiscal formulas, callable directly (they also back formula indicators). */
export function financeRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/finance/calculators',
      tags,
      security: secured,
      summary: 'The available calculators and their arguments',
      responses: {
        200: json(
          z.object({
            items: z.array(
              z.object({
                name: z.string(),
                label: z.object({ zh: z.string(), en: z.string() }),
                unitOfMeasure: z.object({ zh: z.string(), en: z.string() }),
                args: z.unknown(),
              }),
            ),
          }),
          'Calculators',
        ),
        ...readErrors,
      },
    }),
    (c) => {
      authorize(c.get('identity'), 'reference:read');
      const items = Object.entries(FINANCE_CALCULATORS).map(([name, calc]) => ({
        name,
        label: calc.label,
        unitOfMeasure: calc.unitOfMeasure,
        args: z.toJSONSchema(calc.args, { unrepresentable: 'any' }),
      }));
      return c.json({ items }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/finance/calculators/{name}',
      tags,
      security: secured,
      summary: 'Compute one formula (e.g. fnpv, irr, dynamic_payback)',
      request: {
        params: nameParam,
        body: body(z.object({ args: z.record(z.string(), z.unknown()) }).strict()),
      },
      responses: { 200: json(z.object({ name: z.string(), value: z.number() }), 'Result'), ...writeErrors },
    }),
    (c) => {
      authorize(c.get('identity'), 'reference:read');
      const { name } = c.req.valid('param');
      const calc = FINANCE_CALCULATORS[name as keyof typeof FINANCE_CALCULATORS];
      if (!calc) throw errors.notFound(`计算器 ${name}`, `Calculator ${name}`);
      const args = calc.args.safeParse(c.req.valid('json').args);
      if (!args.success) throw errors.validation(zodIssuesToFields(args.error.issues, 'body.args'));
      const r = calc.compute(args.data as never);
      if (!r.ok) {
        throw new AppError({
          status: 422,
          code: r.code,
          zh: r.zh,
          en: r.en,
          fields: [{ path: 'body.args', zh: r.zh, en: r.en }],
        });
      }
      return c.json({ name, value: r.value }, 200);
    },
  );
}
