import type { ApplicationForm } from '../../../application/application-form';
import { bankAccountNumber } from '../../../departments/department-outputs';
import { BANKS, findBank } from '../../../departments/banks';
import { DEPARTMENT_INFO } from '../../../departments/departments';
import { InvalidArgumentError } from '../../../errors/domain-error';
import { asRecord, decideOnShare, requireUscc, type BankOutputs } from './enterprise-rules';
import type { StepKind } from '../../../step-kinds/step-kind';

/** BANK (商业银行): opens the basic deposit account at the bank the form chose. */
export const enterpriseBankAccountKind: StepKind = {
  key: 'enterprise.bank-account',
  needsLicence: true,
  issuesLicence: false,
  outputsFromSchema: false,
  clerkFields: {
    accountNumber: { pattern: /^\d{10,25}$/, description: 'must be the new account number: 10–25 digits', required: true },
    branch: { pattern: /^[\p{Script=Han}A-Za-z0-9()（）·\- ]{2,100}$/u, description: 'must be a branch name: 2–100 Chinese characters, letters, digits, brackets' },
  },
  autoDecide: (form, ctx) => {
    const uscc = requireUscc('BANK', ctx);
    const application = form as ApplicationForm;
    return asRecord(
      decideOnShare(application, ctx, { reads: DEPARTMENT_INFO.BANK.reads, names: false }, (): BankOutputs => {
        const bank = findBank(application.bank.bankCode, ctx.banks ?? BANKS);
        // Unreachable: the rule check returns the case when the bank is unknown.
        if (!bank) throw new InvalidArgumentError('Unknown bank code');
        return {
          bankCode: bank.code,
          bankName: bank.nameZh,
          branch: application.bank.branch?.trim() || bank.defaultBranch,
          accountNumber: bankAccountNumber(bank.code, uscc, bank.accountLength),
        };
      }),
    );
  },
  // The bank chosen and the bank issued are codes of the configured bank list: shown by the bank's names.
  // The issued bank name is the Chinese one (what the account is registered under): an English reader gets the English.
  valueName: (path, value) => {
    if (typeof value !== 'string') return undefined;
    const bank = path === 'bank.bankCode' || path === 'outputs.bankCode' ? findBank(value) : path === 'outputs.bankName' ? BANKS.find((b) => b.nameZh === value) : undefined;
    return bank ? { zh: bank.nameZh, en: bank.nameEn } : undefined;
  },
  // A clerk's completion tolerates a bank outside the list (the clerk knows the bank): its code stands for its name.
  issue: (form, ctx, given) => {
    const uscc = requireUscc('BANK', ctx);
    const application = form as ApplicationForm;
    const bank = findBank(application.bank.bankCode, ctx.banks ?? BANKS);
    const outputs: BankOutputs = {
      bankCode: application.bank.bankCode,
      bankName: bank?.nameZh ?? application.bank.bankCode,
      branch: given.branch ?? (application.bank.branch?.trim() || bank?.defaultBranch || ''),
      accountNumber: given.accountNumber ?? bankAccountNumber(application.bank.bankCode, uscc, bank?.accountLength),
    };
    return { ...outputs };
  },
};
