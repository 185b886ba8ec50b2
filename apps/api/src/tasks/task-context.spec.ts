import { sampleApplicationForm } from '@onetrip/domain';
import { ENTERPRISE_OPENING_V1 as OPENING } from '@onetrip/domain/processes/shipped-definitions';
import { correctedFields, maskName, stepsBefore } from './task-context';

const step = (id: string) => OPENING.steps.find((candidate) => candidate.id === id)!;

describe('task context', () => {
  it('gives the steps after SAMR the licence step as the one they build on', () => {
    expect(stepsBefore(OPENING, step('TAX')).map((s) => s.id)).toEqual(['SAMR']);
    expect(stepsBefore(OPENING, step('SAMR'))).toEqual([]);
  });

  it('says a corrected field old → new in words, only where the step reads it', () => {
    const form = sampleApplicationForm() as unknown as Record<string, unknown> & { tax: { taxpayerType: string } };
    form.tax.taxpayerType = 'GENERAL';
    const [field, ...rest] = correctedFields(OPENING, step('TAX'), form, { 'tax.taxpayerType': 'SMALL_SCALE' });
    expect(rest).toEqual([]);
    expect(field).toMatchObject({ path: 'tax.taxpayerType', before: { zh: '小规模纳税人' }, after: { zh: '一般纳税人' } });
    expect(correctedFields(OPENING, step('PSB'), form, { 'tax.taxpayerType': 'SMALL_SCALE' })).toEqual([]);
  });

  it("masks a corrected ID number on both sides for a step that sees it masked (TAX), not for SAMR", () => {
    const form = sampleApplicationForm() as unknown as Record<string, unknown> & { legalRepresentative: { idNumber: string } };
    const before = form.legalRepresentative.idNumber;
    const after = '11010519491231002X';
    form.legalRepresentative.idNumber = after;
    const [tax] = correctedFields(OPENING, step('TAX'), form, { 'legalRepresentative.idNumber': before });
    expect(JSON.stringify(tax)).not.toContain(before);
    expect(JSON.stringify(tax)).not.toContain(after);
    const [samr] = correctedFields(OPENING, step('SAMR'), form, { 'legalRepresentative.idNumber': before });
    expect(samr).toMatchObject({ before: { zh: before }, after: { zh: after } });
  });

  it('masks a name in a list to its first character', () => {
    expect(maskName('王五')).toBe('王*');
    expect(maskName('欧阳修文')).toBe('欧***');
    expect(maskName('李')).toBe('李*');
  });
});
