import type { ApplicationForm, DeliveryMethod, SealKind } from '../application/application-form';
import { SEAL_KINDS } from '../application/application-form';
import { DomainError, InvalidArgumentError } from '../errors/domain-error';
import { Money } from './money';

// 企业开办"零成本": every cost of opening an enterprise is borne by someone other than the applicant.
// Each line names who: the government buys the service (政府购买服务), the law makes it free, or the bank
// waives it. The applicant is not a payer at all, so the applicant total is ¥0.00 by construction.

export const FEE_PAYERS = ['GOVERNMENT', 'STATUTORY_FREE', 'BANK_WAIVED'] as const;
export type FeePayer = (typeof FEE_PAYERS)[number];
/** What a caller might try to charge; only FeePayer is accepted. */
export type ChargedParty = FeePayer | 'APPLICANT';

export class ApplicantChargeError extends DomainError {
  constructor(readonly feeCode: string) {
    super('APPLICANT_CHARGE', `Fee line "${feeCode}" cannot be charged to the applicant: opening an enterprise costs the applicant nothing`);
  }
}

export const FEE_CODES = [
  'BUSINESS_LICENCE',
  'SEAL_OFFICIAL',
  'SEAL_FINANCE',
  'SEAL_INVOICE',
  'SEAL_LEGAL_REPRESENTATIVE',
  'TAX_UKEY',
  'INVOICE_FIRST_BATCH',
  'BANK_ACCOUNT_OPENING',
  'POSTAGE_FREE_MAIL',
] as const;
export type FeeCode = (typeof FEE_CODES)[number];

export interface FeeScheduleEntry {
  code: FeeCode;
  description: string;
  descriptionZh: string;
  /** Money string. */
  amount: string;
  payer: FeePayer;
}

export type FeeSchedule = Readonly<Record<FeeCode, FeeScheduleEntry>>;

// Illustrative prices: the four seals add up to ¥690, in line with the report's ¥724,190 saved for
// 1,050 enterprises (≈ ¥689.70 each).
export const DEFAULT_FEE_SCHEDULE: FeeSchedule = {
  BUSINESS_LICENCE: { code: 'BUSINESS_LICENCE', description: 'Business licence (paper and electronic)', descriptionZh: '营业执照（纸质及电子）', amount: '0.00', payer: 'STATUTORY_FREE' },
  SEAL_OFFICIAL: { code: 'SEAL_OFFICIAL', description: 'Official seal carving', descriptionZh: '公章刻制', amount: '240.00', payer: 'GOVERNMENT' },
  SEAL_FINANCE: { code: 'SEAL_FINANCE', description: 'Finance seal carving', descriptionZh: '财务专用章刻制', amount: '150.00', payer: 'GOVERNMENT' },
  SEAL_INVOICE: { code: 'SEAL_INVOICE', description: 'Invoice seal carving', descriptionZh: '发票专用章刻制', amount: '150.00', payer: 'GOVERNMENT' },
  SEAL_LEGAL_REPRESENTATIVE: { code: 'SEAL_LEGAL_REPRESENTATIVE', description: 'Legal representative name seal carving', descriptionZh: '法定代表人名章刻制', amount: '150.00', payer: 'GOVERNMENT' },
  TAX_UKEY: { code: 'TAX_UKEY', description: 'Tax UKey device', descriptionZh: '税务UKey（税控设备）', amount: '200.00', payer: 'GOVERNMENT' },
  INVOICE_FIRST_BATCH: { code: 'INVOICE_FIRST_BATCH', description: 'First batch of invoices', descriptionZh: '首批发票', amount: '50.00', payer: 'GOVERNMENT' },
  BANK_ACCOUNT_OPENING: { code: 'BANK_ACCOUNT_OPENING', description: 'Basic deposit account opening', descriptionZh: '基本存款账户开户', amount: '100.00', payer: 'BANK_WAIVED' },
  POSTAGE_FREE_MAIL: { code: 'POSTAGE_FREE_MAIL', description: 'Postage for mailing the results', descriptionZh: '结果免费邮寄', amount: '20.00', payer: 'GOVERNMENT' },
};

export const SEAL_FEE_CODES: Readonly<Record<SealKind, FeeCode>> = {
  OFFICIAL: 'SEAL_OFFICIAL',
  FINANCE: 'SEAL_FINANCE',
  INVOICE: 'SEAL_INVOICE',
  LEGAL_REPRESENTATIVE: 'SEAL_LEGAL_REPRESENTATIVE',
};

export interface FeeLineInput {
  code: string;
  description: string;
  descriptionZh?: string;
  amount: Money | string;
  payer: ChargedParty;
}

export interface FeeLedgerItem {
  code: string;
  description: string;
  descriptionZh?: string;
  /** Money string. */
  amount: string;
  payer: FeePayer;
}

export interface FeeLedgerView {
  items: FeeLedgerItem[];
  /** What the applicant pays: always exactly '0.00'. */
  applicantTotal: '0.00';
  /** Exact sum of all items: what the enterprise was spared. */
  borneByOthers: string;
  totalsByPayer: Record<FeePayer, string>;
}

export class FeeLedger {
  private readonly lines: { item: FeeLedgerItem; amount: Money }[] = [];

  /** Throws ApplicantChargeError for an applicant charge; negative amounts and duplicate codes are programming errors. */
  add(line: FeeLineInput): this {
    if (line.payer === 'APPLICANT') throw new ApplicantChargeError(line.code);
    if (!(FEE_PAYERS as readonly string[]).includes(line.payer)) {
      throw new InvalidArgumentError(`Unknown payer for fee line "${line.code}"`);
    }
    const amount = typeof line.amount === 'string' ? Money.parse(line.amount) : line.amount;
    if (amount.isNegative()) throw new InvalidArgumentError(`Fee line "${line.code}" has a negative amount`);
    if (this.lines.some((l) => l.item.code === line.code)) {
      throw new InvalidArgumentError(`Fee line "${line.code}" is already in the ledger`);
    }
    const item: FeeLedgerItem = { code: line.code, description: line.description, amount: amount.toString(), payer: line.payer };
    if (line.descriptionZh !== undefined) item.descriptionZh = line.descriptionZh;
    this.lines.push({ item, amount });
    return this;
  }

  borneByOthers(): Money {
    return Money.sum(this.lines.map((l) => l.amount));
  }

  toView(): FeeLedgerView {
    const totalsByPayer = Object.fromEntries(
      FEE_PAYERS.map((payer) => [payer, Money.sum(this.lines.filter((l) => l.item.payer === payer).map((l) => l.amount)).toString()]),
    ) as Record<FeePayer, string>;
    return {
      items: this.lines.map((l) => ({ ...l.item })),
      applicantTotal: '0.00',
      borneByOthers: this.borneByOthers().toString(),
      totalsByPayer,
    };
  }
}

export interface FeeLedgerRequest {
  sealKinds: readonly SealKind[];
  ukey: boolean;
  /** First invoice batch; when omitted, follows `ukey` (invoices are issued with the UKey). */
  invoices?: boolean;
  deliveryMethod: DeliveryMethod;
  schedule?: FeeSchedule;
}

/** The cost lines of one enterprise opening, in a fixed order (licence, seals in SEAL_KINDS order, tax, bank, postage). */
export function buildFeeLedger(request: FeeLedgerRequest): FeeLedgerView {
  const schedule = request.schedule ?? DEFAULT_FEE_SCHEDULE;
  const codes: FeeCode[] = ['BUSINESS_LICENCE'];
  for (const kind of SEAL_KINDS) if (request.sealKinds.includes(kind)) codes.push(SEAL_FEE_CODES[kind]);
  if (request.ukey) codes.push('TAX_UKEY');
  if (request.invoices ?? request.ukey) codes.push('INVOICE_FIRST_BATCH');
  codes.push('BANK_ACCOUNT_OPENING');
  if (request.deliveryMethod === 'FREE_MAIL') codes.push('POSTAGE_FREE_MAIL');

  const ledger = new FeeLedger();
  for (const code of codes) ledger.add(schedule[code]);
  return ledger.toView();
}

export function feeLedgerForApplication(form: ApplicationForm, schedule?: FeeSchedule): FeeLedgerView {
  return buildFeeLedger({
    sealKinds: form.seals.kinds,
    ukey: form.tax.ukey,
    invoices: form.tax.invoices,
    deliveryMethod: form.delivery.method,
    schedule,
  });
}

/** What a set of enterprises were spared in total, for reports like "1,050 enterprises saved ¥724,190". */
export function totalSpared(ledgers: Iterable<Pick<FeeLedgerView, 'borneByOthers'>>): Money {
  const amounts: Money[] = [];
  for (const ledger of ledgers) amounts.push(Money.parse(ledger.borneByOthers));
  return Money.sum(amounts);
}
