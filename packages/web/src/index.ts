export { type ConsoleOptions, createConsole } from './app';
export type { OidcClient } from './auth/sign-in-flow';
export { formatDateTime, formatNumber, type Lang, t } from './i18n';
