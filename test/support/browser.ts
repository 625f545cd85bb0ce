import { mkdirSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { findChromium } from './chromium-path';

/** Where browser tests leave screenshots for a person to look at. */
export const SHOTS = '.tmp/screens';

/**
 * Headless Chromium (see chromium-path.ts for which one), with the flags this machine's closed
 * network needs.
 */
export async function launchChromium(): Promise<Browser> {
  const install = await findChromium();
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: install.executablePath,
    env: { ...process.env, ...install.env },
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
