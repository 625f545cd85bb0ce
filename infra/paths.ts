import { fileURLToPath } from 'node:url';

/** Absolute path of the repository root (the folder holding package-lock.json and cdk.json). */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Absolute path of a file given relative to the repository root. */
export const fromRoot = (relative: string): string =>
  fileURLToPath(new URL(`../${relative}`, import.meta.url));
