import type { ApplicationForm } from '@onetrip/domain';

/**
 * The form as a draft may keep it on this device: without what identifies a person (names of people,
 * ID numbers, mobiles). Those stay in the page's memory only, and are typed again after a reload.
 */
export function withoutPersonalData(form: ApplicationForm): ApplicationForm {
  return {
    ...form,
    legalRepresentative: { name: '', idNumber: '', mobile: '' },
    shareholders: form.shareholders.map((s) => (s.kind === 'PERSON' ? { ...s, name: '', idNumber: '' } : s)),
    socialInsurance: { employees: form.socialInsurance.employees.map((e) => ({ ...e, name: '', idNumber: '' })) },
  };
}
