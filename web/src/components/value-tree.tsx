import { findBank, maskIdNumber } from '@onetrip/domain';
import type { ReactNode } from 'react';
import { hasMessage, useI18n, type Translate } from '../i18n';
import { fieldLabel } from '../form/form-model';

// Any part of the form (or a department's masked view of it) as a labelled, read-only list.

const ENUM_PREFIX: Array<[RegExp, string]> = [
  [/^company\.entityType$/, 'entityType.'],
  [/^shareholders\[\d+\]\.kind$/, 'kind.'],
  [/^seals\.kinds(\[\d+\])?$/, 'seal.'],
  [/^tax\.taxpayerType$/, 'taxpayer.'],
  [/^delivery\.method$/, 'delivery.'],
];

function scalar(path: string, value: unknown, t: Translate, lang: 'zh' | 'en'): string {
  if (typeof value === 'boolean') return value ? t('yes') : t('no');
  if (value === null || value === undefined || value === '') return '—';
  const text = String(value);
  for (const [pattern, prefix] of ENUM_PREFIX) {
    if (pattern.test(path) && hasMessage(`${prefix}${text}`)) return t(`${prefix}${text}` as Parameters<Translate>[0]);
  }
  if (path === 'bank.bankCode') {
    const bank = findBank(text);
    if (bank) return lang === 'zh' ? bank.nameZh : bank.nameEn;
  }
  return text;
}

const PART_ORDER = ['company', 'legalRepresentative', 'shareholders', 'seals', 'tax', 'socialInsurance', 'bank', 'delivery'];

function label(path: string, key: string, t: Translate): string {
  if (!path.includes('.') && !path.includes('[') && hasMessage(`part.${key}`)) return t(`part.${key}` as Parameters<Translate>[0]);
  const full = fieldLabel(path, t);
  // Inside a numbered list element, the element's number is already shown by the list.
  return /\[\d+\]\.[A-Za-z]+$/.test(path) && full.includes(' · ') ? full.slice(full.lastIndexOf(' · ') + 3) : full;
}

function entries(value: object, path: string): [string, unknown][] {
  const list = Object.entries(value);
  if (path !== '') return list;
  const rank = (key: string): number => (PART_ORDER.includes(key) ? PART_ORDER.indexOf(key) : PART_ORDER.length);
  return list.sort(([a], [b]) => rank(a) - rank(b));
}

export function ValueTree({ value, path = '', maskIds = false }: { value: unknown; path?: string; maskIds?: boolean }): ReactNode {
  const { t, lang } = useI18n();
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item !== 'object' || item === null)) {
      return <span>{value.length === 0 ? t('none') : value.map((item, i) => scalar(`${path}[${i}]`, item, t, lang)).join('、')}</span>;
    }
    return (
      <ol className="tree-list">
        {value.map((item, i) => (
          <li key={i}>
            <ValueTree value={item} path={`${path}[${i}]`} maskIds={maskIds} />
          </li>
        ))}
      </ol>
    );
  }
  if (typeof value === 'object' && value !== null) {
    return (
      <dl className="readonly">
        {entries(value, path).map(([key, item]) => {
          const child = path ? `${path}.${key}` : key;
          return (
            <div key={key} className={typeof item === 'object' && item !== null ? 'readonly-group' : undefined}>
              <dt>{label(child, key, t)}</dt>
              <dd>
                <ValueTree value={maskIds && key === 'idNumber' && typeof item === 'string' ? maskIdNumber(item) : item} path={child} maskIds={maskIds} />
              </dd>
            </div>
          );
        })}
      </dl>
    );
  }
  return <span className="value">{scalar(path, value, t, lang)}</span>;
}
