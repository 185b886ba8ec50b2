import fc from 'fast-check';
import { DEPARTMENTS, makeResidentId, sampleApplicationForm, type ApplicationForm, type Department, type ProcessDefinition } from '@onetrip/domain';
import { SHIPPED_DEFINITIONS } from '@onetrip/domain/processes/shipped-definitions';
import { stepFlags, stepFormView, stepReads } from './step-form-view';

// The enterprise opening's steps (ids = department codes) read as the department views did before the engine.
const opening = SHIPPED_DEFINITIONS.find((definition: ProcessDefinition) => definition.key === 'enterprise-opening') as ProcessDefinition;
const stepOf = (department: string) => opening.steps.find((step) => step.id === department) as ProcessDefinition['steps'][number];
const departmentFormView = (department: string, data: ApplicationForm) => stepFormView(stepOf(department), opening.form.schema, data);
const departmentFlags = (department: string, flags: Parameters<typeof stepFlags>[1]) => stepFlags(stepOf(department), flags);
const departmentReads = (department: string, path: string) => stepReads(stepOf(department), path);

const form = sampleApplicationForm();
const legalId = form.legalRepresentative.idNumber;
const employeeId = form.socialInsurance.employees[0].idNumber;
const mobile = form.legalRepresentative.mobile;

const text = (department: Department, data: ApplicationForm = form): string => JSON.stringify(departmentFormView(department, data).form);

describe('stepFormView (the opening)', () => {
  it('gives each department its own part of the form, and nothing else', () => {
    expect(Object.keys(departmentFormView('SAMR', form).form).sort()).toEqual(['company', 'legalRepresentative', 'shareholders']);
    expect(Object.keys(departmentFormView('PSB', form).form).sort()).toEqual(['company', 'legalRepresentative', 'seals']);
    expect(Object.keys(departmentFormView('TAX', form).form).sort()).toEqual(['company', 'legalRepresentative', 'tax']);
    expect(Object.keys(departmentFormView('HRSS', form).form).sort()).toEqual(['company', 'socialInsurance']);
    expect(Object.keys(departmentFormView('BANK', form).form).sort()).toEqual(['bank', 'company', 'legalRepresentative']);
    for (const department of ['PSB', 'TAX', 'HRSS', 'BANK'] as const) {
      expect(departmentFormView(department, form).form.company).toEqual({ name: form.company.name });
    }
  });

  it('shows ID numbers and mobiles only where the department needs them', () => {
    expect(text('SAMR')).toContain(legalId);
    expect(text('SAMR')).toContain(mobile);
    expect(text('PSB')).toContain(legalId);
    expect(text('PSB')).not.toContain(mobile);
    expect(text('BANK')).toContain(legalId);
    expect(text('BANK')).not.toContain(mobile);
    expect(text('TAX')).not.toContain(legalId);
    expect(text('TAX')).not.toContain(mobile);
    expect(text('TAX')).toContain('433101********');
    expect(text('HRSS')).toContain(employeeId);
    expect(text('HRSS')).not.toContain(legalId);
  });

  it('says when the view reveals personal data (so it is audited)', () => {
    expect(DEPARTMENTS.filter((department) => departmentFormView(department, form).revealsPersonalData)).toEqual(['SAMR', 'PSB', 'HRSS', 'BANK']);
    const noEmployees = { ...form, socialInsurance: { employees: [] } };
    expect(departmentFormView('HRSS', noEmployees).revealsPersonalData).toBe(false);
  });

  it('never shows a department an unmasked ID it does not need, whatever the people', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1950, max: 2005 }), (sequence, year) => {
        const data = sampleApplicationForm();
        data.legalRepresentative.idNumber = makeResidentId('433101', `${year}-05-17`, sequence);
        expect(text('TAX', data)).not.toContain(data.legalRepresentative.idNumber);
        expect(text('HRSS', data)).not.toContain(data.legalRepresentative.idNumber);
      }),
    );
  });

  it('does not change the form it reads', () => {
    const data = sampleApplicationForm();
    const before = JSON.stringify(data);
    for (const department of DEPARTMENTS) departmentFormView(department, data);
    expect(JSON.stringify(data)).toBe(before);
  });
});

describe('departmentFlags', () => {
  it('keeps the flags on fields the department reads', () => {
    const flags = [{ path: 'shareholders[1].uscc', code: 'USCC_CHECK_FAILED' as const, message: 'check' }];
    expect(departmentFlags('SAMR', flags)).toEqual(flags);
    expect(departmentFlags('TAX', flags)).toEqual([]);
  });
});

describe('departmentReads', () => {
  it('knows the part of the form each department reads', () => {
    expect(departmentReads('SAMR', 'shareholders[0].idNumber')).toBe(true);
    expect(departmentReads('TAX', 'shareholders[0].idNumber')).toBe(false);
    expect(departmentReads('TAX', 'tax.taxpayerType')).toBe(true);
    expect(departmentReads('TAX', 'company.name')).toBe(true);
    expect(departmentReads('TAX', 'company.address.detail')).toBe(false);
    expect(departmentReads('HRSS', 'legalRepresentative.idNumber')).toBe(false);
    expect(departmentReads('BANK', 'bank.branch')).toBe(true);
  });
});

describe('stepFormView (any definition)', () => {
  const schema = {
    type: 'object',
    properties: {
      venue: { type: 'object', properties: { name: { type: 'string' }, seats: { type: 'integer' } } },
      staff: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, healthCertificate: { type: 'string', 'x-personal-data': true } } } },
      owner: { type: 'object', properties: { name: { type: 'string' }, phone: { type: 'string', 'x-personal-data': true } } },
    },
  };
  const data = { venue: { name: '湘西小馆', seats: 40 }, staff: [{ name: '李四', healthCertificate: 'HC-2026-0001' }], owner: { name: '张三', phone: 'P-88990011' } };

  it('shows what the step reads, masks personal data it may not see, and says when it reveals some', () => {
    const fire = stepFormView({ reads: ['venue', 'owner.name'] }, schema, data);
    expect(fire).toEqual({ form: { venue: data.venue, owner: { name: '张三' } }, revealsPersonalData: false });
    const food = stepFormView({ reads: ['venue.name', 'staff', 'owner'], unmasked: ['staff[].healthCertificate'] }, schema, data);
    expect(food.form.staff).toEqual(data.staff);
    expect(JSON.stringify(food.form)).not.toContain('88990011'.slice(0, 6));
    expect(food.revealsPersonalData).toBe(true);
  });
});
