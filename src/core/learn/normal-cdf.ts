import { monicPolynomial, polynomial } from '../util/polynomial.ts';

/**
 * Φ(z), the probability that a standard normal value is at most z, computed exactly as Weka
 * 3.6's Statistics.normalProbability does: Cephes' ndtr, with erf for small |z| and erfc
 * elsewhere so the tails keep their relative precision. Naive Bayes subtracts two of these,
 * so matching Weka to the last bits matters more than speed.
 */
export function normalCdf(z: number): number {
  const x = z * SQRT_HALF;
  if (Math.abs(x) < SQRT_HALF) return 0.5 + 0.5 * erf(x);
  const tail = 0.5 * erfc(Math.abs(x));
  return x > 0 ? 1 - tail : tail;
}

const SQRT_HALF = 0.7071067811865476;
/** Below -MAX_LOG, exp underflows to 0. */
const MAX_LOG = 709.782712893384;

// Cephes' rational approximations; a "monic" denominator has an implied leading coefficient of 1.
const ERF_NUMERATOR = [9.604973739870516, 90.02601972038427, 2232.005345946843, 7003.325141128051, 55592.30130103949];
const ERF_MONIC_DENOMINATOR = [33.56171416475031, 521.3579497801527, 4594.323829709801, 22629.000061389095, 49267.39426086359];
const ERFC_NEAR_NUMERATOR = [
  2.461969814735305e-10, 0.5641895648310689, 7.463210564422699, 48.63719709856814, 196.5208329560771, 526.4451949954773,
  934.5285271719576, 1027.5518868951572, 557.5353353693994,
];
const ERFC_NEAR_MONIC_DENOMINATOR = [
  13.228195115474499, 86.70721408859897, 354.9377788878199, 975.7085017432055, 1823.9091668790973, 2246.3376081871097,
  1656.6630919416134, 557.5353408177277,
];
const ERFC_FAR_NUMERATOR = [0.5641895835477551, 1.275366707599781, 5.019050422511805, 6.160210979930536, 7.4097426995044895, 2.9788666537210022];
const ERFC_FAR_MONIC_DENOMINATOR = [2.2605286322011726, 9.396035249380015, 12.048953980809666, 17.08144507475659, 9.608968090632859, 3.369076451000815];

function erf(x: number): number {
  if (Math.abs(x) > 1) return 1 - erfc(x);
  const z = x * x;
  return (x * polynomial(z, ERF_NUMERATOR)) / monicPolynomial(z, ERF_MONIC_DENOMINATOR);
}

function erfc(a: number): number {
  const x = Math.abs(a);
  if (x < 1) return 1 - erf(a);
  const exponent = -a * a;
  if (exponent < -MAX_LOG) return a < 0 ? 2 : 0;
  const near = x < 8;
  const numerator = polynomial(x, near ? ERFC_NEAR_NUMERATOR : ERFC_FAR_NUMERATOR);
  const denominator = monicPolynomial(x, near ? ERFC_NEAR_MONIC_DENOMINATOR : ERFC_FAR_MONIC_DENOMINATOR);
  let y = (Math.exp(exponent) * numerator) / denominator;
  if (a < 0) y = 2 - y;
  if (y === 0) return a < 0 ? 2 : 0;
  return y;
}


