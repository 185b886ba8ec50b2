import * as fs from 'node:fs';
import * as path from 'node:path';

// Where the built pages (`npm run build --prefix web` → web/dist) are: next to the working
// directory when the API runs from the project root, else found from the compiled file's place
// (dist/apps/api/apps/api/src/web/ → the project root is six levels up).

export function findWebDist(candidates: readonly string[] = [path.resolve(process.cwd(), 'web/dist'), path.resolve(__dirname, '../../../../../../web/dist')]): string | null {
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'index.html'))) ?? null;
}

const STATIC_FILE = /\.(?:js|mjs|css|map|html|png|jpe?g|gif|svg|ico|json|txt|webmanifest|woff2?|ttf)$/i;

/** Paths the pages own: everything but the API and a missing static file (task ids contain dots: '/tasks/….SAMR.1'). */
export function isPagePath(urlPath: string): boolean {
  if (urlPath === '/api' || urlPath.startsWith('/api/')) return false;
  return !urlPath.startsWith('/assets/') && !STATIC_FILE.test(urlPath);
}
