import type { Context } from '@temporalio/activity';
import type { ActivityExecuteInput } from '@temporalio/worker';
import type { Logger } from 'pino';
import { maskIdNumber, maskMobile } from '@onetrip/domain';
import type { StepFailureStore } from './persistence/step-failure.store';
import { stepFailureInterceptor } from './step-failure.interceptor';

describe('stepFailureInterceptor', () => {
  it('masks ID numbers and mobiles in a failure before Temporal records it, and stores the masked text', async () => {
    const recorded: { error: string }[] = [];
    const store = { recordFailure: async (failure: { error: string }) => void recorded.push(failure), clear: async () => undefined } as unknown as StepFailureStore;
    const factory = stepFailureInterceptor(store, { warn: () => undefined } as unknown as Logger);
    const { inbound } = factory({ info: { attempt: 1, activityType: 'runAutomaticStep' } } as unknown as Context);
    const idNumber = '433101199001011237';
    const mobile = '13812345678';
    const thrown = inbound!.execute!({ args: [{ caseId: 'c-1', department: 'TAX' }] } as unknown as ActivityExecuteInput, async () => {
      throw new Error(`registry refused ${idNumber}, call ${mobile}`);
    });
    await expect(thrown).rejects.toThrow(`registry refused ${maskIdNumber(idNumber)}, call ${maskMobile(mobile)}`);
    const error = (await thrown.catch((caught: unknown) => caught)) as Error;
    expect(error.stack).not.toContain(idNumber);
    expect(recorded[0].error).toBe(`registry refused ${maskIdNumber(idNumber)}, call ${maskMobile(mobile)}`);
  });

  it("records a regular attempt's failure but not a local one's: the step shows its server attempts, counted from 1 once its local attempts gave up", async () => {
    const recorded: { attempt: number }[] = [];
    const store = { recordFailure: async (failure: { attempt: number }) => void recorded.push(failure), clear: async () => undefined } as unknown as StepFailureStore;
    const factory = stepFailureInterceptor(store, { warn: () => undefined } as unknown as Logger);
    const attempt = (info: { attempt: number; isLocal: boolean }) =>
      factory({ info: { ...info, activityType: 'runAutomaticStep' } } as unknown as Context).inbound!.execute!({ args: [{ caseId: 'c-1', department: 'TAX' }] } as unknown as ActivityExecuteInput, async () => {
        throw new Error('TAX system unavailable: connect ECONNREFUSED 123456');
      });
    // Two local attempts, then the regular activity's first: a listing must never go from 2 attempts back to 1.
    for (const info of [{ attempt: 1, isLocal: true }, { attempt: 2, isLocal: true }, { attempt: 1, isLocal: false }]) await expect(attempt(info)).rejects.toThrow('ECONNREFUSED');
    expect(recorded.map((failure) => failure.attempt)).toEqual([1]);
  });
});

