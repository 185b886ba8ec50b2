import { makeResidentId } from '../identifiers/resident-id';
import { generateUscc } from '../identifiers/uscc';
import type { ApplicationForm } from './application-form';

/**
 * A complete application that passes every rule for the Jishou jurisdiction on 2026-03-02 (fictional people).
 * For tests, seed scripts and demos; returns a fresh object each call so callers may modify it.
 */
export function sampleApplicationForm(): ApplicationForm {
  const founderId = makeResidentId('433101', '1990-01-01', 123);
  return {
    company: {
      name: '吉首市湘土网络科技有限公司',
      entityType: 'LIMITED_LIABILITY',
      registeredCapital: '1000000.00',
      businessScope: ['软件开发', '信息技术咨询服务'],
      address: { divisionCode: '433101', detail: '乾州街道世纪大道88号' },
    },
    legalRepresentative: { name: '张三', idNumber: founderId, mobile: '13800001111' },
    shareholders: [
      { name: '张三', kind: 'PERSON', idNumber: founderId, subscribedCapital: '600000.00' },
      {
        name: '湘西山水投资有限公司',
        kind: 'ENTITY',
        uscc: generateUscc({ divisionCode: '433100', sequence: 42 }),
        subscribedCapital: '400000.00',
      },
    ],
    seals: { kinds: ['OFFICIAL', 'FINANCE', 'INVOICE', 'LEGAL_REPRESENTATIVE'] },
    tax: { taxpayerType: 'SMALL_SCALE', invoices: true, ukey: true },
    socialInsurance: {
      employees: [{ name: '李四', idNumber: makeResidentId('433101', '1995-06-15', 246), startDate: '2026-03-02' }],
    },
    bank: { bankCode: 'ICBC', branch: '吉首乾州支行' },
    delivery: { method: 'FREE_MAIL', address: '吉首市人民北路1号' },
  };
}
