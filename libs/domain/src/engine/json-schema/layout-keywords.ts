// The form schema's layout annotations: how the web lays the form out (wizard steps, field order,
// purpose-built widgets, help texts, fields shown only when a condition holds). They constrain no value,
// so the API's check ignores them; their references to fields are checked by engine/form-layout.ts.
//   x-steps  (root only) [{ key, label: {zh, en}, fields: [form paths, in order] }]
//   x-order  (an object) its property names in the order they are shown (jsonb storage sorts keys)
//   x-widget (any field) the name of a widget the web registers (kebab-case); unknown ones fall back
//   x-help   (any field) {zh, en}: a help text under the label
//   x-when   (any field) a condition over the form (conditions.ts): the field shows only when it holds

export const LAYOUT_KEYWORDS = ['x-steps', 'x-order', 'x-widget', 'x-help', 'x-when'] as const;
export type LayoutKeyword = (typeof LAYOUT_KEYWORDS)[number];

const WIDGET_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isLocalized = (value: unknown): boolean => isObject(value) && typeof value.zh === 'string' && typeof value.en === 'string';

/** What is wrong with the shape of a layout keyword's value, or null. */
export function layoutKeywordProblem(keyword: LayoutKeyword, value: unknown): string | null {
  switch (keyword) {
    case 'x-steps':
      return Array.isArray(value) &&
        value.length > 0 &&
        value.every((step) => isObject(step) && typeof step.key === 'string' && /^[A-Za-z][A-Za-z0-9]*$/.test(step.key) && isLocalized(step.label) && Array.isArray(step.fields) && step.fields.length > 0 && step.fields.every((f) => typeof f === 'string'))
        ? null
        : '"x-steps" must be a non-empty list of {"key": identifier, "label": {"zh", "en"}, "fields": [form paths]}';
    case 'x-order':
      return Array.isArray(value) && value.every((name) => typeof name === 'string') ? null : '"x-order" must be a list of property names';
    case 'x-widget':
      return typeof value === 'string' && WIDGET_NAME.test(value) ? null : '"x-widget" must be a widget name in kebab-case';
    case 'x-help':
      return isLocalized(value) ? null : '"x-help" must be {"zh": …, "en": …}';
    case 'x-when':
      return isObject(value) ? null : '"x-when" must be a condition (an object with one operator)';
  }
}
