import { defineConfig } from 'vitest/config';

/**
 * Test tiers, named by what they need:
 * - unit: pure code beside its sources, no services;
 * - integration: the embedded stack in-process (dynalite, s3rver) on random ports;
 * - console: the server-rendered console against the real product on the same in-process stack;
 * - infra: CDK synthesis and cdk-nag, offline;
 * - browser: headless Chromium (Debian's package, else the one in @sparticuz/chromium) against the
 *   embedded stack;
 * - clients: the real programs that open our files (LibreOffice, poppler, a third-party OpenAPI
 *   client generator and tsc) against files the embedded stack writes.
 */
const env = {
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  CDK_DISABLE_CLI_TELEMETRY: 'true',
};

export default defineConfig({
  test: {
    env,
    reporters: ['default', './test/support/plain-summary.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          env,
          include: [
            'packages/**/src/**/*.test.{ts,tsx}',
            'functions/**/*.test.ts',
            'test/architecture/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'integration',
          env,
          include: ['test/integration/**/*.test.ts', 'test/isolation/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'console',
          env,
          include: ['test/console/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'infra',
          env,
          include: ['test/infra/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          env,
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/support/chromium-path.ts'],
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'clients',
          env,
          include: ['test/clients/**/*.test.ts'],
          globalSetup: ['test/support/office-tools.ts'],
          testTimeout: 300_000,
          hookTimeout: 600_000,
          // LibreOffice and the demo stacks are heavy: one file at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
