/**
 * Each function ships the code built from its own entry. Bundling runs for real here (not skipped
 * as in the other infra tests), with the esbuild step replaced by a stub that writes the entry's
 * name, so the wiring and CDK's bundling cache are checked in a second rather than a minute.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { FUNCTIONS } from '../../infra/api/functions';
import { PRE_TOKEN_ENTRY } from '../../infra/auth/user-pool';
import { createApp } from '../../infra/create-app';
import { FunctionBundling } from '../../infra/lambda/node-function';

const outdir = mkdtempSync(join(tmpdir(), 'jixiao-assets-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('function code', () => {
  it('is bundled once per function, from that function’s entry', () => {
    const spy = vi.spyOn(FunctionBundling.prototype, 'tryBundle').mockImplementation(function (
      this: FunctionBundling,
      outputDir: string,
    ) {
      writeFileSync(join(outputDir, 'index.mjs'), `// built from ${this.entry}\n`);
      return true;
    });
    try {
      const { stack } = createApp({ outdir, nag: false });
      const template = Template.fromStack(stack).toJSON();
      const entryOf = (fn: { node: { defaultChild?: unknown } }) => {
        const id = stack.getLogicalId(fn.node.defaultChild as never);
        const key = template.Resources[id].Properties.Code.S3Key as string;
        const hash = key.replace(/\.zip$/, '');
        return readFileSync(join(outdir, `asset.${hash}`, 'index.mjs'), 'utf8').trim();
      };
      for (const [name, spec] of Object.entries(FUNCTIONS))
        expect(entryOf(stack.api.functions[name as keyof typeof FUNCTIONS].fn), name).toBe(
          `// built from ${spec.entry}`,
        );
      expect(entryOf(stack.auth!.preToken.fn)).toBe(`// built from ${PRE_TOKEN_ENTRY}`);
      expect(entryOf(stack.evaluation.function.fn)).toBe('// built from functions/evaluation/index.ts');
      expect(spy).toHaveBeenCalledTimes(Object.keys(FUNCTIONS).length + 2);
    } finally {
      spy.mockRestore();
    }
  });
});
