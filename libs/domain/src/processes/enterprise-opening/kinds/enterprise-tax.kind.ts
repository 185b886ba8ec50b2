import type { ApplicationForm } from '../../../application/application-form';
import { ukeyNumber } from '../../../departments/department-outputs';
import { DEPARTMENT_INFO } from '../../../departments/departments';
import { asRecord, decideOnShare, requireUscc, type TaxOutputs } from './enterprise-rules';
import type { StepKind } from '../../../step-kinds/step-kind';

const taxOutputs = (form: ApplicationForm, uscc: string, given: Readonly<Record<string, string>> = {}): TaxOutputs => ({
  taxpayerId: uscc,
  taxpayerType: form.tax.taxpayerType,
  invoicesApproved: form.tax.invoices,
  ukeyNumber: form.tax.ukey ? (given.ukeyNumber ?? ukeyNumber(uscc)) : null,
});

/** TAX (税务局): taxpayer confirmation, invoices and the tax UKey; the taxpayer id is the USCC. */
export const enterpriseTaxKind: StepKind = {
  key: 'enterprise.tax',
  needsLicence: true,
  issuesLicence: false,
  outputsFromSchema: false,
  clerkFields: { ukeyNumber: { pattern: /^\d{14}$/, description: 'must be the UKey number: 14 digits' } },
  autoDecide: (form, ctx) => {
    const uscc = requireUscc('TAX', ctx);
    return asRecord(decideOnShare(form as ApplicationForm, ctx, { reads: DEPARTMENT_INFO.TAX.reads, names: false }, () => taxOutputs(form as ApplicationForm, uscc)));
  },
  issue: (form, ctx, given) => ({ ...taxOutputs(form as ApplicationForm, requireUscc('TAX', ctx), given) }),
};
