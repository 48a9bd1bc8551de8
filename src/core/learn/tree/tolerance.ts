/**
 * Weka's comparisons with a slack of 1e-6 (weka.core.Utils gr, grOrEq, sm, smOrEq, eq). The
 * tree and boosting decide with these, so ties within the slack fall the way they fall in Weka.
 */
const SLACK = 1e-6;

/** a > b by more than the slack (Utils.gr). */
export function isAbove(a: number, b: number): boolean {
  return a - b > SLACK;
}

/** a ≥ b, or below it by less than the slack (Utils.grOrEq). */
export function isAtLeast(a: number, b: number): boolean {
  return b - a < SLACK || a >= b;
}

/** a < b by more than the slack (Utils.sm). */
export function isBelow(a: number, b: number): boolean {
  return b - a > SLACK;
}

/** a ≤ b, or above it by less than the slack (Utils.smOrEq). */
export function isAtMost(a: number, b: number): boolean {
  return a - b < SLACK || a <= b;
}

/** a and b differ by less than the slack (Utils.eq). */
export function isAbout(a: number, b: number): boolean {
  return a === b || (a - b < SLACK && b - a < SLACK);
}
