// Hash routing (#/members/12?tab=history): works the same under app:// and the demo host, and
// needs no server-side fallback.
import { useSyncExternalStore } from 'react';

export type Location = { path: string; segments: string[]; query: URLSearchParams };

function read(): Location {
  const raw = window.location.hash.replace(/^#/, '') || '/';
  const [pathPart, queryPart] = raw.split('?', 2) as [string, string | undefined];
  const path = pathPart.startsWith('/') ? pathPart : `/${pathPart}`;
  return { path, segments: path.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(queryPart ?? '') };
}

let current = read();
const listeners = new Set<() => void>();
window.addEventListener('hashchange', () => {
  current = read();
  for (const l of listeners) l();
});

export function useLocation(): Location {
  return useSyncExternalStore(
    (fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    () => current,
  );
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  const hash = `#${to.startsWith('/') ? to : `/${to}`}`;
  if (opts.replace) window.history.replaceState(null, '', hash);
  else window.history.pushState(null, '', hash);
  current = read();
  for (const l of listeners) l();
}

/** The route a path belongs to: '/members/12' → '/members'. */
export function matchPrefix(path: string, routePath: string): boolean {
  if (routePath === '/') return path === '/';
  return path === routePath || path.startsWith(`${routePath}/`);
}
