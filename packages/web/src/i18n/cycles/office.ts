/** The console's words for the evaluation cycle (office pages), in Chinese and English (same keys). */
export { officeEn } from './office-en';
export { officeZh } from './office-zh';
