import { sampleApplicationForm, type ApplicationForm } from '@onetrip/domain';

// Every case the benchmark submits needs an enterprise name no other case has (names are unique).
const TRADE_CHARS = '湘峒河阿妹青山沅水乾州金龙凤凰德夯云岭松竹梅兰';
let counter = Math.floor(Math.random() * 1000) * 5000;

export function uniqueEnterpriseName(): string {
  let n = counter++;
  let trade = '';
  for (let i = 0; i < 5; i++) {
    trade += TRADE_CHARS[n % TRADE_CHARS.length];
    n = Math.floor(n / TRADE_CHARS.length);
  }
  return `吉首市${trade}科技有限公司`;
}

/** The sample combined form (valid, every department's part filled in) under a fresh name. */
export function benchForm(): ApplicationForm {
  const form = sampleApplicationForm();
  form.company.name = uniqueEnterpriseName();
  return form;
}
