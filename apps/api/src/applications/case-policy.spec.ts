import fc from 'fast-check';
import { loadConfig, ConfigError } from '@onetrip/infrastructure';
import { ApiConfig } from '../config/api.config';
import {
  parseModeOverrides,
  parseTimeLimitOverrides,
  buildCasePolicy,
  CasePolicyConfigError,
  parseDateList,
  parseDepartmentModes,
  parseOfficeHours,
  parseTimeLimits,
  parseWordList,
} from './case-policy';

const BASE_ENV = { DATABASE_URL: 'postgres://u@h/db', TEMPORAL_ADDRESS: '127.0.0.1:7233', JWT_SECRET: 'a-test-secret-of-enough-length' };

function configProblems(env: Record<string, string>): string {
  try {
    loadConfig(ApiConfig, { ...BASE_ENV, ...env });
    return '';
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
}

describe('parseDepartmentModes', () => {
  it('defaults every department to MANUAL', () => {
    expect(parseDepartmentModes('')).toEqual({ SAMR: 'MANUAL', PSB: 'MANUAL', TAX: 'MANUAL', HRSS: 'MANUAL', BANK: 'MANUAL' });
  });

  it('sets named departments and * for the rest, whatever the order', () => {
    expect(parseDepartmentModes('SAMR=AUTO,TAX=MANUAL')).toEqual({ SAMR: 'AUTO', PSB: 'MANUAL', TAX: 'MANUAL', HRSS: 'MANUAL', BANK: 'MANUAL' });
    expect(parseDepartmentModes('*=AUTO')).toEqual({ SAMR: 'AUTO', PSB: 'AUTO', TAX: 'AUTO', HRSS: 'AUTO', BANK: 'AUTO' });
    expect(parseDepartmentModes('BANK=MANUAL, *=auto')).toEqual({ SAMR: 'AUTO', PSB: 'AUTO', TAX: 'AUTO', HRSS: 'AUTO', BANK: 'MANUAL' });
  });

  it.each([
    ['SAMR', /KEY=VALUE/],
    ['SAMR=FAST', /MANUAL, AUTO or SYSTEM/],
    ['X.Y=AUTO', /"X.Y" is not a department code or a step id/],
    ['SAMR=AUTO,SAMR=MANUAL', /SAMR is given twice/],
  ])('refuses %j', (text, message) => {
    expect(() => parseDepartmentModes(text)).toThrow(CasePolicyConfigError);
    expect(() => parseDepartmentModes(text)).toThrow(message);
  });
});

describe('step overrides (departments are data)', () => {
  it('keeps * apart from keys naming a department code or a step id; names no one that is not given', () => {
    expect(parseModeOverrides('')).toEqual({ named: {} });
    expect(parseModeOverrides('food-permit=AUTO, *=manual, samr=AUTO')).toEqual({ all: 'MANUAL', named: { 'food-permit': 'AUTO', SAMR: 'AUTO' } });
    expect(parseTimeLimitOverrides('90')).toEqual({ all: 90, named: {} });
    expect(parseTimeLimitOverrides('FIRE=30,fire-safety=15')).toEqual({ named: { FIRE: 30, 'fire-safety': 15 } });
  });

  it('still gives caseWorkflow its five departments, unknown codes set nothing there', () => {
    expect(parseDepartmentModes('FIRE=AUTO')).toEqual({ SAMR: 'MANUAL', PSB: 'MANUAL', TAX: 'MANUAL', HRSS: 'MANUAL', BANK: 'MANUAL' });
  });
});

describe('parseTimeLimits', () => {
  it('takes one number for all departments, decimals included', () => {
    expect(parseTimeLimits('240')).toEqual({ SAMR: 240, PSB: 240, TAX: 240, HRSS: 240, BANK: 240 });
    expect(parseTimeLimits('0.05')).toEqual({ SAMR: 0.05, PSB: 0.05, TAX: 0.05, HRSS: 0.05, BANK: 0.05 });
  });

  it('takes per-department limits, unnamed ones getting * or 240', () => {
    expect(parseTimeLimits('*=120,SAMR=60')).toEqual({ SAMR: 60, PSB: 120, TAX: 120, HRSS: 120, BANK: 120 });
    expect(parseTimeLimits('SAMR=30.5')).toEqual({ SAMR: 30.5, PSB: 240, TAX: 240, HRSS: 240, BANK: 240 });
  });

  it.each(['0', '-5', 'SAMR=0', 'SAMR=ten', '1e3', 'PSB=', 'Infinity'])('refuses %j', (text) => {
    expect(() => parseTimeLimits(text)).toThrow(CasePolicyConfigError);
  });

  it('round-trips any positive per-department limits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 99 }), (whole, hundredths) => {
        const text = `${whole}.${String(hundredths).padStart(2, '0')}`;
        expect(parseTimeLimits(`TAX=${text}`).TAX).toBe(Number(text));
      }),
    );
  });
});

describe('calendar settings', () => {
  it('parses office hours and refuses overlapping or reversed ranges', () => {
    expect(parseOfficeHours('09:00-12:00,13:30-17:30')).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '13:30', end: '17:30' },
    ]);
    expect(() => parseOfficeHours('09:00-12:00,11:00-13:00')).toThrow(/overlap/);
    expect(() => parseOfficeHours('12:00-09:00')).toThrow(CasePolicyConfigError);
    expect(() => parseOfficeHours('9-12')).toThrow(/HH:MM-HH:MM/);
    expect(() => parseOfficeHours(' , ')).toThrow(/at least one/);
  });

  it('parses date lists and refuses impossible dates', () => {
    expect(parseDateList('2026-01-01, 2026-01-02,2026-01-01')).toEqual(['2026-01-01', '2026-01-02']);
    expect(() => parseDateList('2026-02-30')).toThrow(/YYYY-MM-DD/);
  });

  it('parses word lists', () => {
    expect(parseWordList('中国, 国家,,中国')).toEqual(['中国', '国家']);
  });
});

describe('buildCasePolicy from ApiConfig', () => {
  it('builds the default policy: all MANUAL, 240 minutes, office calendar of 2026, Jishou rules', () => {
    const policy = buildCasePolicy(loadConfig(ApiConfig, BASE_ENV));
    expect(policy.modes.SAMR).toBe('MANUAL');
    expect(policy.timeLimitMinutes).toEqual({ SAMR: 240, PSB: 240, TAX: 240, HRSS: 240, BANK: 240 });
    expect(policy.reminderLeadMinutes).toBe(60);
    expect(policy.calendar.kind).toBe('OFFICE');
    if (policy.calendar.kind === 'OFFICE') {
      expect(policy.calendar.officeHours).toHaveLength(2);
      expect(policy.calendar.holidays).toContain('2026-10-01');
      expect(policy.calendar.makeUpWorkdays).toContain('2026-02-14');
    }
    expect(policy.rules.jurisdiction).toEqual({ divisionCode: '433101', name: '吉首市' });
    expect(policy.rules.forbiddenWords).toContain('中国');
    // The policy travels in workflow input: plain JSON only.
    expect(JSON.parse(JSON.stringify(policy))).toEqual(policy);
  });

  it('builds a test policy: AUTO for some, tiny limits, 24x7 calendar', () => {
    const config = loadConfig(ApiConfig, {
      ...BASE_ENV,
      CASE_DEPARTMENT_MODES: 'SAMR=AUTO',
      CASE_TIME_LIMIT_MINUTES: '*=0.05,BANK=0.1',
      CASE_REMINDER_LEAD_MINUTES: '0.01',
      CASE_CALENDAR: 'ALWAYS',
      FORBIDDEN_NAME_WORDS: '测试',
    });
    const policy = buildCasePolicy(config);
    expect(policy.modes).toEqual({ SAMR: 'AUTO', PSB: 'MANUAL', TAX: 'MANUAL', HRSS: 'MANUAL', BANK: 'MANUAL' });
    expect(policy.timeLimitMinutes.BANK).toBe(0.1);
    expect(policy.timeLimitMinutes.TAX).toBe(0.05);
    expect(policy.reminderLeadMinutes).toBe(0.01);
    expect(policy.calendar).toEqual({ kind: 'ALWAYS' });
    expect(policy.rules.forbiddenWords).toEqual(['测试']);
  });

  it.each([
    [{ CASE_DEPARTMENT_MODES: 'SAMR=SOMETIMES' }, 'CASE_DEPARTMENT_MODES'],
    [{ CASE_TIME_LIMIT_MINUTES: '0' }, 'CASE_TIME_LIMIT_MINUTES'],
    [{ CASE_REMINDER_LEAD_MINUTES: '-1' }, 'CASE_REMINDER_LEAD_MINUTES'],
    [{ CASE_REMINDER_LEAD_MINUTES: 'soon' }, 'CASE_REMINDER_LEAD_MINUTES'],
    [{ CASE_CALENDAR: 'LUNAR' }, 'CASE_CALENDAR'],
    [{ CASE_OFFICE_HOURS: '09:00-25:00' }, 'CASE_OFFICE_HOURS'],
    [{ CASE_HOLIDAYS: '2026-13-01' }, 'CASE_HOLIDAYS'],
    [{ CASE_MAKEUP_WORKDAYS: '2026-10-01' }, 'CASE_MAKEUP_WORKDAYS'],
    [{ JURISDICTION_DIVISION_CODE: '4331' }, 'JURISDICTION_DIVISION_CODE'],
  ])('names the variable of a bad setting %j', (env, variable) => {
    const problems = configProblems(env);
    expect(problems).toContain(variable);
    expect(problems.split('\n').filter((line) => line.includes('  - '))).toHaveLength(1);
  });

  it('refuses demo mode and the default JWT secret in production, naming the variables', () => {
    expect(configProblems({ NODE_ENV: 'production', DEMO_MODE: 'true', JWT_SECRET: 'a-real-secret-of-enough-length' })).toMatch(/DEMO_MODE/);
    const secret = configProblems({ NODE_ENV: 'production', JWT_SECRET: '' });
    expect(secret).toMatch(/JWT_SECRET/);
    expect(secret).not.toMatch(/DEMO_MODE/);
    expect(secret).toMatch(/TEMPORAL_PAYLOAD_KEYS \(missing\): must be set in production/);
    expect(secret).toMatch(/PERSONAL_DATA_KEYS \(missing\): must be set in production/);
    expect(secret).toMatch(/DECISION_SIGNING_KEY \(missing\): must be set in production/);
    expect(secret).toMatch(/DOCUMENT_SIGNING_KEYS \(missing\): must be set in production/);
    const key = `k1:${Buffer.alloc(32, 7).toString('base64')}`;
    const payloadKeys = {
      TEMPORAL_PAYLOAD_KEYS: key,
      TEMPORAL_PAYLOAD_KEY_ID: 'k1',
      PERSONAL_DATA_KEYS: key,
      PERSONAL_DATA_KEY_ID: 'k1',
      DECISION_SIGNING_KEY: Buffer.alloc(32, 9).toString('base64'),
      DOCUMENT_SIGNING_KEYS: key,
      DOCUMENT_SIGNING_KEY_ID: 'k1',
    };
    expect(configProblems({ NODE_ENV: 'development', DECISION_SIGNING_KEY: 'dG9vLXNob3J0' })).toMatch(/DECISION_SIGNING_KEY \(value withheld\): must be at least 32 bytes/);
    expect(configProblems({ NODE_ENV: 'production', JWT_SECRET: 'a-real-secret-of-enough-length', ...payloadKeys })).toBe('');
    expect(configProblems({ NODE_ENV: 'development', DEMO_MODE: 'true' })).toBe('');
  });

  it('has no default JWT secret in any mode, and refuses the once-published one', () => {
    for (const NODE_ENV of ['development', 'test', 'production']) expect(configProblems({ NODE_ENV, JWT_SECRET: '' })).toMatch(/JWT_SECRET \(missing\): must be set/);
    expect(configProblems({ JWT_SECRET: 'onetrip-development-secret-change-me' })).toMatch(/JWT_SECRET \(value withheld\): must not be the old published default/);
  });
});
