// `npm start`: the whole product on the embedded stack, with demo data, on one port.
import { z } from 'zod';
import { PortInUseError } from './embedded-services';
import { startStack } from './stack';

// Node 20 is the embedded stack's runtime by design (Lambda runs 22+); the SDK's notice is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const env = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('127.0.0.1'),
    DYNAMODB_PORT: z.coerce.number().int().min(0).max(65535).default(4567),
    S3_PORT: z.coerce.number().int().min(0).max(65535).default(4568),
    DATA_DIR: z.string().default('.data'),
    LOG_REQUESTS: z.enum(['0', '1']).default('1'),
  })
  .parse(process.env);

const started = performance.now();
try {
  const stack = await startStack({
    port: env.PORT,
    host: env.HOST,
    dynamoPort: env.DYNAMODB_PORT,
    s3Port: env.S3_PORT,
    dataDir: env.DATA_DIR,
    demoProvince: true,
    log: env.LOG_REQUESTS === '1' ? undefined : () => {},
  });
  const ms = Math.round(performance.now() - started);
  const u = stack.url;
  console.log(`
绩效 Jixiao is ready in ${ms} ms  (${stack.seeded ? 'demo data seeded' : 'existing data kept'} in ${env.DATA_DIR}/)

  控制台 Console      ${u}/console      → sign in as any demo user at ${u}/dev/sign-in
  API 文档 Docs       ${u}/docs         (OpenAPI: ${u}/openapi.json)
  健康检查 Health     ${u}/health

Try first:
  1. Open ${u}/dev/sign-in and sign in as 王丽（市考核办）, hrb-admin of 哈尔滨市, to manage units.
  2. From a shell:
       TOKEN=$(curl -s -X POST ${u}/dev/token -H 'content-type: application/json' \\
         -d '{"tenant":"230100","user":"hrb-admin"}' | node -p 'JSON.parse(require("fs").readFileSync(0)).access_token')
       curl -s ${u}/v1/units -H "authorization: Bearer $TOKEN"

Press Ctrl+C to stop.`);
  const stop = async () => {
    await stack.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (e) {
  if (e instanceof PortInUseError) {
    const variable = { app: 'PORT', dynalite: 'DYNAMODB_PORT', s3rver: 'S3_PORT' }[e.service] ?? 'PORT';
    console.error(
      `端口 ${e.port} 已被占用（${e.service}）。请关闭占用该端口的程序，或换一个端口，例如 ${variable}=${e.port + 10} npm start\n` +
        `Port ${e.port} is already in use (${e.service}). Stop whatever holds it, or choose another: ${variable}=${e.port + 10} npm start`,
    );
    process.exit(1);
  }
  throw e;
}
