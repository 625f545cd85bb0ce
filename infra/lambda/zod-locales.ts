/**
 * Stands in for zod's `v4/locales/index.js` in Lambda bundles (see `zodLocalesPlugin` in
 * `./bundling.ts`): `z.locales` keeps English, zod's default, and Simplified Chinese.
 */
export { default as en } from 'zod/v4/locales/en.js';
export { default as zhCN } from 'zod/v4/locales/zh-CN.js';
