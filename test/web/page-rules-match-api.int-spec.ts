import fc from 'fast-check';
import { makeResidentId, sampleApplicationForm, type ApplicationForm, type ApplicationRuleSettings } from '@onetrip/domain';
import { applicationFormArb } from '../../libs/domain/test/application-form.arbitrary';
import type { AppProcess } from '../../scripts/stack/app-process';
import { checkForm, cleanForm, pathsTheApiRefuses } from '../../web/src/form/form-check';
import { fieldPaths, newApplicant, type SignedIn } from '../api/api-fixtures';
import { http } from '../support/http';
import { recordCheck } from '../support/scorecard';
import { startApi } from '../support/test-stack';

// The page's check of the form (web/src/form/form-check.ts, fed the rules the API serves) against the
// API itself: for generated forms, the paths the page says the API will refuse are exactly the paths
// of the API's 400, and a form the page passes is filed. The API runs with rules that are not the
// defaults, so a page still on the built-in ones fails here.

const SETTINGS = { FORBIDDEN_NAME_WORDS: '湘土,中国,国家', JURISDICTION_DIVISION_CODE: '433122', JURISDICTION_NAME: '泸溪县' };
const RUNS = 100;

const tradeName = fc.stringMatching(/^[山水云田林木石竹]{3,4}$/);
// Names that pass the name rules, break one of them, or break the request's sizes.
const companyName = fc.oneof(
  tradeName.map((trade) => `吉首市${trade}科技有限公司`),
  tradeName.map((trade) => `泸溪县${trade}网络科技有限公司`),
  tradeName.map((trade) => `吉首市湘土${trade}科技有限公司`), // the configured forbidden word
  tradeName.map((trade) => `吉首市国际${trade}科技有限公司`), // forbidden only by default: allowed here
  fc.constant(''),
  fc.constant('吉'.repeat(101)),
);
const idNumber = fc.oneof(
  fc.integer({ min: 1, max: 999 }).map((n) => makeResidentId('433122', '1985-03-04', n)),
  fc.integer({ min: 1, max: 999 }).map((n) => makeResidentId('433101', '2015-03-04', n)), // under age
  fc.stringMatching(/^\d{18}$/),
);

/**
 * The generic shape-right forms, steered: half keep every size the request validation checks (so they
 * reach the business rules), half may break some.
 */
const steeredArb: fc.Arbitrary<ApplicationForm> = fc
  .record({
    form: applicationFormArb,
    sizesRight: fc.boolean(),
    name: companyName,
    divisionCode: fc.constantFrom<string>('433122', '433101', '1234567890123'),
    detail: fc.constantFrom<string>('乾州街道世纪大道88号', '', '路'.repeat(201)),
    legalId: idNumber,
    mobile: fc.constantFrom<string>('13912345678', '1391234567'),
    scope: fc.constantFrom<string[]>(['软件开发'], ['软件开发', '软件开发'], []),
    capital: fc.constantFrom<string>('500000.00', '500000.001'),
    oneShareholder: fc.boolean(),
    shareholderId: idNumber,
    seals: fc.constantFrom<ApplicationForm['seals']['kinds']>(['OFFICIAL'], []),
    bankCode: fc.constantFrom<string>('ICBC', 'X', ''),
  })
  .map(({ form, sizesRight, name, divisionCode, detail, legalId, mobile, scope, capital, oneShareholder, shareholderId, seals, bankCode }) => {
    const right = <T>(value: T, fallback: T): T => (sizesRight ? fallback : value);
    const companyName = sizesRight && (name === '' || name.length > 100) ? '吉首市山水科技有限公司' : name;
    const amount = right(capital, '500000.00');
    return {
      ...form,
      company: {
        ...form.company,
        name: companyName,
        registeredCapital: amount,
        businessScope: right(scope, scope.length > 0 ? scope : ['软件开发']),
        address: { divisionCode: right(divisionCode, divisionCode.length > 12 ? '433122' : divisionCode), detail: right(detail, '乾州街道世纪大道88号') },
      },
      legalRepresentative: { name: form.legalRepresentative.name, idNumber: legalId, mobile },
      shareholders: oneShareholder || (sizesRight && form.shareholders.length === 0) ? [{ name: '张三', kind: 'PERSON' as const, idNumber: shareholderId, subscribedCapital: amount }] : form.shareholders,
      seals: { kinds: right(seals, ['OFFICIAL']) },
      bank: { ...form.bank, bankCode: right(bankCode, bankCode === '' ? 'ICBC' : bankCode) },
    };
  });

/** The example form moved into the configured jurisdiction: one the API files (the page must pass it too). */
const validArb: fc.Arbitrary<ApplicationForm> = tradeName.map((trade) => {
  const form = sampleApplicationForm();
  return { ...form, company: { ...form.company, name: `泸溪县${trade}科技有限公司`, address: { ...form.company.address, divisionCode: '433122' } } };
});

const formArb = fc.oneof({ arbitrary: steeredArb, weight: 4 }, { arbitrary: validArb, weight: 1 });

describe('the page’s form check against the API’s 400, with served non-default rules', () => {
  let api: { url: string; app: AppProcess } | undefined;
  let applicant: SignedIn;

  beforeAll(async () => {
    api = await startApi(SETTINGS, 'api-page-rules');
    applicant = await newApplicant(api.url);
  }, 90_000);
  afterAll(async () => {
    await api?.app.stop();
  }, 30_000);

  it('serves the rules in force', async () => {
    const served = await http<ApplicationRuleSettings>('GET', '/application-rules', { baseUrl: api!.url });
    expect(served.status).toBe(200);
    expect(served.body).toEqual({ jurisdiction: { divisionCode: '433122', name: '泸溪县' }, forbiddenWords: ['湘土', '中国', '国家'], demoMode: true });
  });

  it(`names exactly the paths the API's 400 names, for ${RUNS} generated forms`, async () => {
    const baseUrl = api!.url;
    const rules = (await http<ApplicationRuleSettings>('GET', '/application-rules', { baseUrl })).body;
    const tally = { shape: 0, rules: 0, filed: 0 };
    const filed: string[] = [];
    try {
      await fc.assert(
        fc.asyncProperty(formArb, async (generated) => {
          const expected = pathsTheApiRefuses(checkForm(generated, rules));
          // What the page sends: the cleaned form, with a key of its own (no replay, no 409).
          const answer = await http<{ id: string }>('POST', '/applications', { baseUrl, token: applicant.token, body: cleanForm(generated) });
          if (answer.status === 201) {
            filed.push(answer.body.id);
            tally.filed += 1;
            expect(expected).toEqual([]);
            return;
          }
          expect(answer.status).toBe(400);
          if (Object.keys(checkForm(generated, rules).shape).length > 0) tally.shape += 1;
          else tally.rules += 1;
          expect([...new Set(fieldPaths(answer))].sort()).toEqual(expected);
        }),
        { numRuns: RUNS, seed: Number(process.env.FC_SEED ?? Date.now() % 2 ** 31), endOnFailure: false },
      );
    } finally {
      // The cases a valid form filed are withdrawn: they would sit in the clerks' inboxes.
      for (const id of filed) expect((await http('POST', `/applications/${id}/cancel`, { baseUrl, token: applicant.token, body: { reason: 'property test' } })).status).toBe(200);
    }
    // Not vacuous: both kinds of refusal were compared many times, and forms the API filed too.
    expect(tally.shape).toBeGreaterThanOrEqual(10);
    expect(tally.rules).toBeGreaterThanOrEqual(10);
    expect(tally.filed).toBeGreaterThanOrEqual(3);
    recordCheck({
      id: 'abuse.page-rules-match-api',
      section: 'Bad input and abuse',
      check: 'The page’s form check names exactly the field paths of the API’s 400 (rules served by the API, not the defaults)',
      how: `fast-check, ${RUNS} generated forms: web/src/form/form-check.ts beside POST /api/applications on an API with another jurisdiction and forbidden words`,
      figures: { forms: RUNS, 'refused by the request validation': tally.shape, 'refused by the business rules': tally.rules, 'filed (then withdrawn)': tally.filed, 'path mismatches': 0 },
    });
  }, 300_000);
});
