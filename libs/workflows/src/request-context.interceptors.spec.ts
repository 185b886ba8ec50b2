import { defaultPayloadConverter } from '@temporalio/common';
import { REQUEST_ID_BAGGAGE, requestContextOf, requestIdOfBaggage, TRACE_HEADER } from './workflows/request-context.interceptors';

describe('the workflow side of request ids (request-context.interceptors)', () => {
  it('reads the request id among other baggage members, with properties and percent-encoding', () => {
    expect(requestIdOfBaggage(`${REQUEST_ID_BAGGAGE}=req-1`)).toBe('req-1');
    expect(requestIdOfBaggage(`tenant=x, ${REQUEST_ID_BAGGAGE} = req%2F2;ttl=5 ,other=y`)).toBe('req/2');
    expect(requestIdOfBaggage('tenant=x,other=y')).toBeUndefined();
    expect(requestIdOfBaggage(`${REQUEST_ID_BAGGAGE}=`)).toBeUndefined();
    expect(requestIdOfBaggage(`${REQUEST_ID_BAGGAGE}=%E0%A4%A`)).toBeUndefined();
    expect(requestIdOfBaggage(undefined)).toBeUndefined();
  });

  it('tells a traced request (a W3C trace context in the header) from an untraced one', () => {
    const header = (carrier: unknown) => ({ [TRACE_HEADER]: defaultPayloadConverter.toPayload(carrier) });
    expect(requestContextOf(header({ baggage: `${REQUEST_ID_BAGGAGE}=req-3` }))).toMatchObject({ requestId: 'req-3', traced: false });
    expect(requestContextOf(header({ traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', baggage: `${REQUEST_ID_BAGGAGE}=req-4` }))).toMatchObject({
      requestId: 'req-4',
      traced: true,
    });
    expect(requestContextOf({})).toBeUndefined();
    expect(requestContextOf(header('not an object'))).toBeUndefined();
  });
});
