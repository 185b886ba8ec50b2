import { channelsFor, DEFAULT_CHANNEL_ROUTING, parseChannelRouting } from './notification-channels';
import { retryDelayMs } from './delivery-backoff';
import { fillTemplate, renderEmail, SMS_TEMPLATES, smsParams, smsTemplateOf } from './notification-templates';
import { maskEmail, maskPersonalData } from '../privacy/masking';

describe('channel routing', () => {
  it('routes each kind by its own line, else by *', () => {
    const routing = parseChannelRouting('COMPLETED=in-app, email ,sms; *=in-app');
    expect(channelsFor(routing, 'COMPLETED')).toEqual(['IN_APP', 'EMAIL', 'SMS']);
    expect(channelsFor(routing, 'SUBMITTED')).toEqual(['IN_APP']);
    expect(channelsFor(parseChannelRouting('COMPLETED=email'), 'SUBMITTED')).toEqual([]);
  });

  it('names the entry at fault', () => {
    expect(() => parseChannelRouting('COMPLETED=fax')).toThrow('COMPLETED: unknown channel "fax"');
    expect(() => parseChannelRouting('COMPLETED=sms;COMPLETED=email')).toThrow('COMPLETED is routed twice');
    expect(() => parseChannelRouting('completed')).toThrow('"completed" is not KIND=channel');
  });

  it('parses the default', () => {
    expect(channelsFor(parseChannelRouting(DEFAULT_CHANNEL_ROUTING), 'CORRECTION_NEEDED')).toEqual(['IN_APP', 'EMAIL', 'SMS']);
  });
});

describe('retry backoff', () => {
  const settings = { baseMs: 1000, maxMs: 60_000 };
  it('doubles per attempt within [half, whole], capped', () => {
    expect(retryDelayMs(1, settings, 0)).toBe(500);
    expect(retryDelayMs(1, settings, 0.999999)).toBe(1000);
    expect(retryDelayMs(3, settings, 0)).toBe(2000);
    expect(retryDelayMs(30, settings, 0.5)).toBe(45_000);
  });
});

describe('templates', () => {
  const params = { caseRef: 'AB12CD34', enterpriseName: '吉首市星火科技有限公司', link: 'https://onetrip.example/cases/x', uscc: '91433101MA4L0000X1', round: '2' };

  it('renders e-mails in both languages with the case and the link', () => {
    const zh = renderEmail('COMPLETED', 'zh', params);
    expect(zh.subject).toBe('【一件事一次办】已办结：吉首市星火科技有限公司');
    expect(zh.text).toContain('统一社会信用代码 91433101MA4L0000X1');
    expect(zh.text).toContain('https://onetrip.example/cases/x');
    const en = renderEmail('CORRECTION_NEEDED', 'en', params);
    expect(en.subject).toBe('[OneTrip] Corrections needed: 吉首市星火科技有限公司');
    expect(en.text).toContain('(notice 2)');
    expect(renderEmail('SOMETHING_NEW', 'en', { ...params, link: '' }).text).not.toContain('Details:');
  });

  it('fills only the parameters an SMS template names, never "undefined"', () => {
    expect(smsTemplateOf('SOMETHING_NEW')).toBe('*');
    expect(smsParams('COMPLETED', params)).toEqual({ caseRef: 'AB12CD34', uscc: '91433101MA4L0000X1' });
    expect(fillTemplate(SMS_TEMPLATES.CORRECTION_NEEDED, { caseRef: 'X' })).toBe('您的申请X需要补正（第次告知），请登录查看。');
  });
});

describe('e-mail masking', () => {
  it('keeps the first character and the domain', () => {
    expect(maskEmail('zhang.san@example.com')).toBe('z********@example.com');
    expect(maskPersonalData('550 mailbox zhang.san@example.com unavailable, mobile 13800001111')).toBe('550 mailbox z********@example.com unavailable, mobile 138****1111');
  });
});
