/** The console's words for the year-end evaluation (keys start with `ev` + `Run`/`Res`: `er`), in Chinese. */
export const evaluationZh = {
  erMyResult: '本单位考核结果',
  erTitle: '年终评估计算',
};
