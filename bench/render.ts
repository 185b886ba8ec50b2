import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../scripts/stack/app-process';
import { renderMarkdown, renderTable, type BenchResults } from './lib/report';

// Re-renders docs/benchmarks.md from docs/benchmarks.json and bench/notes.md (after editing the
// notes, without running the benchmark again): npx tsx bench/render.ts

const results = JSON.parse(fs.readFileSync(path.join(ROOT, 'docs/benchmarks.json'), 'utf8')) as BenchResults;
const notesFile = path.join(ROOT, 'bench/notes.md');
fs.writeFileSync(path.join(ROOT, 'docs/benchmarks.md'), renderMarkdown(results, fs.existsSync(notesFile) ? fs.readFileSync(notesFile, 'utf8') : ''));
console.log(renderTable(results));
