import { systemDecisionProblem } from './system-decision';

// A department system's decision is held to a clerk's rules, whichever way it arrives.
const review = {
  kind: 'review',
  department: 'GRID',
  reads: ['applicant', 'site'],
  outputs: { type: 'object', additionalProperties: false, required: ['connectionNumber'], properties: { connectionNumber: { type: 'string', pattern: '^GD\\d{6}$' } } },
};

describe('systemDecisionProblem', () => {
  it('takes a complete with the step’s outputs, a return of fields the step reads, a refusal with a reason', () => {
    expect(systemDecisionProblem(review, { decision: 'COMPLETE', outputs: { connectionNumber: 'GD000123' } })).toBeNull();
    expect(systemDecisionProblem(review, { decision: 'RETURN', items: [{ field: 'site.address', reason: '门牌号不全' }] })).toBeNull();
    expect(systemDecisionProblem(review, { decision: 'REJECT', reason: '不具备接电条件' })).toBeNull();
  });

  it('names what is wrong otherwise', () => {
    expect(systemDecisionProblem(review, { decision: 'APPROVE' })).toBe('decision must be COMPLETE, RETURN or REJECT');
    expect(systemDecisionProblem(review, { decision: 'COMPLETE', outputs: { connectionNumber: 'nope' } })).toContain('outputs.connectionNumber');
    expect(systemDecisionProblem(review, { decision: 'COMPLETE', outputs: { connectionNumber: 123 } })).toBe('outputs must be an object of strings');
    expect(systemDecisionProblem(review, { decision: 'COMPLETE', outputs: { connectionNumber: 'GD000123', extra: 'x' } })).toContain('outputs');
    expect(systemDecisionProblem(review, { decision: 'RETURN', items: [] })).toBe('a RETURN needs 1 to 50 items');
    expect(systemDecisionProblem(review, { decision: 'RETURN', items: [{ field: 'notes', reason: 'x' }] })).toBe('items[0].field is not in the part of the form the step reads');
    expect(systemDecisionProblem(review, { decision: 'RETURN', items: [{ field: 'site.address', reason: ' ' }] })).toBe('items[0] needs a field and a reason');
    expect(systemDecisionProblem(review, { decision: 'REJECT' })).toBe('a REJECT needs a reason');
  });

  it('holds a kind with code of its own to its clerk fields', () => {
    const tax = { kind: 'enterprise.tax', department: 'TAX', reads: ['tax'], outputs: { type: 'object' } };
    expect(systemDecisionProblem(tax, { decision: 'COMPLETE', outputs: {} })).toBeNull();
    expect(systemDecisionProblem(tax, { decision: 'COMPLETE', outputs: { ukeyNumber: '12' } })).toContain('outputs.ukeyNumber');
  });
});
