import { buildOutcome, sampleApplicationForm, type ProcessDefinition } from '@onetrip/domain';
import { ENTERPRISE_OPENING_V1 } from '@onetrip/domain/processes/shipped-definitions';
import { outcomeRows, type OutcomeRow, type OutcomeValue } from './outcome-layout';

// The enterprise opening's outcome through the generic, definition-driven layout: every value labelled
// from the step output it comes from, in words (seal kinds, the bank, yes/no) or as the code a department
// issued, in the steps' order even when storage sorted the definition's keys.

/** The definition as PostgreSQL's jsonb gives it back: every object's keys sorted (shorter first, then bytewise). */
function jsonbOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(jsonbOrder);
  if (typeof value !== 'object' || value === null) return value;
  const keys = Object.keys(value).sort((a, b) => Buffer.byteLength(a) - Buffer.byteLength(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((key) => [key, jsonbOrder((value as Record<string, unknown>)[key])]));
}

const OUTPUTS = {
  SAMR: { uscc: '91433100MA4L0000X1', licenseNumber: '433100000012345', enterpriseName: '吉首市湘土网络科技有限公司' },
  PSB: { seals: [{ kind: 'OFFICIAL', filingCode: 'YZ-0001' }, { kind: 'FINANCE', filingCode: 'YZ-0002' }] },
  TAX: { taxpayerId: '91433100MA4L0000X1', taxpayerType: 'SMALL_SCALE', invoicesApproved: true, ukeyNumber: null },
  HRSS: { socialInsuranceNumber: 'SB-433100-77', enrolledEmployees: 2 },
  BANK: { bankCode: 'ICBC', bankName: '中国工商银行', branch: '吉首分行营业部', accountNumber: '6222020200112233445' },
};

function words(value: OutcomeValue): string[] {
  switch (value.kind) {
    case 'none':
      return [];
    case 'words':
      return [value.words.zh, value.words.en];
    case 'code':
      return [value.code];
    case 'list':
      return value.items.flat().flatMap(words);
    case 'group':
      return value.rows.flatMap((row) => [row.label.zh, row.label.en, ...words(row.value)]);
  }
}

const row = (rows: OutcomeRow[], field: string): OutcomeRow => {
  const found = rows.find((r) => r.field === field);
  if (!found) throw new Error(`no row ${field}`);
  return found;
};

describe('the opening outcome laid out from its definition', () => {
  const stored = jsonbOrder(ENTERPRISE_OPENING_V1) as ProcessDefinition;
  const outcome = buildOutcome(stored, OUTPUTS, sampleApplicationForm());
  const rows = outcomeRows(stored, outcome);

  it('orders the fields by the steps they come from and each step’s outputs, whatever the key order', () => {
    expect(rows.map((r) => r.field)).toEqual(['uscc', 'licenseNumber', 'enterpriseName', 'seals', 'tax', 'socialInsurance', 'bankAccount']);
    expect(outcomeRows(ENTERPRISE_OPENING_V1, outcome)).toEqual(rows);
  });

  it('labels each value from the output schema and a group by its step', () => {
    expect(row(rows, 'uscc').label).toEqual({ zh: '统一社会信用代码', en: 'Unified social credit code' });
    expect(row(rows, 'licenseNumber').value).toEqual({ kind: 'code', code: '433100000012345' });
    expect(row(rows, 'tax').label.zh).toBe('涉税事项、发票申领及税务UKey');
  });

  it('says seal kinds, the bank and yes/no in words, issued identifiers as codes, and a missing value as none', () => {
    expect(row(rows, 'seals').value).toEqual({
      kind: 'list',
      items: [
        [{ kind: 'words', words: { zh: '公章', en: 'Official seal' } }, { kind: 'code', code: 'YZ-0001' }],
        [{ kind: 'words', words: { zh: '财务专用章', en: 'Finance seal' } }, { kind: 'code', code: 'YZ-0002' }],
      ],
    });
    const tax = row(rows, 'tax').value as Extract<OutcomeValue, { kind: 'group' }>;
    expect(tax.rows.map((r) => [r.field, r.value])).toEqual([
      ['taxpayerId', { kind: 'code', code: '91433100MA4L0000X1' }],
      ['invoicesApproved', { kind: 'words', words: { zh: '是', en: 'Yes' } }],
      ['ukeyNumber', { kind: 'none' }],
    ]);
    const bank = row(rows, 'bankAccount').value as Extract<OutcomeValue, { kind: 'group' }>;
    // The bank's code and its registered name say the same bank: it is said once, by name, in the reader's language.
    expect(bank.rows.map((r) => [r.field, r.label.zh, r.value])).toEqual([
      ['bankCode', '开户银行', { kind: 'words', words: { zh: '中国工商银行', en: 'Industrial and Commercial Bank of China' } }],
      ['branch', '开户网点', { kind: 'code', code: '吉首分行营业部' }],
      ['accountNumber', '账号', { kind: 'code', code: '6222020200112233445' }],
    ]);
  });

  it('shows no machine code of an enum or the bank list anywhere', () => {
    const shown = rows.flatMap((r) => [r.label.zh, r.label.en, ...words(r.value)]);
    for (const code of ['OFFICIAL', 'FINANCE', 'SMALL_SCALE', 'ICBC', 'true', 'false']) expect(shown).not.toContain(code);
  });
});
