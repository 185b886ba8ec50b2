import type { EntityType } from './application-form';
import { toSimplifiedChinese } from './name-folding';

// 企业名称 (enterprise name): 行政区划 + 字号 + 行业或经营特点 + 组织形式, e.g.
// 吉首市 + 湘土 + 网络科技 + 有限公司. The name check (名称自主申报) decides on these rules automatically.

export interface NameRules {
  /** Division names a name may start with; the longest match wins ('湘西土家族苗族自治州' before '湘西'). */
  divisionNames: readonly string[];
  /** Industry or business words allowed just before the organisational form; the longest match wins. */
  industryWords: readonly string[];
  /** Words needing special approval or not allowed at all; their presence rejects the name. */
  forbiddenWords: readonly string[];
  organisationalForms: Readonly<Record<EntityType, readonly string[]>>;
  /** Names already registered, compared after foldEnterpriseName. */
  takenNames: readonly string[];
}

export const DEFAULT_DIVISION_NAMES: readonly string[] = [
  '湖南省', '湖南', '湘西土家族苗族自治州', '湘西州', '湘西', '吉首市', '吉首',
];

export const DEFAULT_INDUSTRY_WORDS: readonly string[] = [
  '科技', '网络科技', '信息技术', '软件', '电子商务', '商贸', '贸易', '餐饮', '餐饮管理', '农业', '生态农业',
  '农业开发', '文化传媒', '传媒', '文化', '建筑', '建筑工程', '装饰工程', '旅游', '旅游开发', '物流', '运输',
  '咨询', '管理咨询', '教育咨询', '医药', '食品', '服装', '广告', '酒店管理', '房地产开发', '环保', '实业',
  '茶业', '养殖', '劳务',
];

// Words the name rules (企业名称登记管理规定) reserve for the state or forbid outright.
export const DEFAULT_FORBIDDEN_WORDS: readonly string[] = [
  '中国', '中华', '全国', '国家', '国际', '中央', '国务院', '政府', '共产党', '部队', '公安', '检察院', '法院',
];

export const DEFAULT_ORGANISATIONAL_FORMS: Readonly<Record<EntityType, readonly string[]>> = {
  LIMITED_LIABILITY: ['有限责任公司', '有限公司'],
  JOINT_STOCK: ['股份有限公司', '股份公司'],
  SOLE_PROPRIETORSHIP: ['个人独资企业'],
  PARTNERSHIP: ['合伙企业（普通合伙）', '合伙企业（有限合伙）', '合伙企业（特殊普通合伙）', '合伙企业'],
};

export const DEFAULT_NAME_RULES: NameRules = {
  divisionNames: DEFAULT_DIVISION_NAMES,
  industryWords: DEFAULT_INDUSTRY_WORDS,
  forbiddenWords: DEFAULT_FORBIDDEN_WORDS,
  organisationalForms: DEFAULT_ORGANISATIONAL_FORMS,
  takenNames: [],
};

/**
 * The form used to compare names for uniqueness: NFKC (full-width letters and brackets to ASCII),
 * no white space, upper case. '吉首市 湘土科技有限公司（吉首）' and '吉首市湘土科技有限公司(吉首)' are the same name.
 */
export function normaliseEnterpriseName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/**
 * The key two enterprise names are compared by for uniqueness: normalised (NFKC turns full-width letters,
 * digits and brackets half-width; no white space; upper case), then traditional characters folded to
 * simplified, as the name rules require: '吉首市湘土網絡科技有限公司' and '吉首市湘土网络科技有限公司' are one name.
 */
export function foldEnterpriseName(name: string): string {
  return toSimplifiedChinese(normaliseEnterpriseName(name));
}

export const NAME_PROBLEM_CODES = [
  'NAME_EMPTY',
  'NAME_INVALID_CHARACTERS',
  'NAME_FORBIDDEN_WORD',
  'NAME_DIVISION_MISSING',
  'NAME_ORGANISATIONAL_FORM_MISMATCH',
  'NAME_INDUSTRY_MISSING',
  'NAME_TRADE_NAME_TOO_SHORT',
  'NAME_TRADE_NAME_IS_DIVISION',
  'NAME_TAKEN',
] as const;
export type NameProblemCode = (typeof NAME_PROBLEM_CODES)[number];

export interface NameProblem {
  code: NameProblemCode;
  message: string;
}

export interface NameParts {
  division: string;
  tradeName: string;
  industry: string;
  organisationalForm: string;
}

export interface NameCheckResult {
  /** REJECT if a forbidden word is used, RETURN (choose or fix the name) on any other problem. */
  decision: 'APPROVE' | 'RETURN' | 'REJECT';
  normalisedName: string;
  /** Null unless division, industry and organisational form were all found. */
  parts: NameParts | null;
  /** Every problem at once (一次告知), in the order of NAME_PROBLEM_CODES. */
  problems: NameProblem[];
}

const ENTITY_TYPE_LABELS: Readonly<Record<EntityType, string>> = {
  LIMITED_LIABILITY: 'a limited liability company',
  JOINT_STOCK: 'a joint stock company',
  SOLE_PROPRIETORSHIP: 'a sole proprietorship',
  PARTNERSHIP: 'a partnership',
};

function longestPrefix(text: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  for (const c of candidates) if (c.length > 0 && text.startsWith(c) && (best === null || c.length > best.length)) best = c;
  return best;
}

function longestSuffix(text: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  for (const c of candidates) if (c.length > 0 && text.endsWith(c) && (best === null || c.length > best.length)) best = c;
  return best;
}

const codePoints = (text: string): number => Array.from(text).length;

/** Automatic name check: composition, allowed characters, forbidden words and uniqueness. */
export function nameCheck(name: string, entityType: EntityType, rules: Partial<NameRules> = {}): NameCheckResult {
  const config: NameRules = { ...DEFAULT_NAME_RULES, ...rules };
  const normalise = (words: readonly string[]) => words.map(normaliseEnterpriseName);
  const folded = foldEnterpriseName(name);
  const normalisedName = normaliseEnterpriseName(name);
  const problems: NameProblem[] = [];
  const add = (code: NameProblemCode, message: string) => problems.push({ code, message });

  if (normalisedName.length === 0) {
    add('NAME_EMPTY', 'The enterprise name is empty');
    return { decision: 'RETURN', normalisedName, parts: null, problems };
  }
  // 规范汉字 only; brackets may enclose a second division name or the partnership type.
  if (!/^[\p{Script=Han}()]+$/u.test(normalisedName)) {
    add('NAME_INVALID_CHARACTERS', 'The enterprise name may only use Chinese characters and brackets');
  }
  // Folded both sides: a forbidden word written in traditional characters is still that word.
  const forbidden = normalise(config.forbiddenWords).filter((w) => w.length > 0 && folded.includes(toSimplifiedChinese(w)));
  if (forbidden.length > 0) {
    add('NAME_FORBIDDEN_WORD', `The enterprise name contains a word that may not be used: ${forbidden.join(', ')}`);
  }

  const division = longestPrefix(normalisedName, normalise(config.divisionNames));
  if (division === null) add('NAME_DIVISION_MISSING', 'The enterprise name must start with the name of an administrative division');

  const ownForms = normalise(config.organisationalForms[entityType]);
  const allForms = Object.values(config.organisationalForms).flatMap(normalise);
  const longestForm = longestSuffix(normalisedName, allForms);
  // The longest matching form decides, so '…股份有限公司' is not taken for a limited liability company's '有限公司'.
  const form = longestForm !== null && ownForms.includes(longestForm) ? longestForm : null;
  if (form === null) {
    add('NAME_ORGANISATIONAL_FORM_MISMATCH', `The enterprise name must end with the organisational form of ${ENTITY_TYPE_LABELS[entityType]}: ${config.organisationalForms[entityType].join(' / ')}`);
  }

  let parts: NameParts | null = null;
  if (division !== null && form !== null && division.length + form.length <= normalisedName.length) {
    const middle = normalisedName.slice(division.length, normalisedName.length - form.length);
    const industry = longestSuffix(middle, normalise(config.industryWords));
    const tradeName = industry === null ? middle : middle.slice(0, middle.length - industry.length);
    if (industry === null) add('NAME_INDUSTRY_MISSING', 'The enterprise name needs an industry or business word before the organisational form');
    if (codePoints(tradeName) < 2) {
      add('NAME_TRADE_NAME_TOO_SHORT', 'The trade name (字号) must have at least 2 characters');
    } else if (normalise(config.divisionNames).includes(tradeName)) {
      add('NAME_TRADE_NAME_IS_DIVISION', 'The trade name (字号) may not be the name of an administrative division');
    }
    if (industry !== null) parts = { division, tradeName, industry, organisationalForm: form };
  }

  if (config.takenNames.map(foldEnterpriseName).includes(folded)) add('NAME_TAKEN', 'The enterprise name is already registered');

  problems.sort((a, b) => NAME_PROBLEM_CODES.indexOf(a.code) - NAME_PROBLEM_CODES.indexOf(b.code));
  const decision = forbidden.length > 0 ? 'REJECT' : problems.length > 0 ? 'RETURN' : 'APPROVE';
  return { decision, normalisedName, parts, problems };
}
