/**
 * Builds one function the way it is deployed: `node --import tsx infra/lambda/build.ts <entry> <outdir>`.
 * CDK's local bundling runs this (`AppFunction`), since esbuild plugins need the async JS API.
 */
import { buildFunction } from './bundling';

const [entry, outdir] = process.argv.slice(2);
if (!entry || !outdir) {
  console.error('usage: infra/lambda/build.ts <entry relative to the repository root> <output directory>');
  process.exit(2);
}
const { codeBytes } = await buildFunction(entry, outdir);
console.log(`${entry}: ${(codeBytes / 1024).toFixed(1)} KiB minified`);
