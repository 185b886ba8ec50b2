// Deterministic pseudo-random digits from a seed string: the same inputs give the same outputs in a
// workflow replay, a test or a browser. FNV-1a 64-bit; not cryptographic, only well spread.

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = (1n << 64n) - 1n;

export function fnv1a64(text: string): bigint {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * FNV_PRIME) & MASK_64;
  }
  return hash;
}

/** `count` decimal digits derived from the seed. */
export function digitsFromSeed(seed: string, count: number): string {
  let digits = '';
  for (let block = 0; digits.length < count; block++) {
    digits += (fnv1a64(`${seed}#${block}`) % 10n ** 18n).toString().padStart(18, '0');
  }
  return digits.slice(0, count);
}

/** The Luhn (mod 10) check digit for a string of digits, as used at the end of many bank account numbers. */
export function luhnCheckDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Double every second digit counting from the right, starting with the rightmost.
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}
