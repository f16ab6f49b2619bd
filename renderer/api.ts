// The typed client every page uses: `import { ledger } from '../api'` (path relative to the page),
// then `await ledger['members.list']({...})`. In Electron the preload's `window.ledger` carries
// the call over IPC; in a browser (npm run demo, e2e tests) it is a POST to /api/<method>.
// Both return the dispatch() envelope; this module unwraps it and throws ApiError on failure.
import type { LedgerClient, Method } from '../shared/api';
import type { ApiErrorBody } from '../shared/api/contract';
import { wireParse, wireStringify } from '../shared/api/wire';

export type Envelope = { ok: true; value: unknown } | { ok: false; error: ApiErrorBody };
/** What the Electron preload exposes as `window.ledger`: one function per API method. */
export type LedgerBridge = { [M in Method]: (input: unknown) => Promise<Envelope> };

declare global {
  interface Window {
    ledger?: LedgerBridge;
  }
}

/** A failed call: `message` is a Chinese sentence fit to show; `fieldErrors` maps zod paths to messages. */
export class ApiError extends Error {
  readonly code: string;
  readonly details: unknown;
  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.details = body.details;
  }

  /** Field path ("idNumber", "committee.0.name") → message, from INVALID_INPUT or a LedgerError's details. */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    const d = this.details as unknown;
    if (Array.isArray(d)) {
      for (const issue of d as { path?: (string | number)[]; message?: string }[]) {
        if (issue?.path && issue.message) out[issue.path.join('.')] ??= issue.message;
      }
    } else if (d && typeof d === 'object') {
      const o = d as { field?: unknown; fields?: unknown };
      if (typeof o.field === 'string') out[o.field] = this.message;
      if (o.fields && typeof o.fields === 'object') {
        for (const [k, v] of Object.entries(o.fields as Record<string, unknown>)) if (typeof v === 'string') out[k] = v;
      }
    }
    return out;
  }
}

const TOKEN_KEY = 'ledger-demo-token';

/** The demo host prints `/?token=…`; keep it for this tab and take it out of the address bar. */
function demoToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

async function httpCall(method: string, input: unknown): Promise<Envelope> {
  let res: Response;
  try {
    res = await fetch(`./api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Ledger-Token': token },
      body: wireStringify(input ?? {}),
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, error: { code: 'NETWORK', message: '无法连接到台帐服务。请确认演示程序仍在运行，然后刷新页面。' } };
  }
  if (res.status === 403) return { ok: false, error: { code: 'FORBIDDEN', message: '访问被拒绝：请使用启动演示时打印的完整地址（含 token）打开。' } };
  try {
    return wireParse(await res.text()) as Envelope;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `台帐服务返回了无法识别的应答（HTTP ${res.status}）。` } };
  }
}

const inElectron = typeof window !== 'undefined' && typeof window.ledger === 'object' && window.ledger !== null;
const token = inElectron ? '' : demoToken();

export const transport = (method: string, input: unknown): Promise<Envelope> =>
  inElectron ? window.ledger![method as Method](input) : httpCall(method, input);

type Listener = (e: ApiError) => void;
const lockedListeners = new Set<Listener>();
/** Called whenever a call fails because the ledger is locked (idle lock, another window): show the unlock screen. */
export function onLocked(fn: Listener): () => void {
  lockedListeners.add(fn);
  return () => lockedListeners.delete(fn);
}

async function invoke(method: string, input: unknown): Promise<unknown> {
  const env = await transport(method, input);
  if (env.ok) return env.value;
  const err = new ApiError(env.error);
  if (err.code === 'LOCKED') for (const fn of lockedListeners) fn(err);
  throw err;
}

/** The typed API: `ledger['orgs.tree']({})`. Throws ApiError (Chinese message) on failure. */
export const ledger = new Proxy({} as LedgerClient, {
  get: (_t, method) => (typeof method === 'string' ? (input: unknown) => invoke(method, input) : undefined),
}) as LedgerClient;

