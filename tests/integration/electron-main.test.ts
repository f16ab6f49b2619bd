// The bundled main process, loaded with a stand-in for Electron (no Electron binary here): the
// security settings of the window, app:// with its CSP, and the IPC sender check. The bundle is
// built by the global setup.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-ledger';

const root = join(import.meta.dirname, '..', '..');

describe('electron main bundle', () => {
  it('locks the window down, serves app:// with a strict CSP and answers only its own page', () => {
    // The page itself is built by vite; the test needs some index.html to serve.
    if (!existsSync(join(root, 'dist', 'renderer', 'index.html'))) execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error'], { cwd: root, env: { ...process.env, NODE_ENV: 'production' } });
    const { dir, cleanup } = tempDir('electron-main-');
    try {
      const out = JSON.parse(
        execFileSync(process.execPath, ['tests/helpers/fake-electron.cjs', join(root, 'dist', 'electron', 'main.cjs')], { cwd: root, env: { ...process.env, FAKE_USER_DATA: dir } }).toString(),
      );
      expect(out.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
      expect(out.url).toBe('app://renderer/index.html');
      expect(out.menu).toEqual(['文件', '编辑', '视图', '帮助']);
      expect(out.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, devTools: false });
      expect(out.permissionsDenied).toBe(true);
      expect(out.page.status).toBe(200);
      expect(out.page.csp).toContain("script-src 'self'");
      expect(out.page.csp).toContain("default-src 'none'");
      const nonce = /'nonce-([^']+)'/.exec(out.page.csp)![1];
      expect(out.page.body).toContain(`nonce="${nonce}"`);
      expect(out.page.body).not.toContain('__CSP_NONCE__');
      expect(out.escapeStatus).toBe(404);
      expect(out.foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(out.iframe).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(out.own).toMatchObject({ ok: true, value: { hasLedger: false, unlocked: false } });
      expect(out.own.value.ledgerPath).toBe(join(dir, 'userData', '党建台帐.ledger'));
      expect(out.invalid).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '请输入密码' } });
      expect(out.methods).toContain('members.list');
    } finally {
      cleanup();
    }
  });
});
