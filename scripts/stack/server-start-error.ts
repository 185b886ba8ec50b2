/**
 * A server (PostgreSQL, Temporal) that could not start, said plainly with what to do about it. It carries
 * no stack trace: the launcher and the test run print the message alone.
 */
export class ServerStartError extends Error {
  constructor(server: string, problem: string, whatToDo: string) {
    super(`${server} could not start: ${problem}\n  What to do: ${whatToDo}`);
    this.name = 'ServerStartError';
    this.stack = this.message;
  }
}
