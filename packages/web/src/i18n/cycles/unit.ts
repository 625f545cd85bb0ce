/**
 * The console's words for the evaluation cycle (unit pages, `cu…`) and the public's pages (`pub…`),
 * in Chinese and English (same keys; one file per language keeps each under 300 lines).
 */
export { unitEn } from './unit-en';
export { unitZh } from './unit-zh';
