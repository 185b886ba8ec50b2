import fc from 'fast-check';
import { foldEnterpriseName } from './enterprise-name';
import { Converter } from 'opencc-js/t2cn';
import { toSimplifiedChinese, traditionalToSimplifiedTable } from './name-folding';

const table = traditionalToSimplifiedTable();
const traditional = [...table.keys()];
const simplified = [...new Set(table.values())];
const nameCharacter = fc.oneof(
  fc.constantFrom(...traditional),
  fc.constantFrom(...simplified),
  fc.constantFrom(...'吉首市湘土科技有限公司()（）ＡＢａｂ１２ 　'),
  fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code)),
  fc.integer({ min: 0xff01, max: 0xff5e }).map((code) => String.fromCharCode(code)),
);
const names = fc.array(nameCharacter, { maxLength: 30 }).map((characters) => characters.join(''));

describe('folding enterprise names for comparison', () => {
  it('makes traditional and simplified spellings one name', () => {
    expect(foldEnterpriseName('吉首市湘土網絡科技有限公司')).toBe(foldEnterpriseName('吉首市湘土网络科技有限公司'));
    expect(foldEnterpriseName('吉首市湘土網絡科技有限公司')).toBe('吉首市湘土网络科技有限公司');
    expect(toSimplifiedChinese('國際貿易發展')).toBe('国际贸易发展');
  });

  it('builds its table from OpenCC’s dictionaries: the common characters of enterprise names', () => {
    expect(traditional.length).toBeGreaterThan(2000);
    for (const [from, to] of [['網', '网'], ['絡', '络'], ['電', '电'], ['業', '业'], ['貿', '贸'], ['與', '与'], ['廣', '广'], ['東', '东'], ['實', '实'], ['車', '车']]) {
      expect(toSimplifiedChinese(from)).toBe(to);
    }
    // No character is its own simplified form, and no simplified form is folded again.
    for (const [from, to] of table) {
      expect(to).not.toBe(from);
      expect(table.has(to)).toBe(false);
    }
  });

  it('folds each character as OpenCC’s own t → cn converter does, a chain followed to its end', () => {
    const opencc = Converter({ from: 't', to: 'cn' });
    const differing = traditional.filter((character) => opencc(character) !== table.get(character));
    // Only where OpenCC's answer is itself folded again (a chain), never a different character.
    for (const character of differing) expect(toSimplifiedChinese(opencc(character))).toBe(table.get(character));
    expect(differing.length).toBeLessThan(traditional.length / 100);
  });

  it('is idempotent', () => {
    fc.assert(fc.property(names, (name) => foldEnterpriseName(foldEnterpriseName(name)) === foldEnterpriseName(name)));
  });

  it('turns full-width letters, digits and brackets half-width, and drops white space', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0xff01, max: 0xff5e }), { maxLength: 20 }), (codes) => {
        const fullWidth = codes.map((code) => String.fromCharCode(code)).join('');
        const halfWidth = codes.map((code) => String.fromCharCode(code - 0xfee0)).join('');
        return foldEnterpriseName(fullWidth) === foldEnterpriseName(halfWidth);
      }),
    );
    expect(foldEnterpriseName('吉首市 湘土科技有限公司（吉首）')).toBe('吉首市湘土科技有限公司(吉首)');
  });

  it('leaves simplified characters as they are', () => {
    fc.assert(fc.property(fc.constantFrom(...simplified.filter((character) => !traditional.includes(character))), (character) => toSimplifiedChinese(character) === character));
  });
});
