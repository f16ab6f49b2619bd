// Hash routing (#/members/12?tab=history): works the same under app:// and the demo host, and
// needs no server-side fallback.
import { useSyncExternalStore } from 'react';
import { confirmLeave, hasUnsaved } from './unsaved';

export type Location = { path: string; segments: string[]; query: URLSearchParams };

function read(): Location {
  const raw = window.location.hash.replace(/^#/, '') || '/';
  const [pathPart, queryPart] = raw.split('?', 2) as [string, string | undefined];
  const path = pathPart.startsWith('/') ? pathPart : `/${pathPart}`;
  return { path, segments: path.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(queryPart ?? '') };
}

let current = read();
let currentHash = window.location.hash;
const listeners = new Set<() => void>();
function changed(): void {
  current = read();
  currentHash = window.location.hash;
  for (const l of listeners) l();
}
window.addEventListener('hashchange', () => {
  // A link or the back button while a form is dirty: stay until the person lets the changes go.
  if (hasUnsaved()) {
    const target = window.location.hash;
    window.history.replaceState(null, '', currentHash);
    void confirmLeave().then((ok) => {
      if (!ok) return;
      window.history.pushState(null, '', target);
      changed();
    });
    return;
  }
  changed();
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

/** Goes to `to`; with unsaved changes on screen, only after the person lets them go. */
export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  const hash = `#${to.startsWith('/') ? to : `/${to}`}`;
  const go = () => {
    if (opts.replace) window.history.replaceState(null, '', hash);
    else window.history.pushState(null, '', hash);
    changed();
  };
  if (hash === window.location.hash || !hasUnsaved()) go();
  else void confirmLeave().then((ok) => ok && go());
}

/** The route a path belongs to: '/members/12' → '/members'. */
export function matchPrefix(path: string, routePath: string): boolean {
  if (routePath === '/') return path === '/';
  return path === routePath || path.startsWith(`${routePath}/`);
}
