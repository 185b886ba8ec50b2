import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

// A tiny history router: the API serves index.html for every path outside /api.

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

const current = (): string => window.location.pathname + window.location.search;

export function usePath(): string {
  return useSyncExternalStore(subscribe, current);
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === current()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.scrollTo(0, 0);
  listeners.forEach((listener) => listener());
}

export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handle} {...rest} />;
}

/** Matches '/cases/:id' against a path; the params or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const pathname = path.split('?')[0].replace(/\/+$/, '') || '/';
  const names: string[] = [];
  const regex = new RegExp(
    '^' +
      pattern.replace(/\/+$/, '').replace(/:(\w+)/g, (_whole, name: string) => {
        names.push(name);
        return '([^/]+)';
      }) +
      '$',
  );
  const found = regex.exec(pathname === '' ? '/' : pathname);
  if (!found) return null;
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1])]));
}

export function queryParams(path: string): URLSearchParams {
  return new URLSearchParams(path.split('?')[1] ?? '');
}
