// The traditional → simplified entry of opencc-js (MIT; its dictionaries are OpenCC's, Apache-2.0): plain
// JavaScript data, no Node built-ins, so the API, the worker and the pages all fold with the same table.
// Its version is pinned: other dictionaries would fold differently from registered_names.folded_name.
import { Locale } from 'opencc-js/t2cn';

const singleBmpCharacter = (text: string): boolean => text.length === 1 && text.codePointAt(0)! <= 0xffff;

function dictionaryEntries(dictionary: string | readonly (readonly [string, string])[]): readonly (readonly string[])[] {
  // OpenCC's dictionaries ship as 'key value|key value' strings (or as pairs when built by hand).
  return typeof dictionary === 'string' ? dictionary.split('|').map((entry) => entry.split(' ')) : dictionary;
}

let table: ReadonlyMap<string, string> | undefined;

/**
 * Traditional → simplified, one character to one character, built on first use from OpenCC's t → cn
 * dictionaries. Phrases are left out (a character's fold must not depend on its neighbours) and chains
 * (a → b → c) are followed to their end, so folding twice changes nothing.
 */
export function traditionalToSimplifiedTable(): ReadonlyMap<string, string> {
  if (table) return table;
  const pairs = new Map<string, string>();
  for (const group of Locale.to.cn) {
    for (const dictionary of group) {
      for (const [traditional, simplified] of dictionaryEntries(dictionary)) {
        if (!pairs.has(traditional) && singleBmpCharacter(traditional) && simplified && singleBmpCharacter(simplified) && traditional !== simplified) {
          pairs.set(traditional, simplified);
        }
      }
    }
  }
  const resolved = new Map<string, string>();
  for (const [traditional, simplified] of pairs) {
    const seen = new Set([traditional]);
    let end = simplified;
    while (pairs.has(end) && !seen.has(end)) {
      seen.add(end);
      end = pairs.get(end)!;
    }
    // A cycle (a → b → a) has no simplified end: leave its characters as they are.
    if (!seen.has(end)) resolved.set(traditional, end);
  }
  table = resolved;
  return table;
}

/** Traditional characters as their simplified forms (規範漢字 → 规范汉字), everything else as it is. */
export function toSimplifiedChinese(text: string): string {
  const map = traditionalToSimplifiedTable();
  let out = '';
  for (const character of text) out += map.get(character) ?? character;
  return out;
}
