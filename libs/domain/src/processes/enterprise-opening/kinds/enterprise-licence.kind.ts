import type { ApplicationForm } from '../../../application/application-form';
import { normaliseEnterpriseName } from '../../../application/enterprise-name';
import { licenseNumber } from '../../../departments/department-outputs';
import { DEPARTMENT_INFO } from '../../../departments/departments';
import { asRecord, decideOnShare, licenceUscc, type SamrOutputs } from './enterprise-rules';
import type { StepKind } from '../../../step-kinds/step-kind';

const NINETEEN_DIGITS = /^\d{19}$/;

/** SAMR (市场监督管理局): name registration (名称自主申报) and the business licence with its USCC. */
export const enterpriseLicenceKind: StepKind = {
  key: 'enterprise.licence',
  needsLicence: false,
  issuesLicence: true,
  outputsFromSchema: false,
  clerkFields: { licenseNumber: { pattern: NINETEEN_DIGITS, description: 'must be the licence number (执照编号): 19 digits' } },
  autoDecide: (form, ctx) =>
    asRecord(
      decideOnShare(form as ApplicationForm, ctx, { reads: DEPARTMENT_INFO.SAMR.reads, names: true }, (): SamrOutputs => {
        // A reopened licence step keeps the code it issued: a USCC is for life.
        const uscc = licenceUscc(ctx);
        return { uscc, licenseNumber: licenseNumber(uscc), enterpriseName: (form as ApplicationForm).company.name };
      }),
    ),
  issue: (form, ctx, given) => {
    const uscc = licenceUscc(ctx);
    const outputs: SamrOutputs = { uscc, licenseNumber: given.licenseNumber ?? licenseNumber(uscc), enterpriseName: (form as ApplicationForm).company.name };
    return { ...outputs };
  },
  licence: (form, outputs) => ({ enterpriseName: normaliseEnterpriseName((form as ApplicationForm).company.name), uscc: String(outputs.uscc) }),
};
