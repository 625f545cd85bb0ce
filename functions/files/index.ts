import { createApp } from '@jixiao/api';
import { buildCloudDeps } from '@jixiao/api/cloud';
import { FILE_RESOURCES } from '@jixiao/api/files';
import { handle } from 'hono/aws-lambda';

// File work (Excel import/export; reports later): the heavy libraries live only in this function.
const app = createApp(await buildCloudDeps(process.env), FILE_RESOURCES);

export const handler = handle(app);
