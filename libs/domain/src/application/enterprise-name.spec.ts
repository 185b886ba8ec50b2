import fc from 'fast-check';
import { ENTITY_TYPES, type EntityType } from './application-form';
import {
  DEFAULT_DIVISION_NAMES,
  DEFAULT_FORBIDDEN_WORDS,
  DEFAULT_INDUSTRY_WORDS,
  DEFAULT_ORGANISATIONAL_FORMS,
  nameCheck,
  normaliseEnterpriseName,
  type NameRules,
} from './enterprise-name';
import { INDUSTRY_SECTIONS } from './industry-vocabulary';

const codes = (name: string, entityType: EntityType, rules?: Partial<NameRules>) =>
  nameCheck(name, entityType, rules).problems.map((p) => p.code);

describe('nameCheck', () => {
  it('approves a well-formed name and names its parts', () => {
    const result = nameCheck('吉首市湘土网络科技有限公司', 'LIMITED_LIABILITY');
    expect(result.decision).toBe('APPROVE');
    expect(result.problems).toEqual([]);
    expect(result.parts).toEqual({ division: '吉首市', tradeName: '湘土', industry: '网络科技', organisationalForm: '有限公司' });
  });

  it('matches the organisational form to the entity type', () => {
    expect(nameCheck('湘西峒河旅游开发股份有限公司', 'JOINT_STOCK').decision).toBe('APPROVE');
    expect(nameCheck('吉首市阿妹餐饮个人独资企业', 'SOLE_PROPRIETORSHIP').decision).toBe('APPROVE');
    expect(nameCheck('吉首市青山农业合伙企业（有限合伙）', 'PARTNERSHIP').parts?.organisationalForm).toBe('合伙企业(有限合伙)');
    expect(codes('湘西峒河旅游开发股份有限公司', 'LIMITED_LIABILITY')).toEqual(['NAME_ORGANISATIONAL_FORM_MISMATCH']);
    expect(codes('吉首市湘土科技有限公司', 'JOINT_STOCK')).toEqual(['NAME_ORGANISATIONAL_FORM_MISMATCH']);
    expect(codes('吉首市湘土科技', 'LIMITED_LIABILITY')).toEqual(['NAME_ORGANISATIONAL_FORM_MISMATCH']);
    expect(nameCheck('吉首市湘土科技有限责任公司', 'LIMITED_LIABILITY').parts?.organisationalForm).toBe('有限责任公司');
  });

  it('requires a division first, an industry word, and a trade name of two or more characters', () => {
    expect(codes('长沙市湘土科技有限公司', 'LIMITED_LIABILITY')).toEqual(['NAME_DIVISION_MISSING']);
    expect(codes('吉首市湘土有限公司', 'LIMITED_LIABILITY')).toEqual(['NAME_INDUSTRY_MISSING']);
    expect(codes('吉首市土科技有限公司', 'LIMITED_LIABILITY')).toEqual(['NAME_TRADE_NAME_TOO_SHORT']);
    expect(codes('吉首市科技有限公司', 'LIMITED_LIABILITY')).toEqual(['NAME_TRADE_NAME_TOO_SHORT']);
    expect(codes('吉首市有限公司', 'LIMITED_LIABILITY')).toEqual(['NAME_INDUSTRY_MISSING', 'NAME_TRADE_NAME_TOO_SHORT']);
    expect(codes('吉首市湘西科技有限公司', 'LIMITED_LIABILITY')).toEqual(['NAME_TRADE_NAME_IS_DIVISION']);
    // The longest division wins, so the trade name is not '土家族…'.
    expect(nameCheck('湘西土家族苗族自治州山歌文化传媒有限公司', 'LIMITED_LIABILITY').parts).toMatchObject({ division: '湘西土家族苗族自治州', tradeName: '山歌', industry: '文化传媒' });
  });

  it('rejects forbidden words and lists every problem at once', () => {
    const result = nameCheck('中国湘土科技有限公司', 'LIMITED_LIABILITY');
    expect(result.decision).toBe('REJECT');
    expect(result.problems.map((p) => p.code)).toEqual(['NAME_FORBIDDEN_WORD', 'NAME_DIVISION_MISSING']);
    expect(result.problems[0].message).toContain('中国');
    expect(nameCheck('吉首市国际商贸有限公司', 'LIMITED_LIABILITY').decision).toBe('REJECT');
    expect(nameCheck('吉首市湘土科技有限公司', 'LIMITED_LIABILITY', { forbiddenWords: ['湘土'] }).decision).toBe('REJECT');
  });

  it('only allows Chinese characters and brackets', () => {
    expect(codes('吉首市ABC科技有限公司', 'LIMITED_LIABILITY')).toContain('NAME_INVALID_CHARACTERS');
    expect(codes('吉首市湘土2号科技有限公司', 'LIMITED_LIABILITY')).toContain('NAME_INVALID_CHARACTERS');
    expect(codes('  ', 'LIMITED_LIABILITY')).toEqual(['NAME_EMPTY']);
  });

  it('reads the industry part from the GB/T 4754 vocabulary, several words in a row', () => {
    // Issue 17: refused before as '组织形式前需写明行业或经营特点' (文化传播 was not in a list of 37 words).
    const result = nameCheck('吉首市苗绣文化传播有限公司', 'LIMITED_LIABILITY');
    expect(result.decision).toBe('APPROVE');
    expect(result.parts).toEqual({ division: '吉首市', tradeName: '苗绣', industry: '文化传播', organisationalForm: '有限公司' });
    expect(result.warnings).toEqual([]);
    expect(nameCheck('湘西州峒河生态农业开发有限公司', 'LIMITED_LIABILITY').parts).toMatchObject({ tradeName: '峒河', industry: '生态农业开发' });
    for (const name of ['吉首市阿妹民宿有限公司', '吉首市德夯劳务派遣有限公司', '吉首市乾城物业管理有限公司', '吉首市金龙汽车维修有限公司', '吉首市沅水水产养殖有限公司']) {
      expect([name, nameCheck(name, 'LIMITED_LIABILITY').decision, nameCheck(name, 'LIMITED_LIABILITY').warnings]).toEqual([name, 'APPROVE', []]);
    }
    // The trade name keeps two characters even when it ends in a vocabulary word.
    expect(nameCheck('吉首市苗乡文化传播有限公司', 'LIMITED_LIABILITY').parts).toMatchObject({ tradeName: '苗乡', industry: '文化传播' });
    expect(nameCheck('吉首市金龙生态有限公司', 'LIMITED_LIABILITY').parts).toMatchObject({ tradeName: '金龙', industry: '生态' });
  });

  it('warns instead of returning when the industry word is not in the vocabulary (the clerk judges)', () => {
    const result = nameCheck('吉首市湘土绣坊有限公司', 'LIMITED_LIABILITY');
    expect(result.decision).toBe('APPROVE');
    expect(result.problems).toEqual([]);
    expect(result.warnings.map((w) => w.code)).toEqual(['NAME_INDUSTRY_UNRECOGNISED']);
    expect(result.parts).toEqual({ division: '吉首市', tradeName: '湘土', industry: '绣坊', organisationalForm: '有限公司' });
    // Too short to hold both a trade name and an industry word: still returned.
    expect(codes('吉首市湘土有限公司', 'LIMITED_LIABILITY')).toEqual(['NAME_INDUSTRY_MISSING']);
  });

  it('has a vocabulary of every GB/T 4754 section without forbidden words', () => {
    expect(INDUSTRY_SECTIONS.map((section) => section.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    expect(DEFAULT_INDUSTRY_WORDS.length).toBeGreaterThan(400);
    expect(DEFAULT_INDUSTRY_WORDS.filter((word) => DEFAULT_FORBIDDEN_WORDS.some((forbidden) => word.includes(forbidden)))).toEqual([]);
    expect(DEFAULT_INDUSTRY_WORDS.filter((word) => !/^\p{Script=Han}{2,}$/u.test(word))).toEqual([]);
  });

  it('detects taken names after normalisation', () => {
    const taken = ['吉首市湘土科技有限公司（吉首）'];
    expect(codes('吉首市 湘土科技有限公司(吉首)', 'LIMITED_LIABILITY', { takenNames: taken })).toContain('NAME_TAKEN');
    expect(nameCheck('吉首市湘土科技有限公司', 'LIMITED_LIABILITY', { takenNames: taken }).decision).toBe('APPROVE');
  });

  it('accepts configured lists', () => {
    expect(nameCheck('长沙市湘江机器人有限公司', 'LIMITED_LIABILITY', { divisionNames: ['长沙市'], industryWords: ['机器人'] }).decision).toBe('APPROVE');
  });

  it('approves every composed name and finds its parts', () => {
    // No '州' or '市': '湘西' + '州…' would read as the division '湘西州' (longest match, by design).
    const tradeArb = fc.string({ unit: fc.constantFrom(...'峒河阿妹青山沅水乾城金龙凤凰德夯'.split('')), minLength: 2, maxLength: 5 });
    fc.assert(
      fc.property(
        fc.constantFrom(...DEFAULT_DIVISION_NAMES),
        tradeArb,
        fc.constantFrom(...DEFAULT_INDUSTRY_WORDS),
        fc.constantFrom(...ENTITY_TYPES),
        fc.nat(),
        (division, trade, industry, entityType, pick) => {
          const forms = DEFAULT_ORGANISATIONAL_FORMS[entityType];
          const form = forms[pick % forms.length];
          const result = nameCheck(`${division}${trade}${industry}${form}`, entityType);
          expect(result.problems).toEqual([]);
          // The longest industry word wins, so part of a word may move from trade name to industry.
          expect(result.parts?.division).toBe(division);
          expect(`${result.parts?.tradeName}${result.parts?.industry}`).toBe(`${trade}${industry}`);
          const otherType = ENTITY_TYPES.find((t) => !DEFAULT_ORGANISATIONAL_FORMS[t].includes(form) && !DEFAULT_ORGANISATIONAL_FORMS[t].some((f) => form.endsWith(f)));
          if (otherType) expect(nameCheck(`${division}${trade}${industry}${form}`, otherType).decision).toBe('RETURN');
        },
      ),
    );
  });

  it('rejects any name containing a forbidden word', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DEFAULT_FORBIDDEN_WORDS), fc.nat({ max: 4 }), (word, at) => {
        const base = '吉首市湘土科技有限公司';
        expect(nameCheck(base.slice(0, at) + word + base.slice(at), 'LIMITED_LIABILITY').decision).toBe('REJECT');
      }),
    );
  });
});

describe('normaliseEnterpriseName', () => {
  it('folds width, spaces and case', () => {
    expect(normaliseEnterpriseName(' 吉首市　湘土ａｂ科技（吉首）有限公司 ')).toBe('吉首市湘土AB科技(吉首)有限公司');
    expect(normaliseEnterpriseName('吉首市湘土科技有限公司')).not.toBe(normaliseEnterpriseName('吉首市湘土商贸有限公司'));
  });
});
