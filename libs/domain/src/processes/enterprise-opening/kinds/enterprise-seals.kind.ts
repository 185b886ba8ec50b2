import { SEAL_KINDS, type ApplicationForm } from '../../../application/application-form';
import { sealCode } from '../../../departments/department-outputs';
import { DEPARTMENT_INFO } from '../../../departments/departments';
import { asRecord, decideOnShare, requireUscc, type PsbOutputs } from './enterprise-rules';
import type { OutputFormat, StepKind } from '../../../step-kinds/step-kind';

const seals = (form: ApplicationForm, uscc: string, given: Readonly<Record<string, string>> = {}): PsbOutputs => ({
  seals: SEAL_KINDS.filter((kind) => form.seals.kinds.includes(kind)).map((kind) => ({ kind, filingCode: given[kind] ?? sealCode(uscc, kind) })),
});

/** PSB (公安局): carves and files the seals the form asks for; one filing code per seal. */
export const enterpriseSealsKind: StepKind = {
  key: 'enterprise.seals',
  needsLicence: true,
  issuesLicence: false,
  outputsFromSchema: false,
  clerkFields: Object.fromEntries(
    SEAL_KINDS.map((kind): [string, OutputFormat] => [kind, { pattern: /^\d{19}$/, description: `must be the ${kind} seal's filing code: 19 digits` }]),
  ),
  autoDecide: (form, ctx) => {
    const uscc = requireUscc('PSB', ctx);
    return asRecord(decideOnShare(form as ApplicationForm, ctx, { reads: DEPARTMENT_INFO.PSB.reads, names: false }, () => seals(form as ApplicationForm, uscc)));
  },
  issue: (form, ctx, given) => ({ ...seals(form as ApplicationForm, requireUscc('PSB', ctx), given) }),
};
