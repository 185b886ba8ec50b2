import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findWebDist, isPagePath } from './web-dist';

describe('web pages', () => {
  it('serves page paths, leaves the API and missing files alone', () => {
    expect(isPagePath('/')).toBe(true);
    expect(isPagePath('/cases/7c0e')).toBe(true);
    expect(isPagePath('/tasks/7c0e.SAMR.1')).toBe(true);
    expect(isPagePath('/api')).toBe(false);
    expect(isPagePath('/api/health')).toBe(false);
    expect(isPagePath('/apis')).toBe(true);
    expect(isPagePath('/assets/missing.js')).toBe(false);
    expect(isPagePath('/favicon.ico')).toBe(false);
  });

  it('finds the first folder with an index.html, or none', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'web-dist-'));
    const empty = path.join(root, 'empty');
    const built = path.join(root, 'built');
    fs.mkdirSync(empty);
    fs.mkdirSync(built);
    fs.writeFileSync(path.join(built, 'index.html'), '<!doctype html>');
    expect(findWebDist([empty, built])).toBe(built);
    expect(findWebDist([empty])).toBeNull();
    fs.rmSync(root, { recursive: true, force: true });
  });
});
