/** Appeals (申诉复核). */
export const appealContract = {};
