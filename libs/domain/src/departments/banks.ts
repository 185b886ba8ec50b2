// Banks the joint window can open a basic deposit account (基本存款账户) with. Codes are short
// upper-case abbreviations; account lengths follow each bank's usual format.

export interface BankInfo {
  code: string;
  nameZh: string;
  nameEn: string;
  /** Digits in this bank's account numbers (10–25). */
  accountLength: number;
  defaultBranch: string;
}

export const BANKS: readonly BankInfo[] = [
  { code: 'ICBC', nameZh: '中国工商银行', nameEn: 'Industrial and Commercial Bank of China', accountLength: 19, defaultBranch: '吉首分行营业部' },
  { code: 'ABC', nameZh: '中国农业银行', nameEn: 'Agricultural Bank of China', accountLength: 17, defaultBranch: '吉首分行营业部' },
  { code: 'BOC', nameZh: '中国银行', nameEn: 'Bank of China', accountLength: 12, defaultBranch: '吉首分行营业部' },
  { code: 'CCB', nameZh: '中国建设银行', nameEn: 'China Construction Bank', accountLength: 20, defaultBranch: '吉首分行营业部' },
  { code: 'BOCOM', nameZh: '交通银行', nameEn: 'Bank of Communications', accountLength: 21, defaultBranch: '吉首支行' },
  { code: 'PSBC', nameZh: '中国邮政储蓄银行', nameEn: 'Postal Savings Bank of China', accountLength: 18, defaultBranch: '吉首市支行' },
  { code: 'JSRCB', nameZh: '湖南吉首农村商业银行', nameEn: 'Hunan Jishou Rural Commercial Bank', accountLength: 16, defaultBranch: '营业部' },
];

export function findBank(code: string, banks: readonly BankInfo[] = BANKS): BankInfo | undefined {
  return banks.find((bank) => bank.code === code);
}
