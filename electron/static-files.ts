// Serving the built renderer (dist/renderer) the same way under app:// and the demo host:
// one strict Content-Security-Policy, a fresh nonce per page, no path escapes.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const NONCE_PLACEHOLDER = /__CSP_NONCE__/g;

export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * Scripts only from the app itself; styles from the app plus antd's runtime <style> tags, which
 * carry the nonce. Inline style *attributes* (React's style={…}, antd's positioning) need
 * style-src-attr; they cannot run code. No eval, no plugins, no framing, no form posts.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** Headers every response of the renderer carries, in both hosts. */
export function securityHeaders(nonce: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(nonce),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
    'Cache-Control': 'no-store',
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export type StaticFile = { status: 200 | 404; type: string; body: Buffer; headers: Record<string, string> };

/** Reads `urlPath` under `root` ('/' → index.html); anything outside root or missing is a 404. */
export async function readStatic(root: string, urlPath: string): Promise<StaticFile> {
  const nonce = newNonce();
  const headers = securityHeaders(nonce);
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    rel = '';
  }
  if (rel === '' || rel === '/') rel = '/index.html';
  const base = resolve(root);
  const file = resolve(base, `.${rel}`);
  const notFound: StaticFile = { status: 404, type: TYPES['.txt']!, body: Buffer.from('找不到这个文件。'), headers };
  if (!file.startsWith(base + sep) || rel.includes('\0')) return notFound;
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return notFound;
  }
  const ext = extname(file).toLowerCase();
  if (ext === '.html') body = Buffer.from(body.toString('utf8').replace(NONCE_PLACEHOLDER, nonce));
  return { status: 200, type: TYPES[ext] ?? 'application/octet-stream', body, headers };
}
