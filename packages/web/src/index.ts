export { type ConsoleOptions, createConsole } from './console';
export { formatDateTime, formatNumber, type Lang, t } from './i18n';
export type { OidcClient } from './sign-in-flow';
