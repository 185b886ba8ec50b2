import { ENTERPRISE_OPENING_V1 } from '../processes/shipped-definitions';
import { correctionDocumentContent, outcomeDocumentContent, outputLines, publicSummary, schemaAtPath } from './document-content';

const header = { code: 'ABCDEFGH23456789', caseId: '00000000-0000-4000-8000-000000000001', issuedAt: '2026-12-01T08:00:00.000Z', keyId: 'doc-1' };

describe('document content from a definition', () => {
  it('labels each department result from the step outputs schema and lists fees with their payers', () => {
    const content = outcomeDocumentContent(header, {
      definition: ENTERPRISE_OPENING_V1,
      outcome: { enterpriseName: '吉首市湘西好物有限公司', uscc: '91433101MA4L0000X1', delivery: { method: 'FREE_MAIL', tripsRequired: 0 } },
      outputsByStep: { SAMR: { uscc: '91433101MA4L0000X1', licenseNumber: 'L-1', enterpriseName: '吉首市湘西好物有限公司' } },
      fees: { items: [{ code: 'SEAL_OFFICIAL', description: 'Official seal carving', descriptionZh: '公章刻制', amount: '240.00', payer: 'GOVERNMENT' }], applicantTotal: '0.00', borneByOthers: '240.00' },
    });
    expect(content.sections).toHaveLength(1);
    expect(content.sections[0].department.name.zh).toBe('市场监督管理局');
    expect(content.sections[0].lines[0]).toEqual({ label: { zh: '统一社会信用代码', en: 'Unified social credit code' }, value: '91433101MA4L0000X1' });
    expect(content.fees?.lines[0].payerName.zh).toBe('政府购买服务');
    expect(content.delivery).toEqual({ method: 'FREE_MAIL', name: { zh: '免费邮寄', en: 'Free mail' }, tripsRequired: 0 });
    expect(publicSummary(content).departments).toEqual([{ zh: '市场监督管理局', en: 'Administration for Market Regulation' }]);
  });

  it('never prints an output marked x-personal-data', () => {
    const schema = { type: 'object', properties: { holder: { type: 'string', 'x-personal-data': true }, number: { type: 'string', 'x-label': { zh: '号', en: 'No.' } } } };
    expect(outputLines(schema, { holder: '430101199001011234', number: '7' })).toEqual([{ label: { zh: '号', en: 'No.' }, value: '7' }]);
  });

  it('labels correction items by the form schema (array paths too)', () => {
    expect(schemaAtPath(ENTERPRISE_OPENING_V1.form.schema, 'company.name')).toMatchObject({ 'x-label': { zh: '企业名称' } });
    const content = correctionDocumentContent(header, {
      definition: ENTERPRISE_OPENING_V1,
      round: 2,
      items: [{ department: 'TAX', field: 'company.name', reason: '名称含禁用字词' }],
      enterpriseName: null,
    });
    expect(content.version).toBe(2);
    expect(content.items[0]).toMatchObject({ fieldLabel: { zh: '企业名称', en: 'Enterprise name' }, department: { code: 'TAX', name: { zh: '税务局' } } });
    expect(JSON.stringify(publicSummary(content))).not.toContain('禁用');
  });
});
