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
  money: { hint: 'h.amount', inputMode: 'decimal' },
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
