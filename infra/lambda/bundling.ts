/**
 * Bundling options shared by every NodejsFunction and by `infra/bundle-size.ts`, so the size
 * report measures exactly what is deployed. Plain data, no aws-cdk-lib import.
 */

/** Node.js major version of the Lambda runtime (nodejs24.x; cdk-nag AwsSolutions-L1 wants the newest). */
export const NODE_MAJOR = 24;

/** esbuild target matching the runtime. */
export const ESBUILD_TARGET = `node${NODE_MAJOR}`;

/**
 * The handlers use top-level await, so the bundle is ESM. Some bundled CommonJS dependencies call
 * `require` for Node built-ins, which ESM does not define: the banner provides it.
 */
export const ESM_BANNER =
  "import { createRequire as __jixiaoCreateRequire } from 'node:module';" +
  'const require = __jixiaoCreateRequire(import.meta.url);';

/** Prefer the ESM build of dependencies that ship both. */
export const MAIN_FIELDS = ['module', 'main'];

/**
 * Modules left out of the bundle. Empty on purpose: the AWS SDK is bundled rather than taken from
 * the runtime, so the deployed code runs the exact `@aws-sdk/*` version the tests ran (3.1164.0,
 * pinned in package.json) instead of whatever older version the runtime image carries, and
 * packages the runtime may not ship (`@aws-sdk/s3-presigned-post`) are always present. To use the
 * runtime's SDK instead, set this to `['@aws-sdk/*']`.
 */
export const EXTERNAL_MODULES: string[] = [];
