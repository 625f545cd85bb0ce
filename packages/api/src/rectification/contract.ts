/** Rectification tasks (整改). */
export const rectificationContract = {};
