/**
 * The vocabulary (用语): every enum's Chinese and English label, written once. See ./labels.
 */
export * from './by-name';
export * from './labels';
