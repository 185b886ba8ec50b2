// Mainland China mobile numbers: 11 digits, '1' then 3–9 (no country code, no separators).
const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

export function isValidMobile(mobile: string): boolean {
  return MOBILE_PATTERN.test(mobile);
}
