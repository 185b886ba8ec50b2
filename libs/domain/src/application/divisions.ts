import type { Jurisdiction } from './application-rules';

// 行政区划: the divisions of 湘西土家族苗族自治州 (GB/T 2260 codes), so the form offers them by name
// instead of asking people to know that 吉首市 is 433101.

export interface Division {
  code: string;
  nameZh: string;
  nameEn: string;
}

export const XIANGXI_DIVISIONS: readonly Division[] = [
  { code: '433100', nameZh: '湘西土家族苗族自治州', nameEn: 'Xiangxi Tujia and Miao Autonomous Prefecture' },
  { code: '433101', nameZh: '吉首市', nameEn: 'Jishou' },
  { code: '433122', nameZh: '泸溪县', nameEn: 'Luxi County' },
  { code: '433123', nameZh: '凤凰县', nameEn: 'Fenghuang County' },
  { code: '433124', nameZh: '花垣县', nameEn: 'Huayuan County' },
  { code: '433125', nameZh: '保靖县', nameEn: 'Baojing County' },
  { code: '433126', nameZh: '古丈县', nameEn: 'Guzhang County' },
  { code: '433127', nameZh: '永顺县', nameEn: 'Yongshun County' },
  { code: '433130', nameZh: '龙山县', nameEn: 'Longshan County' },
];

/** The divisions an address may name in this jurisdiction (those its accepted prefixes cover), its own first. */
export function divisionsIn(jurisdiction: Jurisdiction, known: readonly Division[] = XIANGXI_DIVISIONS): Division[] {
  const prefixes = jurisdiction.acceptedDivisionPrefixes ?? [jurisdiction.divisionCode];
  const inside = known.filter((division) => prefixes.some((prefix) => division.code.startsWith(prefix)));
  const own = inside.find((division) => division.code === jurisdiction.divisionCode) ?? { code: jurisdiction.divisionCode, nameZh: jurisdiction.name, nameEn: jurisdiction.name };
  return [own, ...inside.filter((division) => division.code !== own.code)];
}
