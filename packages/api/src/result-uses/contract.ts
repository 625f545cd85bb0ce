/** Use of results (结果运用). */
export const resultUseContract = {};
