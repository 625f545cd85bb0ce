export { type ConsoleOptions, createConsole, TOKEN_COOKIE } from './console';
export { formatDateTime, formatNumber, type Lang, t } from './i18n';
