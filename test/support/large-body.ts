import { connect } from 'node:net';

/**
 * A server waiting for the rest of the body would hold the request until Node's 300 s request timeout, so 30 s
 * tells the two apart. Not a latency test: the suite runs files in parallel on few cores.
 */
export const REFUSED_AT_ONCE_MS = 30_000;

export interface OfferAnswer {
  status: number;
  /** The answer's body, parsed when it is JSON. */
  body: unknown;
  text: string;
  headers: Headers;
  /** Bytes of the body this client wrote (all of them before the server could answer). */
  bytesSent: number;
  elapsedMs: number;
}

export interface LargeBodyOffer {
  /** The body's declared size in bytes. */
  total: number;
  /** content-length: no byte of the body is sent; chunked: one chunk of `total` is begun, limitBytes + 1 of it written. */
  mode: 'content-length' | 'chunked';
  /** The server's body limit in bytes (chunked only needs it). */
  limitBytes?: number;
  method?: string;
  headers?: Record<string, string>;
}

/** The status and body of the HTTP answer in `bytes` once it is whole (`closed`: the server closed the connection), else null. */
function wholeAnswer(bytes: Buffer, closed: boolean): { status: number; text: string; headers: Headers } | null {
  const headEnd = bytes.indexOf('\r\n\r\n');
  if (headEnd < 0) return null;
  const [statusLine, ...headerLines] = bytes.subarray(0, headEnd).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3}) /.exec(statusLine)?.[1] ?? NaN);
  const lengthLine = headerLines.find((line) => /^content-length:/i.test(line));
  const body = bytes.subarray(headEnd + 4);
  const length = lengthLine === undefined ? null : Number(lengthLine.slice(lengthLine.indexOf(':') + 1));
  // Without a Content-Length the body ends with the connection.
  if (length === null ? !closed : body.length < length) return null;
  const headers = new Headers(headerLines.map((line) => [line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()] as [string, string]));
  return { status, text: body.subarray(0, length ?? body.length).toString('utf8'), headers };
}

/**
 * Offers a body too large for the server over a plain socket and reads the answer. fetch cannot do this
 * reliably: it writes the body on while the server answers 413 and closes, and the write that meets the closed
 * connection (EPIPE) destroys the socket with the answer still unread in it.
 * With Content-Length no byte of the body is sent, so an answer shows the server decided from the header alone.
 * Chunked, one chunk declaring all `total` bytes is begun and only limitBytes + 1 of it are written, in one go:
 * the server can only pass its limit once the last byte this client will ever write has left it. A server that
 * waited for the rest gets none and never answers: the deadline fails it. A connection error before the whole
 * answer fails the offer; one after it (the server closing as it said it would) does not matter.
 */
export function offerLargeBody(url: string, offer: LargeBodyOffer): Promise<OfferAnswer> {
  const { total, mode } = offer;
  const target = new URL(url);
  if (mode === 'chunked' && offer.limitBytes === undefined) throw new Error('a chunked offer needs the server limit');
  const bytesSent = mode === 'chunked' ? offer.limitBytes! + 1 : 0;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let received = Buffer.alloc(0);
    let settled = false;
    const socket = connect({ host: target.hostname, port: Number(target.port) });
    const settle = (outcome: OfferAnswer | Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      socket.destroy();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const receivedSoFar = (): string => JSON.stringify(received.subarray(0, 200).toString('latin1'));
    const deadline = setTimeout(() => settle(new Error(`${mode}: no answer within ${REFUSED_AT_ONCE_MS} ms after ${bytesSent} of ${total} bytes (waiting for the rest of the body?)`)), REFUSED_AT_ONCE_MS);
    const answerIfWhole = (closed: boolean): boolean => {
      const answer = wholeAnswer(received, closed);
      if (answer === null) return false;
      let body: unknown;
      try {
        body = JSON.parse(answer.text);
      } catch {
        body = answer.text;
      }
      settle({ status: answer.status, body, text: answer.text, headers: answer.headers, bytesSent, elapsedMs: performance.now() - started });
      return true;
    };
    socket.on('connect', () => {
      const framing = mode === 'chunked' ? { 'Transfer-Encoding': 'chunked' } : { 'Content-Length': String(total) };
      const lines = Object.entries({ ...offer.headers, 'Content-Type': 'application/json', ...framing }).map(([name, value]) => `${name}: ${value}\r\n`);
      const head = `${offer.method ?? 'POST'} ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\n${lines.join('')}\r\n`;
      const chunkSize = mode === 'chunked' ? `${total.toString(16)}\r\n` : '';
      socket.write(Buffer.concat([Buffer.from(head + chunkSize, 'latin1'), Buffer.alloc(bytesSent, 'a')]));
    });
    socket.on('data', (data: Buffer) => {
      received = Buffer.concat([received, data]);
      answerIfWhole(false);
    });
    socket.on('error', (error: NodeJS.ErrnoException) => settle(new Error(`${mode}: ${error.code ?? error.message} before a whole answer; received ${receivedSoFar()}`)));
    socket.on('close', () => {
      if (!answerIfWhole(true)) settle(new Error(`${mode}: the server closed the connection before a whole answer; received ${receivedSoFar()}`));
    });
  });
}
