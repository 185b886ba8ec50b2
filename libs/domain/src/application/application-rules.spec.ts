import fc from 'fast-check';
import { addDays, fromDayNumber, toDayNumber } from '../calendar/calendar-date';
import { makeResidentId, residentIdCheckChar } from '../identifiers/resident-id';
import { generateUscc, usccCheckChar } from '../identifiers/uscc';
import { maskPersonalData } from '../privacy/masking';
import { applyCorrections, isCorrectablePath, type ApplicationForm } from './application-form';
import { applicationFormArb } from '../../test/application-form.arbitrary';
import { checkApplication, JISHOU_JURISDICTION, type RuleContext } from './application-rules';
import { sampleApplicationForm } from './sample-application';

const ctx: RuleContext = { today: '2026-03-02', jurisdiction: JISHOU_JURISDICTION, nameTaken: false };
const check = (changes: Record<string, unknown>, context: Partial<RuleContext> = {}) =>
  checkApplication(applyCorrections(sampleApplicationForm(), changes), { ...ctx, ...context });
const violations = (changes: Record<string, unknown>, context: Partial<RuleContext> = {}) =>
  check(changes, context).violations.map((v) => `${v.path} ${v.code}`);

describe('checkApplication', () => {
  it('passes the sample application', () => {
    expect(checkApplication(sampleApplicationForm(), ctx)).toEqual({ violations: [], flags: [] });
  });

  it('refuses a context without a real today', () => {
    expect(() => checkApplication(sampleApplicationForm(), { ...ctx, today: '2026-02-30' })).toThrow();
  });

  describe('resident IDs', () => {
    it('checks the legal representative, person shareholders and employees', () => {
      expect(violations({ 'legalRepresentative.idNumber': '433101199001011235' })).toEqual([
        'legalRepresentative.idNumber RESIDENT_ID_CHECK_CHARACTER',
      ]);
      expect(violations({ 'shareholders[0].idNumber': '43310119900101123' })).toEqual(['shareholders[0].idNumber RESIDENT_ID_FORMAT']);
      const feb30 = '43310119900230123';
      expect(violations({ 'socialInsurance.employees[0].idNumber': feb30 + residentIdCheckChar(feb30) })).toEqual([
        'socialInsurance.employees[0].idNumber RESIDENT_ID_BIRTH_DATE',
      ]);
    });

    it('refuses a birth date after today', () => {
      expect(violations({ 'socialInsurance.employees[0].idNumber': makeResidentId('433101', '2026-03-03', 1) })).toEqual([
        'socialInsurance.employees[0].idNumber RESIDENT_ID_BIRTH_DATE',
      ]);
    });
  });

  it('requires the legal representative to be 18 on today, exactly from the birthday', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('1950-01-01'), max: toDayNumber('2020-12-31') }), (day) => {
        const birth = fromDayNumber(day);
        const eighteenth = `${String(Number(birth.slice(0, 4)) + 18).padStart(4, '0')}${birth.slice(4) === '-02-29' ? '-03-01' : birth.slice(4)}`;
        const form = applyCorrections(sampleApplicationForm(), { 'legalRepresentative.idNumber': makeResidentId('433101', birth, 7) });
        const codes = (today: string) => checkApplication(form, { ...ctx, today }).violations.map((v) => v.code);
        expect(codes(addDays(eighteenth, -1))).toContain('LEGAL_REPRESENTATIVE_UNDERAGE');
        expect(codes(eighteenth)).not.toContain('LEGAL_REPRESENTATIVE_UNDERAGE');
      }),
    );
  });

  it('checks the mobile number', () => {
    expect(violations({ 'legalRepresentative.mobile': '12800001111' })).toEqual(['legalRepresentative.mobile MOBILE_INVALID']);
  });

  describe('capital', () => {
    it('needs valid positive amounts', () => {
      expect(violations({ 'company.registeredCapital': '1,000,000' })).toEqual(['company.registeredCapital CAPITAL_FORMAT']);
      expect(violations({ 'shareholders[1].subscribedCapital': '0.00', 'company.registeredCapital': '600000' })).toEqual([
        'shareholders[1].subscribedCapital CAPITAL_NOT_POSITIVE',
      ]);
    });

    it('needs subscribed capital to add up exactly to the registered capital', () => {
      expect(violations({ 'shareholders[1].subscribedCapital': '399999.99' })).toEqual(['company.registeredCapital CAPITAL_MISMATCH']);
      expect(check({ 'shareholders[1].subscribedCapital': '399999.99' }).violations[0].message).toBe(
        'Subscribed capital adds up to 999999.99 but the registered capital is 1000000.00',
      );
      // 0.1 + 0.2 = 0.3 in Money, although not in floating point.
      expect(violations({ 'company.registeredCapital': '0.30', 'shareholders[0].subscribedCapital': '0.10', 'shareholders[1].subscribedCapital': '0.20' })).toEqual([]);
    });

    it('accepts any exact split and refuses any split off by a fen', () => {
      fc.assert(
        fc.property(fc.array(fc.bigInt({ min: 1n, max: 10n ** 12n }), { minLength: 1, maxLength: 6 }), fc.boolean(), (fens, up) => {
          const yuan = (fen: bigint) => `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;
          const shareholders = fens.map((fen, i) => ({ name: `股东${i}`, kind: 'ENTITY', uscc: generateUscc({ divisionCode: '433101', sequence: i + 1 }), subscribedCapital: yuan(fen) }));
          const total = fens.reduce((a, b) => a + b, 0n);
          expect(violations({ shareholders, 'company.registeredCapital': yuan(total) })).toEqual([]);
          const off = up ? total + 1n : total - 1n;
          fc.pre(off > 0n);
          expect(violations({ shareholders, 'company.registeredCapital': yuan(off) })).toEqual(['company.registeredCapital CAPITAL_MISMATCH']);
        }),
        { numRuns: 50 },
      );
    });
  });

  describe('shareholders', () => {
    it('needs at least one, and the right number for the entity type', () => {
      expect(violations({ shareholders: [] })).toEqual(['shareholders SHAREHOLDERS_EMPTY']);
      const one = [{ name: '张三', kind: 'PERSON', idNumber: makeResidentId('433101', '1990-01-01', 123), subscribedCapital: '1000000' }];
      expect(violations({ 'company.name': '吉首市湘土网络科技合伙企业', 'company.entityType': 'PARTNERSHIP', shareholders: one })).toEqual(['shareholders SHAREHOLDERS_TOO_FEW']);
      expect(violations({ 'company.name': '吉首市湘土网络科技个人独资企业', 'company.entityType': 'SOLE_PROPRIETORSHIP' })).toEqual(['shareholders SOLE_PROPRIETOR_NOT_ONE_PERSON']);
      expect(violations({ 'company.name': '吉首市湘土网络科技个人独资企业', 'company.entityType': 'SOLE_PROPRIETORSHIP', shareholders: one })).toEqual([]);
      const many = Array.from({ length: 51 }, (_, i) => ({ name: `股东${i}`, kind: 'ENTITY', uscc: generateUscc({ divisionCode: '433101', sequence: i }), subscribedCapital: '100' }));
      expect(violations({ shareholders: many, 'company.registeredCapital': '5100' })).toEqual(['shareholders SHAREHOLDERS_TOO_MANY']);
    });

    it('needs an ID number for a person and a USCC for an entity', () => {
      expect(violations({ 'shareholders[0].idNumber': null })).toEqual(['shareholders[0].idNumber SHAREHOLDER_ID_NUMBER_MISSING']);
      expect(violations({ 'shareholders[1].uscc': ' ' })).toEqual(['shareholders[1].uscc SHAREHOLDER_USCC_MISSING']);
      expect(violations({ 'shareholders[1].uscc': '91433100ma00000abc' })).toEqual(['shareholders[1].uscc SHAREHOLDER_USCC_FORMAT']);
    });

    it('flags, but does not refuse, an entity USCC that fails its check', () => {
      const result = check({ 'shareholders[1].uscc': '91350100M000100Y44' });
      expect(result.violations).toEqual([]);
      expect(result.flags).toEqual([{ path: 'shareholders[1].uscc', code: 'USCC_CHECK_FAILED', message: expect.any(String) }]);
      const badOrgCode = '91350100M000100Y5';
      expect(check({ 'shareholders[1].uscc': badOrgCode + usccCheckChar(badOrgCode) }).flags).toHaveLength(1);
    });

    it('refuses the same shareholder twice', () => {
      const form = sampleApplicationForm();
      expect(violations({ 'shareholders[1]': { ...form.shareholders[0], subscribedCapital: '400000' } })).toEqual(['shareholders[1].idNumber SHAREHOLDER_DUPLICATE']);
    });
  });

  describe('company name', () => {
    it('reports composition problems and forbidden words on company.name', () => {
      expect(violations({ 'company.name': '长沙市湘土科技有限公司' })).toEqual(['company.name NAME_DIVISION_MISSING']);
      expect(violations({ 'company.name': '吉首市中国科技有限公司' })).toEqual(['company.name NAME_FORBIDDEN_WORD']);
      expect(violations({ 'company.name': '吉首市湘土科技有限公司' }, { forbiddenWords: ['湘土'] })).toEqual(['company.name NAME_FORBIDDEN_WORD']);
      expect(violations({ 'company.name': '吉首市湘土科技股份有限公司' })).toEqual(['company.name NAME_ORGANISATIONAL_FORM_MISMATCH']);
    });

    it('reports a taken name once', () => {
      expect(violations({}, { nameTaken: true })).toEqual(['company.name NAME_TAKEN']);
      const name = sampleApplicationForm().company.name;
      expect(violations({}, { nameTaken: true, nameRules: { takenNames: [name] } })).toEqual(['company.name NAME_TAKEN']);
    });

    it('accepts the jurisdiction name as a division even when not in the defaults', () => {
      const other = { divisionCode: '430102', name: '芙蓉区' };
      expect(violations({ 'company.name': '芙蓉区湘土科技有限公司', 'company.address.divisionCode': '430102' }, { jurisdiction: other })).toEqual([]);
    });
  });

  it('checks business scope items', () => {
    expect(violations({ 'company.businessScope': [] })).toEqual(['company.businessScope BUSINESS_SCOPE_EMPTY']);
    expect(violations({ 'company.businessScope': ['软件开发', ' ', '软件开发'] })).toEqual([
      'company.businessScope[1] BUSINESS_SCOPE_ITEM_BLANK',
      'company.businessScope[2] BUSINESS_SCOPE_ITEM_DUPLICATE',
    ]);
  });

  it('keeps the registered address inside the jurisdiction', () => {
    expect(violations({ 'company.address.divisionCode': '433101001' })).toEqual([]);
    expect(violations({ 'company.address.divisionCode': '430102' })).toEqual(['company.address.divisionCode ADDRESS_OUTSIDE_JURISDICTION']);
    expect(violations({ 'company.address.divisionCode': '43310' })).toEqual(['company.address.divisionCode ADDRESS_DIVISION_INVALID']);
    expect(violations({ 'company.address.detail': '' })).toEqual(['company.address.detail ADDRESS_DETAIL_BLANK']);
    const wider = { ...JISHOU_JURISDICTION, acceptedDivisionPrefixes: ['4331'] };
    expect(violations({ 'company.address.divisionCode': '433122' }, { jurisdiction: wider })).toEqual([]);
  });

  it('checks employees: real start date, working age, no duplicates', () => {
    expect(violations({ 'socialInsurance.employees[0].startDate': '2026-02-30' })).toEqual(['socialInsurance.employees[0].startDate EMPLOYEE_START_DATE_INVALID']);
    const teen = makeResidentId('433101', '2010-06-01', 5);
    expect(violations({ 'socialInsurance.employees[0].idNumber': teen, 'socialInsurance.employees[0].startDate': '2026-05-31' })).toEqual(['socialInsurance.employees[0].idNumber EMPLOYEE_UNDERAGE']);
    expect(violations({ 'socialInsurance.employees[0].idNumber': teen, 'socialInsurance.employees[0].startDate': '2026-06-01' })).toEqual([]);
    const employee = sampleApplicationForm().socialInsurance.employees[0];
    expect(violations({ 'socialInsurance.employees': [employee, employee] })).toEqual(['socialInsurance.employees[1].idNumber EMPLOYEE_DUPLICATE']);
    expect(violations({ 'socialInsurance.employees': [] })).toEqual([]);
  });

  it('checks seals, bank and delivery', () => {
    expect(violations({ 'seals.kinds': ['OFFICIAL', 'OFFICIAL'] })).toEqual(['seals.kinds SEAL_KIND_DUPLICATE']);
    expect(violations({ 'seals.kinds': [] })).toEqual([]);
    expect(violations({ 'bank.bankCode': 'NOPE' })).toEqual(['bank.bankCode BANK_CODE_UNKNOWN']);
    expect(violations({ 'bank.bankCode': 'NOPE' }, { knownBankCodes: ['NOPE'] })).toEqual([]);
    expect(violations({ 'delivery.address': null })).toEqual(['delivery.address DELIVERY_ADDRESS_MISSING']);
    expect(violations({ 'delivery.address': null, 'delivery.method': 'WINDOW_PICKUP' })).toEqual([]);
  });

  it('lists every problem at once, in form order', () => {
    expect(violations({ 'company.name': '湘土', 'legalRepresentative.mobile': '1', 'bank.bankCode': '', 'delivery.address': '' }).map((v) => v.split(' ')[0])).toEqual([
      'company.name', 'company.name', 'legalRepresentative.mobile', 'bank.bankCode', 'delivery.address',
    ]);
  });

  it('gives correctable paths and messages without personal data, for any form', () => {
    fc.assert(
      fc.property(applicationFormArb, (form: ApplicationForm) => {
        const result = checkApplication(form, ctx);
        const personal = [form.legalRepresentative.idNumber, form.legalRepresentative.mobile, ...form.shareholders.map((s) => s.idNumber ?? ''), ...form.socialInsurance.employees.map((e) => e.idNumber)].filter((x) => x.length > 0);
        for (const item of [...result.violations, ...result.flags]) {
          expect(isCorrectablePath(item.path)).toBe(true);
          expect(maskPersonalData(item.message)).toBe(item.message);
          for (const value of personal) expect(item.message).not.toContain(value);
        }
      }),
    );
  });
});
