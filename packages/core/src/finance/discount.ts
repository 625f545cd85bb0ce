/**
 * Discounting, the convention shared by every calculator in this folder.
 *
 * The seed (中央政府投资项目预算绩效评价参考指标) defines FNPV = Σ_{t=1..n} (CI_t − CO_t)·R_t with
 * R_t = (1 + i)^−t: the FIRST flow is year t = 1 and is already discounted one period. (Many
 * textbooks start at t = 0; here the project's start, "项目实施初期", is the beginning of year 1.)
 * So `flows[k]` is year t = k + 1.
 *
 * Precision: each term uses Math.pow (a few ulp of relative error) and the terms are added with
 * Neumaier's compensated summation, so the absolute error is about 1e-15 × Σ|terms| regardless of
 * how many positive and negative terms cancel. No decimal arithmetic: these values feed indicators
 * that the scoring engine rounds.
 */

/** R_t = (1 + i)^−t for year t (1-based). */
export const discountFactor = (rate: number, t: number): number => (1 + rate) ** -t;

/** Σ_{t=1..n} flows[t−1]·(1 + rate)^−t, compensated. Inputs are assumed validated. */
export function presentValueAt(flows: readonly number[], rate: number): number {
  let sum = 0;
  let carry = 0;
  for (let k = 0; k < flows.length; k++) {
    const term = (flows[k] as number) * discountFactor(rate, k + 1);
    const s = sum + term;
    // Neumaier: keep the low-order bits lost by whichever addend is smaller.
    carry += Math.abs(sum) >= Math.abs(term) ? sum - s + term : term - s + sum;
    sum = s;
  }
  return sum + carry;
}

/** Σ |flows[t−1]|·(1 + rate)^−t: the magnitude against which an NPV near zero should be judged. */
export function absolutePresentValueAt(flows: readonly number[], rate: number): number {
  let sum = 0;
  for (let k = 0; k < flows.length; k++) sum += Math.abs(flows[k] as number) * discountFactor(rate, k + 1);
  return sum;
}
