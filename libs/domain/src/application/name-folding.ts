import { TRADITIONAL_SIMPLIFIED_PAIRS } from './traditional-simplified.table';

let table: Map<string, string> | undefined;

function traditionalToSimplified(): Map<string, string> {
  if (!table) {
    table = new Map();
    for (let i = 0; i + 1 < TRADITIONAL_SIMPLIFIED_PAIRS.length; i += 2) table.set(TRADITIONAL_SIMPLIFIED_PAIRS[i], TRADITIONAL_SIMPLIFIED_PAIRS[i + 1]);
  }
  return table;
}

/** Traditional characters as their simplified forms (規範漢字 → 规范汉字), everything else as it is. */
export function toSimplifiedChinese(text: string): string {
  const map = traditionalToSimplified();
  let out = '';
  for (const character of text) out += map.get(character) ?? character;
  return out;
}
