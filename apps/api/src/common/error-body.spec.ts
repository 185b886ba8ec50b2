import { CorrectionPathError, DomainError, IllegalStepTransitionError, InvalidArgumentError, LicenceRequiredError } from '@onetrip/domain';
import { AppError, DefinitionInvalidError, ERROR_CODES, ERROR_STATUS } from './app-error';
import { errorBody } from './error-body';

describe('errorBody: every error the app throws has a stable code', () => {
  it('turns a DomainError reaching the API into 400/409 with its code, never 500', () => {
    const cases: [DomainError, number][] = [
      [new InvalidArgumentError('bad'), 400],
      [new CorrectionPathError('shareholders[9].name', 'no such shareholder'), 400],
      [new IllegalStepTransitionError('DONE', 'CLAIM'), 409],
      [new LicenceRequiredError('TAX'), 409],
    ];
    for (const [error, status] of cases) expect(errorBody(error)).toMatchObject({ statusCode: status, code: error.code });
    // A code the API does not list yet is still the caller's doing: 400, with a code a client knows.
    expect(errorBody(new DomainError('SOMETHING_NEW', 'x'))).toMatchObject({ statusCode: 400, code: 'INVALID_ARGUMENT' });
  });

  it('keeps the general `error` the body always had, and adds the specific `code`', () => {
    expect(errorBody(new AppError('TASK_NOT_OPEN', 'Refused (TASK_NOT_OPEN)'))).toEqual({ statusCode: 409, error: 'CONFLICT', code: 'TASK_NOT_OPEN', message: 'Refused (TASK_NOT_OPEN)' });
    expect(errorBody(new AppError('IDEMPOTENCY_KEY_REUSED', 'x'))).toMatchObject({ error: 'IDEMPOTENCY_KEY_REUSED', code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(errorBody(new AppError('UNAUTHENTICATED', 'x'))).toMatchObject({ statusCode: 401, error: 'UNAUTHENTICATED', code: 'UNAUTHENTICATED' });
    expect(errorBody(new Error('a bug'))).toBeNull();
  });

  it('lists every problem of a refused definition by JSON path, in `problems` and in `fields`', () => {
    const problems = [
      { path: '$.steps[2].dependsOn[0]', code: 'UNKNOWN_STEP', message: 'names no step' },
      { path: '$.fees[0].payer', code: 'APPLICANT_PAYS', message: 'the applicant never pays' },
    ];
    expect(errorBody(new DefinitionInvalidError(problems))).toEqual({
      statusCode: 400,
      error: 'PROCESS_DEFINITION_INVALID',
      code: 'PROCESS_DEFINITION_INVALID',
      message: 'The definition is invalid: 2 problem(s), first at $.steps[2].dependsOn[0]',
      fields: [
        { path: '$.steps[2].dependsOn[0]', messages: ['names no step'], codes: ['UNKNOWN_STEP'] },
        { path: '$.fees[0].payer', messages: ['the applicant never pays'], codes: ['APPLICANT_PAYS'] },
      ],
      problems,
    });
  });

  it('lists only error statuses, each code in upper snake case', () => {
    expect(ERROR_CODES.filter((code) => !/^[A-Z][A-Z_]+$/.test(code) || ERROR_STATUS[code] < 400)).toEqual([]);
  });
});
