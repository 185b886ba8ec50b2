import type { EntityType } from './application-form';
import { INDUSTRY_VOCABULARY } from './industry-vocabulary';
import { toSimplifiedChinese } from './name-folding';

// 企业名称 (enterprise name): 行政区划 + 字号 + 行业或经营特点 + 组织形式, e.g.
// 吉首市 + 湘土 + 网络科技 + 有限公司. The name check (名称自主申报) decides on these rules automatically.

export interface NameRules {
  /** Division names a name may start with; the longest match wins ('湘西土家族苗族自治州' before '湘西'). */
  divisionNames: readonly string[];
  /**
   * Industry or business words (GB/T 4754 vocabulary) read just before the organisational form; the
   * industry part is one or more of them in a row, each the longest match.
   */
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

// The national industry classification's vocabulary (industry-vocabulary.ts), not a short fixed list:
// '吉首市苗绣文化传播有限公司' (文化 + 传播) is an ordinary name.
export const DEFAULT_INDUSTRY_WORDS: readonly string[] = INDUSTRY_VOCABULARY;

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

/** Points the automatic check leaves to SAMR's clerk (a judgement, not a rule): they never block. */
export const NAME_WARNING_CODES = ['NAME_INDUSTRY_UNRECOGNISED'] as const;
export type NameWarningCode = (typeof NAME_WARNING_CODES)[number];

export interface NameWarning {
  code: NameWarningCode;
  message: string;
}

export interface NameCheckResult {
  /** REJECT if a forbidden word is used, RETURN (choose or fix the name) on any other problem. */
  decision: 'APPROVE' | 'RETURN' | 'REJECT';
  normalisedName: string;
  /** How the name was read (行政区划 + 字号 + 行业 + 组织形式); null unless division and organisational form were found and the middle could be split. */
  parts: NameParts | null;
  /** Every problem at once (一次告知), in the order of NAME_PROBLEM_CODES. */
  problems: NameProblem[];
  /** For the clerk to judge; the name still passes the automatic check. */
  warnings: NameWarning[];
}

/** Shortest middle (字号 + 行业) whose last two characters may be taken as an industry word not in the vocabulary. */
const MIN_MIDDLE_FOR_UNLISTED_INDUSTRY = 4;

/**
 * The industry part at the end of `middle` (字号 + 行业): the longest vocabulary word, then more before it
 * while at least two characters stay for the trade name ('苗绣' + '文化' + '传播'). Null when none ends it.
 */
export function industrySuffix(middle: string, words: readonly string[]): string | null {
  let industry = longestSuffix(middle, words);
  if (industry === null) return null;
  for (;;) {
    const rest = middle.slice(0, middle.length - industry.length);
    const more = longestSuffix(rest, words);
    if (more === null || codePoints(rest) - codePoints(more) < 2) return industry;
    industry = more + industry;
  }
}

const ENTITY_TYPE_LABELS: Readonly<Record<EntityType, string>> = {
  LIMITED_LIABILITY: 'a limited liability company',
  JOINT_STOCK: 'a joint stock company',
  SOLE_PROPRIETORSHIP: 'a sole proprietorship',
  PARTNERSHIP: 'a partnership',
};

interface WordLookup {
  words: Set<string>;
  longest: number;
}

// Looked up by each length the text could end (or start) with, longest first, instead of scanning the list.
const lookups = new WeakMap<readonly string[], WordLookup>();
function lookupOf(candidates: readonly string[]): WordLookup {
  let lookup = lookups.get(candidates);
  if (!lookup) {
    const words = new Set(candidates.filter((c) => c.length > 0));
    lookup = { words, longest: Math.max(0, ...[...words].map((w) => w.length)) };
    lookups.set(candidates, lookup);
  }
  return lookup;
}

function longestPrefix(text: string, candidates: readonly string[]): string | null {
  const { words, longest } = lookupOf(candidates);
  for (let length = Math.min(longest, text.length); length > 0; length--) if (words.has(text.slice(0, length))) return text.slice(0, length);
  return null;
}

function longestSuffix(text: string, candidates: readonly string[]): string | null {
  const { words, longest } = lookupOf(candidates);
  for (let length = Math.min(longest, text.length); length > 0; length--) if (words.has(text.slice(text.length - length))) return text.slice(text.length - length);
  return null;
}

const codePoints = (text: string): number => Array.from(text).length;

// The vocabularies are long (GB/T 4754 words, division names) and fixed per rule set: each list is mapped once.
function mappedOnce(map: (word: string) => string): (words: readonly string[]) => string[] {
  const lists = new WeakMap<readonly string[], string[]>();
  return (words) => {
    let list = lists.get(words);
    if (!list) {
      list = words.map(map);
      lists.set(words, list);
    }
    return list;
  };
}
const normalise = mappedOnce(normaliseEnterpriseName);
const fold = mappedOnce(foldEnterpriseName);

/** Automatic name check: composition, allowed characters, forbidden words and uniqueness. */
export function nameCheck(name: string, entityType: EntityType, rules: Partial<NameRules> = {}): NameCheckResult {
  const config: NameRules = { ...DEFAULT_NAME_RULES, ...rules };
  const folded = foldEnterpriseName(name);
  const normalisedName = normaliseEnterpriseName(name);
  const problems: NameProblem[] = [];
  const add = (code: NameProblemCode, message: string) => problems.push({ code, message });

  const warnings: NameWarning[] = [];
  if (normalisedName.length === 0) {
    add('NAME_EMPTY', 'The enterprise name is empty');
    return { decision: 'RETURN', normalisedName, parts: null, problems, warnings };
  }
  // 规范汉字 only; brackets may enclose a second division name or the partnership type.
  if (!/^[\p{Script=Han}()]+$/u.test(normalisedName)) {
    add('NAME_INVALID_CHARACTERS', 'The enterprise name may only use Chinese characters and brackets');
  }
  // Folded both sides: a forbidden word written in traditional characters is still that word.
  const foldedForbidden = fold(config.forbiddenWords);
  const forbidden = normalise(config.forbiddenWords).filter((w, i) => w.length > 0 && folded.includes(foldedForbidden[i]));
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
    let industry = industrySuffix(middle, normalise(config.industryWords));
    // An industry word the vocabulary lacks is the clerk's judgement (行业表述), not a reason to return
    // the name: a long enough middle is read as trade name + a two-character industry, with a warning.
    if (industry === null && codePoints(middle) >= MIN_MIDDLE_FOR_UNLISTED_INDUSTRY) {
      industry = Array.from(middle).slice(-2).join('');
      warnings.push({ code: 'NAME_INDUSTRY_UNRECOGNISED', message: `The industry word '${industry}' is not in the industry classification vocabulary: SAMR's clerk judges whether it describes the business` });
    }
    const tradeName = industry === null ? middle : middle.slice(0, middle.length - industry.length);
    if (industry === null) add('NAME_INDUSTRY_MISSING', 'The enterprise name needs an industry or business word before the organisational form');
    if (codePoints(tradeName) < 2) {
      add('NAME_TRADE_NAME_TOO_SHORT', 'The trade name (字号) must have at least 2 characters');
    } else if (lookupOf(normalise(config.divisionNames)).words.has(tradeName)) {
      add('NAME_TRADE_NAME_IS_DIVISION', 'The trade name (字号) may not be the name of an administrative division');
    }
    if (industry !== null) parts = { division, tradeName, industry, organisationalForm: form };
  }

  if (lookupOf(fold(config.takenNames)).words.has(folded)) add('NAME_TAKEN', 'The enterprise name is already registered');

  problems.sort((a, b) => NAME_PROBLEM_CODES.indexOf(a.code) - NAME_PROBLEM_CODES.indexOf(b.code));
  const decision = forbidden.length > 0 ? 'REJECT' : problems.length > 0 ? 'RETURN' : 'APPROVE';
  return { decision, normalisedName, parts, problems, warnings };
}
