import { labelledFields, stepKind, STEP_KIND_KEYS, type LabelledField, type LocalizedName, type ProcessDefinition, type ValueNamer } from '@onetrip/domain';
import { useI18n } from '../i18n';

// Fields in people's words (a task's part of the form, what a step issued, an admin's view of a form): the
// labels and values come from the definition's schemas, so no form path or machine code reaches the page.

const words = (name: LocalizedName, lang: 'zh' | 'en'): string => (lang === 'zh' ? name.zh : name.en);

function Row({ field }: { field: Pick<LabelledField, 'path' | 'label' | 'value'> }) {
  const { lang } = useI18n();
  return (
    <div data-path={field.path}>
      <dt>{words(field.label, lang)}</dt>
      <dd>
        <span className="value">{words(field.value, lang)}</span>
      </dd>
    </div>
  );
}

/** Fields grouped by the part of the form they lie in, in the order given. */
export function LabelledFields({ fields, testId }: { fields: readonly Pick<LabelledField, 'path' | 'section' | 'label' | 'value'>[]; testId?: string }) {
  const { lang } = useI18n();
  const groups: { key: string; section?: LocalizedName; fields: Pick<LabelledField, 'path' | 'label' | 'value'>[] }[] = [];
  for (const field of fields) {
    const key = field.section ? `${field.section.zh}|${field.section.en}` : '';
    const last = groups[groups.length - 1];
    if (last && last.key === key && key !== '') last.fields.push(field);
    else groups.push({ key, section: field.section, fields: [field] });
  }
  return (
    <dl className="readonly" data-testid={testId}>
      {groups.map((group, i) =>
        group.section ? (
          <div key={`${group.key}-${i}`} className="readonly-group">
            <dt>{words(group.section, lang)}</dt>
            <dd>
              <dl className="readonly">
                {group.fields.map((field) => (
                  <Row key={field.path} field={field} />
                ))}
              </dl>
            </dd>
          </div>
        ) : (
          group.fields.map((field) => <Row key={field.path} field={field} />)
        ),
      )}
    </dl>
  );
}

/** A whole form of a definition in words; codes a registered kind knows (a bank code) by their names. */
export function formFields(definition: ProcessDefinition, form: unknown): LabelledField[] {
  // Any registered kind may know a code of the form (the bank kind its bank codes), whether or not a step of this process uses it.
  const kinds = [...STEP_KIND_KEYS].map((key) => stepKind(key));
  const namer: ValueNamer = (path, value) => kinds.map((kind) => kind.valueName?.(path, value)).find((named) => named !== undefined);
  return labelledFields(definition.form.schema, form, namer);
}
