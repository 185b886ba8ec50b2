import { fileCase, newApplicant, type ErrorBody } from '../api/api-fixtures';
import { http } from '../support/http';
import { webOrigin } from '../support/test-stack';

// Red team (issue 11 §7, low): a deeply nested body crashed the parser's callers, answers with personal
// data could be cached, and the web app's source map was served outside development.
describe('hardening of requests and answers', () => {
  it('refuses a JSON body nested deeper than 32 with 400 and a code, on public and signed-in routes', async () => {
    const deep = (levels: number): string => '['.repeat(levels) + ']'.repeat(levels);
    const nestedObject = (levels: number): string => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
    for (const body of [deep(2000), nestedObject(2000), `{"username":${deep(40)},"password":"x"}`]) {
      const result = await http<ErrorBody>('POST', '/auth/token', { body });
      expect(result.status).toBe(400);
      expect(result.body.code).toBe('BODY_TOO_DEEP');
    }
    const applicant = await newApplicant();
    const signedIn = await http<ErrorBody>('POST', '/applications', { token: applicant.token, body: nestedObject(33) });
    expect(signedIn.status).toBe(400);
    expect(signedIn.body.code).toBe('BODY_TOO_DEEP');
    // 32 levels are fine as far as depth goes (the form is still refused for what it says).
    const shallow = await http<ErrorBody>('POST', '/applications', { token: applicant.token, body: nestedObject(32) });
    expect(shallow.body.code).not.toBe('BODY_TOO_DEEP');
  });

  it('marks every API answer Cache-Control: no-store', async () => {
    const applicant = await newApplicant();
    const filed = await fileCase(applicant.token);
    for (const [method, route, token] of [
      ['GET', `/applications/${filed.id}`, applicant.token],
      ['GET', '/applications', applicant.token],
      ['GET', '/health', undefined],
      ['GET', '/applications/00000000-0000-4000-8000-000000000000', applicant.token],
    ] as const) {
      const result = await http(method, route, { token });
      // no-store among the directives (the health check sends its own set, no-store included).
      const directives = (result.headers.get('cache-control') ?? '').split(',').map((directive) => directive.trim());
      expect(`${route}: ${directives.includes('no-store')}`).toBe(`${route}: true`);
    }
  });

  it('does not serve the web app’s source maps outside development', async () => {
    const page = await fetch(`${webOrigin()}/`);
    const html = await page.text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const code = await (await fetch(`${webOrigin()}${script}`)).text();
    // Not toContain: a failure would print the whole bundle.
    expect(code.includes('sourceMappingURL')).toBe(false);
    const map = await fetch(`${webOrigin()}${script}.map`);
    expect(map.headers.get('content-type') ?? '').not.toContain('json');
    expect(await map.text()).not.toContain('"sources"');
  });
});
