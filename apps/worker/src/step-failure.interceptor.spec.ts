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
});
