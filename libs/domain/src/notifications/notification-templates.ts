// What an applicant reads, per kind: e-mails in Chinese or English, text messages in short Chinese.
// Only the enterprise name, a case reference and codes go in (no ID numbers or mobiles). An SMS
// provider holds its templates itself (registered under a code, with the same `${param}` names):
// SMS_TEMPLATES is the text to register, and what the local SMS stub shows.

export type NotificationLocale = 'zh' | 'en';

export interface NotificationParams {
  /** The case's short reference (the first 8 characters of its id, in capitals). */
  caseRef: string;
  enterpriseName: string;
  /** Where the case is on the web (empty when no public address is configured). */
  link: string;
  round?: string;
  uscc?: string;
  reason?: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
}

interface EmailTemplate {
  subject: string;
  body: string;
}

const EMAIL_TEMPLATES: Record<string, Record<NotificationLocale, EmailTemplate>> = {
  SUBMITTED: {
    zh: { subject: '【一件事一次办】已受理：${enterpriseName}', body: '您的申请（编号 ${caseRef}，${enterpriseName}）已受理，各部门将联合办理。' },
    en: { subject: '[OneTrip] Application received: ${enterpriseName}', body: 'Your application (ref. ${caseRef}, ${enterpriseName}) has been received; the departments now handle it together.' },
  },
  CORRECTION_NEEDED: {
    zh: { subject: '【一件事一次办】需要补正：${enterpriseName}', body: '您的申请（编号 ${caseRef}）需要补正（第 ${round} 次一次性告知），请登录查看需要修改的内容。' },
    en: { subject: '[OneTrip] Corrections needed: ${enterpriseName}', body: 'Your application (ref. ${caseRef}) needs corrections (notice ${round}). Sign in to see everything to change, in one notice.' },
  },
  COMPLETED: {
    zh: { subject: '【一件事一次办】已办结：${enterpriseName}', body: '您的申请（编号 ${caseRef}）已全部办结，统一社会信用代码 ${uscc}。办结通知书可在线查看。' },
    en: { subject: '[OneTrip] Done: ${enterpriseName}', body: 'Your application (ref. ${caseRef}) is complete. Unified social credit code: ${uscc}. The completion notice is online.' },
  },
  REJECTED: {
    zh: { subject: '【一件事一次办】未予通过：${enterpriseName}', body: '您的申请（编号 ${caseRef}）未予通过。原因：${reason}' },
    en: { subject: '[OneTrip] Not approved: ${enterpriseName}', body: 'Your application (ref. ${caseRef}) was not approved. Reason: ${reason}' },
  },
  CANCELLED: {
    zh: { subject: '【一件事一次办】已撤销：${enterpriseName}', body: '您的申请（编号 ${caseRef}）已撤销。${reason}' },
    en: { subject: '[OneTrip] Cancelled: ${enterpriseName}', body: 'Your application (ref. ${caseRef}) was cancelled. ${reason}' },
  },
  COMPLAINT_RESOLVED: {
    zh: { subject: '【一件事一次办】投诉已处理：${enterpriseName}', body: '您就申请（编号 ${caseRef}）提出的投诉已处理，请登录查看处理结果。' },
    en: { subject: '[OneTrip] Complaint answered: ${enterpriseName}', body: 'Your complaint about application ref. ${caseRef} has been answered. Sign in to read the answer.' },
  },
};

const GENERIC_EMAIL: Record<NotificationLocale, EmailTemplate> = {
  zh: { subject: '【一件事一次办】办理进度更新：${enterpriseName}', body: '您的申请（编号 ${caseRef}）有新的进度，请登录查看。' },
  en: { subject: '[OneTrip] News on your application: ${enterpriseName}', body: 'There is news on your application (ref. ${caseRef}). Sign in to see it.' },
};

const EMAIL_FOOTER: Record<NotificationLocale, string> = {
  zh: '\n\n查看详情：${link}\n本邮件由系统自动发送，请勿回复。全程办理费用 ¥0.00。',
  en: '\n\nDetails: ${link}\nThis message was sent automatically; please do not reply. What you pay: ¥0.00.',
};

/** The text to register with the SMS provider per kind (short: one SMS of 70 characters where it can). */
export const SMS_TEMPLATES: Readonly<Record<string, string>> = {
  SUBMITTED: '您的申请${caseRef}（${enterpriseName}）已受理。',
  CORRECTION_NEEDED: '您的申请${caseRef}需要补正（第${round}次告知），请登录查看。',
  COMPLETED: '您的申请${caseRef}已办结，信用代码${uscc}。',
  REJECTED: '您的申请${caseRef}未予通过，请登录查看原因。',
  CANCELLED: '您的申请${caseRef}已撤销。',
  COMPLAINT_RESOLVED: '您对申请${caseRef}的投诉已处理，请登录查看。',
  VERIFICATION_CODE: '您的验证码为${code}，5分钟内有效，请勿告诉他人。',
  '*': '您的申请${caseRef}有新进度，请登录查看。',
};

/** Fills `${name}` placeholders; a missing value is left empty (a template never shows `undefined`). */
export function fillTemplate(template: string, params: Readonly<Record<string, string | undefined>>): string {
  return template.replace(/\$\{(\w+)\}/g, (_whole, name: string) => params[name] ?? '');
}

export function renderEmail(kind: string, locale: NotificationLocale, params: NotificationParams): RenderedEmail {
  const template = (EMAIL_TEMPLATES[kind] ?? GENERIC_EMAIL)[locale];
  const footer = params.link ? EMAIL_FOOTER[locale] : EMAIL_FOOTER[locale].replace(/^\n\n[^\n]*\$\{link\}/, '\n');
  return { subject: fillTemplate(template.subject, { ...params }), text: fillTemplate(template.body + footer, { ...params }) };
}

/** The SMS template key of a kind (its own, else the generic one) and the parameters it uses. */
export function smsTemplateOf(kind: string): string {
  return kind in SMS_TEMPLATES ? kind : '*';
}

/** The parameters a template names, from `params` (providers refuse unknown or missing ones). */
export function smsParams(templateKey: string, params: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const names = [...SMS_TEMPLATES[templateKey].matchAll(/\$\{(\w+)\}/g)].map((match) => match[1]);
  return Object.fromEntries(names.map((name) => [name, params[name] ?? '']));
}
