import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';

/**
 * The baseline `npm run bundle` compares every function with: Hono's hello world on Lambda, built
 * by the same build. Not deployed.
 */
export const handler = handle(new Hono().get('/', (c) => c.text('ok')));
