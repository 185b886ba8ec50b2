import { isValidMobile, isValidUscc, Money, parseCalendarDate, parseResidentId } from '@onetrip/domain';
import type { Problem } from '../form/form-check';

// Purpose-built inputs, registered by the JSON Schema format a definition's field declares: the same
// widget (hint, size, keyboard, its own quick check) serves the enterprise form's fixed fields and any
// definition's generic form. Pure data and checks (no React), so a unit test reads them.

export interface FormatWidget {
  /** i18n key of the hint under the label. */
  hint?: string;
  maxLength?: number;
  inputMode?: 'text' | 'numeric' | 'decimal' | 'tel';
  type?: 'text' | 'date' | 'tel';
  autoComplete?: string;
  /** Letters typed in lower case are sent in upper case (ID numbers, USCCs). */
  upperCase?: boolean;
  /** The check of a non-empty, trimmed value: a problem to show at once (e.g. the ID number's check character). */
  check(value: string): Problem | null;
}

const DIVISION_CODE = /^(\d{6}|\d{9}|\d{12})$/;

export const FORMAT_WIDGETS: Readonly<Record<string, FormatWidget>> = {
  'resident-id': {
    hint: 'h.idNumber',
    maxLength: 18,
    upperCase: true,
    check: (value) => {
      const parsed = parseResidentId(value);
      return parsed.ok ? null : { code: `RESIDENT_ID_${parsed.reason}` };
    },
  },
  uscc: {
    hint: 'h.uscc',
    maxLength: 18,
    upperCase: true,
    check: (value) => (isValidUscc(value.toUpperCase()) ? null : { code: 'USCC_INVALID' }),
  },
  mobile: {
    hint: 'h.mobile',
    maxLength: 11,
    inputMode: 'tel',
    type: 'tel',
    autoComplete: 'tel',
    check: (value) => (isValidMobile(value) ? null : { code: 'MOBILE_INVALID' }),
  },
  money: {
    hint: 'h.amount',
    inputMode: 'decimal',
    check: (value) => (Money.isValid(value) ? null : { code: 'CAPITAL_FORMAT' }),
  },
  'division-code': {
    hint: 'h.company.address.divisionCode',
    maxLength: 12,
    inputMode: 'numeric',
    check: (value) => (DIVISION_CODE.test(value) ? null : { code: 'ADDRESS_DIVISION_INVALID' }),
  },
  date: {
    type: 'date',
    check: (value) => (parseCalendarDate(value) ? null : { code: 'DATE_INVALID' }),
  },
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
