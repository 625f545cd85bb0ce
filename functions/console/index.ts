import { buildCloudDeps } from '@jixiao/api/cloud';
import { createProduct } from '@jixiao/web/product';
import { handle } from 'hono/aws-lambda';

// The console, calling the whole API in-process with the user's token.
const app = createProduct(await buildCloudDeps(process.env));

export const handler = handle(app);
