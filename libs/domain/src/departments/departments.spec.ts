import fc from 'fast-check';
import { CORRECTABLE_FIELD_PATHS } from '../application/application-form';
import {
  compareDepartments,
  DEPARTMENT_INFO,
  DEPARTMENTS,
  departmentReads,
  departmentsReading,
  isDepartment,
} from './departments';

describe('departments', () => {
  it('are listed in licence-first order with both names', () => {
    expect(DEPARTMENTS).toEqual(['SAMR', 'PSB', 'TAX', 'HRSS', 'BANK']);
    for (const d of DEPARTMENTS) {
      expect(DEPARTMENT_INFO[d].code).toBe(d);
      expect(DEPARTMENT_INFO[d].nameZh).toMatch(/\p{Script=Han}/u);
      expect(DEPARTMENT_INFO[d].nameEn).toMatch(/^[A-Z]/);
      expect(DEPARTMENT_INFO[d].timeLimitMinutes).toBe(240);
      expect(DEPARTMENT_INFO[d].reminderLeadMinutes).toBeLessThan(DEPARTMENT_INFO[d].timeLimitMinutes);
      expect(DEPARTMENT_INFO[d].dependsOn).toEqual(d === 'SAMR' ? [] : ['SAMR']);
    }
    expect(isDepartment('TAX')).toBe(true);
    expect(isDepartment('tax')).toBe(false);
    expect([...DEPARTMENTS].reverse().sort(compareDepartments)).toEqual([...DEPARTMENTS]);
  });

  it('read their parts of the one form', () => {
    expect(departmentReads('SAMR', 'company.address.detail')).toBe(true);
    expect(departmentReads('SAMR', 'shareholders[1].idNumber')).toBe(true);
    expect(departmentReads('SAMR', 'seals.kinds')).toBe(false);
    expect(departmentReads('PSB', 'seals.kinds')).toBe(true);
    expect(departmentReads('PSB', 'company.name')).toBe(true);
    expect(departmentReads('PSB', 'company.address')).toBe(false);
    expect(departmentReads('PSB', 'legalRepresentative.mobile')).toBe(false);
    expect(departmentReads('PSB', 'legalRepresentative')).toBe(true); // a parent of what it reads
    expect(departmentReads('PSB', 'company')).toBe(true);
    expect(departmentReads('TAX', 'tax.ukey')).toBe(true);
    expect(departmentReads('TAX', 'legalRepresentative.mobile')).toBe(true);
    expect(departmentReads('HRSS', 'socialInsurance.employees[0].startDate')).toBe(true);
    expect(departmentReads('HRSS', 'legalRepresentative.name')).toBe(false);
    expect(departmentReads('BANK', 'bank.branch')).toBe(true);
    expect(departmentReads('BANK', 'tax.invoices')).toBe(false);
    expect(departmentReads('BANK', 'bankX')).toBe(false);
  });

  it('lists readers of a path in order', () => {
    expect(departmentsReading('company.name')).toEqual(['SAMR', 'PSB', 'TAX', 'HRSS', 'BANK']);
    expect(departmentsReading('legalRepresentative.mobile')).toEqual(['SAMR', 'TAX', 'BANK']);
    expect(departmentsReading('delivery.address')).toEqual([]);
  });

  it('read a parent whenever they read any child, and every child of what they read', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DEPARTMENTS), fc.constantFrom(...CORRECTABLE_FIELD_PATHS), (department, path) => {
        const parent = path.split('.')[0];
        if (departmentReads(department, path)) expect(departmentReads(department, parent)).toBe(true);
        if (DEPARTMENT_INFO[department].reads.includes(parent)) expect(departmentReads(department, path)).toBe(true);
      }),
    );
  });
});
