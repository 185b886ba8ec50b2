import { correctionKeyErrors } from './correction-paths';

describe('correctionKeyErrors', () => {
  const flagged = ['legalRepresentative.idNumber', 'shareholders', 'company.address'];

  it('accepts the flagged fields and anything inside them', () => {
    expect(
      correctionKeyErrors(['legalRepresentative.idNumber', 'shareholders', 'shareholders[0].idNumber', 'company.address.detail', 'company.address'], flagged),
    ).toEqual([]);
  });

  it('names each key outside the notice, including parents of a flagged field and look-alike names', () => {
    const errors = correctionKeyErrors(['legalRepresentative', 'legalRepresentative.mobile', 'company.name', 'shareholdersX', 'company.addressDetail'], flagged);
    expect(errors.map((error) => error.path)).toEqual(['legalRepresentative', 'legalRepresentative.mobile', 'company.name', 'shareholdersX', 'company.addressDetail']);
  });

  it('refuses malformed paths without echoing huge keys', () => {
    const huge = `a b${'x'.repeat(1000)}`;
    const errors = correctionKeyErrors(['shareholders..name', '[0]', huge], flagged);
    expect(errors).toHaveLength(3);
    expect(errors[2].path.length).toBeLessThanOrEqual(200);
    expect(errors[0].messages[0]).toMatch(/not a field path/);
  });

  it('accepts an indexed flagged field and what is inside it only', () => {
    expect(correctionKeyErrors(['shareholders[1].uscc'], ['shareholders[1]'])).toEqual([]);
    expect(correctionKeyErrors(['shareholders[0].uscc'], ['shareholders[1]'])).toHaveLength(1);
  });
});
