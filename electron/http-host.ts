// The HTTP binding of the API for `npm run demo` and the browser tests: the built renderer and
// POST /api/<method> on 127.0.0.1, over the same dispatch() as the IPC binding. It moves bytes
// and checks the per-run token; nothing else. Every request needs the token: the first page load
// carries it in the URL (?token=…) and gets it back as a cookie for assets; API calls must also
// send it in X-Ledger-Token, which a cross-site page cannot do without a CORS preflight we refuse.
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { wireParse, wireStringify } from '../shared/api/wire';
import { dispatch } from './api/dispatch';
import type { SessionState } from './api/session-state';
import { newNonce, readStatic, securityHeaders } from './static-files';

export type HttpHostOptions = {
  state: SessionState;
  /** dist/renderer */
  staticRoot: string;
  token: string;
  /** 0 = any free port. */
  port?: number;
};

export type HttpHost = { server: Server; port: number; url: string; close: () => Promise<void> };

/** Large enough for a spreadsheet sent for import as bytes. */
const MAX_BODY = 64 * 1024 * 1024;

function sameToken(a: string | undefined | null, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

function send(res: ServerResponse, status: number, type: string, body: Buffer | string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...securityHeaders(newNonce()), ...headers, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const FORBIDDEN_PAGE = '访问被拒绝：请使用启动演示时打印的完整地址（含 ?token=…）打开。';

export function startHttpHost(opts: HttpHostOptions): Promise<HttpHost> {
  const { state, staticRoot, token } = opts;
  let port = 0;
  const cookieName = () => `ledger_demo_${port}`;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // DNS rebinding: a page on another name that resolves to 127.0.0.1 must not reach us.
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 403, 'text/plain; charset=utf-8', FORBIDDEN_PAGE);
    const url = new URL(req.url ?? '/', `http://${host}`);

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', '只接受 POST。', { Allow: 'POST' });
      if (!sameToken(req.headers['x-ledger-token'] as string | undefined, token)) {
        return send(res, 403, 'application/json; charset=utf-8', JSON.stringify({ ok: false, error: { code: 'FORBIDDEN', message: FORBIDDEN_PAGE } }));
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'text/plain; charset=utf-8', '请求格式不正确。');
      let input: unknown;
      try {
        const text = await readBody(req);
        input = text ? wireParse(text) : {};
      } catch {
        return send(res, 400, 'application/json; charset=utf-8', JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT', message: '请求内容无法读取或过大。' } }));
      }
      const method = decodeURIComponent(url.pathname.slice('/api/'.length));
      const result = await dispatch(state, method, input);
      return send(res, 200, 'application/json; charset=utf-8', wireStringify(result));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', '不支持的请求。', { Allow: 'GET' });
    const fromQuery = url.searchParams.get('token');
    const authorised = sameToken(fromQuery, token) || sameToken(cookie(req, cookieName()), token);
    if (!authorised) return send(res, 403, 'text/plain; charset=utf-8', FORBIDDEN_PAGE);
    const file = await readStatic(staticRoot, url.pathname);
    const extra: Record<string, string> = {};
    if (fromQuery) extra['Set-Cookie'] = `${cookieName()}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict`;
    res.writeHead(file.status, { ...file.headers, ...extra, 'Content-Type': file.type, 'Content-Length': file.body.length });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      console.error('[demo-host]', req.method, req.url, e);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', '服务内部错误。');
      else res.destroy();
    });
  });

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolvePromise({
        server,
        port,
        url: `http://127.0.0.1:${port}/?token=${encodeURIComponent(token)}`,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
  });
}
