import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// Issue 12: SQL lives in a repository beside its feature, not in services. A service that must keep its
// SQL is listed here with the reason.
const ALLOWED: Record<string, string> = {
  'audit/audit-log.service.ts': "audit_log's only writer: one INSERT, no logic around it",
  'rate-limit/rate-limit.service.ts': "rate_limit_counters' only user: one upsert statement is the whole counter",
};

const root = __dirname;

function serviceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return serviceFiles(path);
    return entry.name.endsWith('.service.ts') ? [path] : [];
  });
}

describe('services hold no SQL', () => {
  it('no *.service.ts under apps/api/src calls .query( or createQueryBuilder (except the allow-list)', () => {
    const offenders = serviceFiles(root)
      .map((path) => relative(root, path).split('\\').join('/'))
      .filter((file) => !(file in ALLOWED))
      .filter((file) => /\.query\(|createQueryBuilder/.test(readFileSync(join(root, file), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('every allow-listed file still exists', () => {
    const files = serviceFiles(root).map((path) => relative(root, path).split('\\').join('/'));
    expect(Object.keys(ALLOWED).filter((file) => !files.includes(file))).toEqual([]);
  });
});
