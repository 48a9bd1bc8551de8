import { monicPolynomial, polynomial } from '../../util/polynomial.ts';

/**
 * C4.5's pessimistic error estimate (Weka's j48.Stats.addErrs): how many errors to add to the
 * `errors` a leaf makes on its `total` training weight, for the upper limit of a confidence
 * interval at `confidence`. `confidence` must already be rounded to a float, as Weka stores it.
 */
export function extraErrors(total: number, errors: number, confidence: number): number {
  if (confidence > 0.5) return 0;
  if (errors < 1) {
    // Below one error the bound is interpolated between the exact bound for 0 and the one for 1.
    const forNone = total * (1 - Math.pow(confidence, 1 / total));
    if (errors === 0) return forNone;
    return forNone + errors * (extraErrors(total, 1, confidence) - forNone);
  }
  if (errors + 0.5 >= total) return Math.max(total - errors, 0);
  const z = normalQuantile(Math.fround(1 - confidence));
  const f = (errors + 0.5) / total;
  const upper =
    (f + (z * z) / (2 * total) + z * Math.sqrt(f / total - (f * f) / total + (z * z) / (4 * total * total))) /
    (1 + (z * z) / total);
  return upper * total - errors;
}

/**
 * The value below which a standard normal falls with probability p, 0 < p < 1: Cephes' ndtri,
 * which Weka's Statistics.normalInverse follows step for step.
 */
export function normalQuantile(p: number): number {
  const EXP_MINUS_2 = 0.1353352832366127;
  let y = p;
  let negate = true;
  if (y > 1 - EXP_MINUS_2) {
    y = 1 - y;
    negate = false;
  }
  if (y > EXP_MINUS_2) {
    y -= 0.5;
    const y2 = y * y;
    return (y + y * ((y2 * polynomial(y2, CENTRE_P)) / monicPolynomial(y2, CENTRE_Q))) * Math.sqrt(2 * Math.PI);
  }
  const x = Math.sqrt(-2 * Math.log(y));
  const x0 = x - Math.log(x) / x;
  const z = 1 / x;
  const x1 = x < 8 ? (z * polynomial(z, TAIL_P)) / monicPolynomial(z, TAIL_Q) : (z * polynomial(z, FAR_TAIL_P)) / monicPolynomial(z, FAR_TAIL_Q);
  return negate ? x1 - x0 : x0 - x1;
}



// Cephes' rational approximations for |p - 0.5| ≤ 0.5 - e^-2, then for the tails.
const CENTRE_P = [-59.96335010141079, 98.00107541859997, -56.67628574690703, 13.931260938727968, -1.2391658386738125];
const CENTRE_Q = [
  1.9544885833814176, 4.676279128988815, 86.36024213908905, -225.46268785411937, 200.26021238006066, -82.03722561683334,
  15.90562251262117, -1.1833162112133,
];
const TAIL_P = [
  4.0554489230596245, 31.525109459989388, 57.16281922464213, 44.08050738932008, 14.684956192885803, 2.1866330685079025,
  -0.1402560791713545, -0.03504246268278482, -8.574567851546854e-4,
];
const TAIL_Q = [
  15.779988325646675, 45.39076351288792, 41.3172038254672, 15.04253856929075, 2.504649462083094, -0.14218292285478779,
  -0.03808064076915783, -9.332594808954574e-4,
];
const FAR_TAIL_P = [
  3.2377489177694603, 6.915228890689842, 3.9388102529247444, 1.3330346081580755, 0.20148538954917908, 0.012371663481782003,
  3.0158155350823543e-4, 2.6580697468673755e-6, 6.239745391849833e-9,
];
const FAR_TAIL_Q = [
  6.02427039364742, 3.6798356385616087, 1.3770209948908132, 0.21623699359449663, 0.013420400608854318,
  3.2801446468212774e-4, 2.8924786474538068e-6, 6.790194080099813e-9,
];
