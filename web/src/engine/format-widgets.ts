// Purpose-built inputs, registered by the JSON Schema format a definition's field declares (libs/domain's
// FORMATS): the same widget (hint, size, keyboard) serves the enterprise form's fixed fields and any
// definition's generic form. The check behind it is the domain's (checkFormat, through validateValue):
// the ID number's check-character feedback is RESIDENT_ID_CHECK_CHARACTER from there. Pure data (no
// React), so a unit test reads it.

export interface FormatWidget {
  /** i18n key of the hint under the label. */
  hint?: string;
  maxLength?: number;
  inputMode?: 'text' | 'numeric' | 'decimal' | 'tel';
  type?: 'text' | 'date' | 'tel';
  autoComplete?: string;
  /** Letters typed in lower case are sent in upper case (ID numbers, USCCs). */
  upperCase?: boolean;
}

export const FORMAT_WIDGETS: Readonly<Record<string, FormatWidget>> = {
  'resident-id': { hint: 'h.idNumber', maxLength: 18, upperCase: true },
  uscc: { hint: 'h.uscc', maxLength: 18, upperCase: true },
  mobile: { hint: 'h.mobile', maxLength: 11, inputMode: 'tel', type: 'tel', autoComplete: 'tel' },
  money: { hint: 'h.amount', inputMode: 'text' },
  'division-code': { hint: 'h.company.address.divisionCode', maxLength: 12, inputMode: 'numeric' },
  date: { type: 'date' },
};

export function formatWidget(format: unknown): FormatWidget | undefined {
  return typeof format === 'string' && Object.prototype.hasOwnProperty.call(FORMAT_WIDGETS, format) ? FORMAT_WIDGETS[format] : undefined;
}

/** A widget's input settings for a TextField, the hint already in words. */
export function widgetInputProps(format: string, translate: (key: string) => string): { hint?: string; maxLength?: number; inputMode?: FormatWidget['inputMode']; type?: FormatWidget['type']; autoComplete?: string } {
  const widget = FORMAT_WIDGETS[format];
  return {
    hint: widget.hint ? translate(widget.hint) : undefined,
    maxLength: widget.maxLength,
    inputMode: widget.inputMode,
    type: widget.type,
    autoComplete: widget.autoComplete,
  };
}

const FULL_WIDTH = /[０-９．，]/g;
const UNITS: Record<string, bigint> = { 万: 10_000n, 亿: 100_000_000n };

/**
 * An amount as people type it, in the money format the API takes ("500000.00"): digits with thousands
 * separators ("500,000"), spaces, full-width digits, a leading ¥ or a trailing 元, and 万/亿 ("50万").
 * Null when it is not an amount, or has more than two decimals once scaled. Exact: BigInt cents.
 */
export function normaliseMoney(text: string): string | null {
  let s = text
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s,]/g, '')
    .replace(/^[¥￥]/, '')
    .replace(/元$/, '');
  let factor = 1n;
  const unit = s.slice(-1);
  if (UNITS[unit]) {
    factor = UNITS[unit];
    s = s.slice(0, -1);
  }
  const found = /^(\d+)(?:\.(\d+))?$/.exec(s);
  if (!found) return null;
  const fraction = found[2] ?? '';
  const scale = 10n ** BigInt(fraction.length);
  const scaled = BigInt(found[1] + fraction) * factor * 100n;
  if (scaled % scale !== 0n) return null;
  const cents = scaled / scale;
  return `${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}`;
}
