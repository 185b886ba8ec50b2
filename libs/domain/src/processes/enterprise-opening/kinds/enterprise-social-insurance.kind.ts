import type { ApplicationForm } from '../../../application/application-form';
import { socialInsuranceNumber } from '../../../departments/department-outputs';
import { DEPARTMENT_INFO } from '../../../departments/departments';
import { asRecord, decideOnShare, requireUscc, type HrssOutputs } from './enterprise-rules';
import type { StepKind } from '../../../step-kinds/step-kind';

const hrssOutputs = (form: ApplicationForm, uscc: string, given: Readonly<Record<string, string>> = {}): HrssOutputs => ({
  socialInsuranceNumber: given.registrationNumber ?? socialInsuranceNumber(uscc),
  enrolledEmployees: form.socialInsurance.employees.length,
});

/** HRSS (人力资源和社会保障局): the employer's social-insurance registration and the employees' enrolment. */
export const enterpriseSocialInsuranceKind: StepKind = {
  key: 'enterprise.social-insurance',
  needsLicence: true,
  issuesLicence: false,
  outputsFromSchema: false,
  clerkFields: { registrationNumber: { pattern: /^\d{19}$/, description: 'must be the social-insurance registration number: 19 digits' } },
  autoDecide: (form, ctx) => {
    const uscc = requireUscc('HRSS', ctx);
    return asRecord(decideOnShare(form as ApplicationForm, ctx, { reads: DEPARTMENT_INFO.HRSS.reads, names: false }, () => hrssOutputs(form as ApplicationForm, uscc)));
  },
  issue: (form, ctx, given) => ({ ...hrssOutputs(form as ApplicationForm, requireUscc('HRSS', ctx), given) }),
};
