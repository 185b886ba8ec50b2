import { deepEqual } from '@onetrip/domain';
import type { ProcessDefinition } from '@onetrip/domain';
import { useMemo, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api';
import { useDepartmentName, type EngineCaseView } from '../components/case-parts';
import { ErrorNotice, Notice, useAnnounce } from '../components/ui';
import { SchemaFields } from '../engine/schema-fields';
import { checkSchemaValue, cleanValue, fieldOf, getAt, pathLabel, schemaAtPath, setAt, type FieldNode } from '../engine/schema-form';
import { covers, serverProblems, type Problems } from '../form/form-model';
import { useI18n } from '../i18n';

// The one correction notice of a case on any definition: the fields the departments flagged, rendered
// from the definition's form schema and alone editable; the changes go to the same endpoint.

export function GenericCorrectionPanel({ view, definition, onDone }: { view: EngineCaseView; definition: ProcessDefinition; onDone: (next: EngineCaseView) => void }) {
  const { t, lang } = useI18n();
  const announce = useAnnounce();
  const departmentName = useDepartmentName(definition);
  const schema = definition.form.schema;
  const items = view.correction?.items ?? [];
  const flagged = useMemo(() => [...new Set(items.map((item) => item.field))], [items]);
  const noticeKey = `${view.correction?.round ?? 0}:${flagged.join('|')}`;
  const [draft, setDraft] = useState<unknown>(view.form);
  const [draftKey, setDraftKey] = useState(noticeKey);
  const [attempted, setAttempted] = useState(false);
  const [server, setServer] = useState<Problems>({});
  const [error, setError] = useState<unknown>(null);
  const [hint, setHint] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  if (draftKey !== noticeKey) {
    setDraftKey(noticeKey);
    setDraft(view.form);
  }
  const nodes: FieldNode[] = flagged.flatMap((field) => {
    const own = schemaAtPath(schema, field);
    return own ? [fieldOf(own, schema, field, true)] : [];
  });
  const relevant = Object.fromEntries(
    Object.entries({ ...checkSchemaValue(schema, draft), ...server }).filter(([path]) => flagged.some((field) => covers(field, path) || covers(path, field))),
  );

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    setError(null);
    setHint(null);
    if (Object.keys(relevant).length > 0) {
      announce(t('partHasProblems', { count: Object.values(relevant).flat().length }));
      return;
    }
    const before = cleanValue(schema, schema, view.form);
    const after = cleanValue(schema, schema, draft);
    if (flagged.every((field) => deepEqual(getAt(before, field), getAt(after, field)))) {
      setHint(t('noChange'));
      announce(t('noChange'));
      return;
    }
    setSending(true);
    try {
      const changes = Object.fromEntries(flagged.map((field) => [field, getAt(after, field) ?? null]));
      onDone(await api<EngineCaseView>('POST', `/applications/${encodeURIComponent(view.id)}/corrections`, { body: { changes } }));
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 400 && caught.fields.length > 0) setServer(serverProblems(caught.fields));
      setError(caught);
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="panel panel--warning" aria-labelledby="correction-title" data-testid="correction">
      <h2 id="correction-title">{t('correctionTitle')}</h2>
      <p>{t('correctionIntro')}</p>
      <ul className="correction-items">
        {items.map((item, i) => (
          <li key={i}>
            <strong>{pathLabel(schema, item.field, lang)}</strong> — {t('correctionFrom', { department: departmentName(item.department), reason: item.reason })}
          </li>
        ))}
      </ul>
      <form noValidate onSubmit={send}>
        <h3>{t('correctionEditorTitle')}</h3>
        <SchemaFields
          root={schema}
          fields={nodes}
          value={draft}
          onChange={(path, value) => {
            setDraft((current: unknown) => setAt(current, path, value));
            setServer({});
          }}
          problems={attempted ? relevant : server}
        />
        {hint && <Notice kind="error">{hint}</Notice>}
        <ErrorNotice error={error} />
        <div className="actions">
          <button type="submit" className="button" disabled={sending} data-testid="send-correction">
            {sending ? t('sendingCorrection') : t('sendCorrection')}
          </button>
        </div>
      </form>
    </section>
  );
}
