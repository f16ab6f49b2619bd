// 设置 → 备份与恢复 through dispatch(), on a real encrypted ledger in a temp folder.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupDetail, BackupRow, BackupsOverview, RestoreOutcome } from '../../shared/api/backups';
import { dispatch, type DispatchResult } from '../../electron/api/dispatch';
import { SessionState } from '../../electron/api/session-state';
import { createOrg, ensureWorkingCommittee, getOrg } from '../../electron/ledger/orgs';
import { TEST_PASSWORD, tempLedger } from '../helpers/temp-ledger';

let cleanups: Array<() => void> = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});

async function session() {
  const t = await tempLedger();
  const state = new SessionState(t.path, { autoBackup: false });
  state.attach(t.ledger);
  cleanups.push(() => {
    state.lock();
    t.cleanup();
  });
  return { state, dir: t.dir, path: t.path };
}

function value<T>(r: DispatchResult): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

describe('backups through the API', () => {
  it('lists nothing at first, backs up now, and lists that backup with what it holds', async () => {
    const { state } = await session();
    expect(value<BackupsOverview>(await dispatch(state, 'backups.list', {})).rows).toEqual([]);
    const ledger = state.requireLedger();
    createOrg(ledger, { parentId: ensureWorkingCommittee(ledger), name: '东风社区党委', type: 'partyCommittee' });
    const row = value<BackupRow>(await dispatch(state, 'backups.create', {}));
    expect(row).toMatchObject({ place: 'data', kind: 'manual', counts: { orgs: 2, members: 0, activities: 0 } });
    expect(row.fileName).toMatch(/-手动\.ledgerbak$/);
    expect(row.bytes).toBeGreaterThan(0);
    const list = value<BackupsOverview>(await dispatch(state, 'backups.list', {}));
    expect(list.rows.map((r) => r.fileName)).toEqual([row.fileName]);
    expect(list.canChooseFile).toBe(false);
    const detail = value<BackupDetail>(await dispatch(state, 'backups.inspect', { place: 'data', fileName: row.fileName }));
    expect(detail.stats.orgs).toBe(2);
  });

  it('restore brings back what was changed after the backup, keeps the current ledger first, and reopens', async () => {
    const { state } = await session();
    let ledger = state.requireLedger();
    const orgId = createOrg(ledger, { parentId: ensureWorkingCommittee(ledger), name: '红星社区党委', type: 'partyCommittee' });
    const backup = value<BackupRow>(await dispatch(state, 'backups.create', {}));
    expect(value<{ id: number }>(await dispatch(state, 'orgs.dissolve', { id: orgId, date: '2026-01-05' })).id).toBe(orgId);
    expect(getOrg(state.requireLedger(), orgId).dissolvedOn).toBe('2026-01-05');

    const out = value<RestoreOutcome>(await dispatch(state, 'backups.restore', { place: 'data', fileName: backup.fileName, password: TEST_PASSWORD }));
    expect(out.status.unlocked).toBe(true);
    expect(out.notice).toBeNull();
    ledger = state.requireLedger();
    expect(getOrg(ledger, orgId).dissolvedOn).toBeNull();
    // The dissolved state is not lost: it is the "恢复前" backup, listed and readable.
    const rows = value<BackupsOverview>(await dispatch(state, 'backups.list', {})).rows;
    const before = rows.find((r) => r.fileName === out.previousBackup);
    expect(before).toMatchObject({ kind: 'beforeRestore', counts: { orgs: 1 } });
    const audit = ledger.db.prepare("SELECT summary FROM audit_log WHERE action = 'restore' AND entity = 'backup'").pluck().all() as string[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toContain(out.previousBackup!);
  });

  it('refuses a restore with the wrong password and changes nothing', async () => {
    const { state } = await session();
    const backup = value<BackupRow>(await dispatch(state, 'backups.create', {}));
    const ledger = state.requireLedger();
    createOrg(ledger, { parentId: ensureWorkingCommittee(ledger), name: '后来的党支部', type: 'branch' });
    const r = await dispatch(state, 'backups.restore', { place: 'data', fileName: backup.fileName, password: 'not-my-password' });
    expect(r).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } });
    expect(state.ledger).toBe(ledger);
    expect(value<BackupsOverview>(await dispatch(state, 'backups.list', {})).rows).toHaveLength(1);
  });

  it('a clerk can back up but cannot restore or change the settings', async () => {
    const { state } = await session();
    value(await dispatch(state, 'users.add', { name: '小王', role: 'clerk', password: 'clerk-pass-1' }));
    const backup = value<BackupRow>(await dispatch(state, 'backups.create', {}));
    value(await dispatch(state, 'session.unlock', { userName: '小王', password: 'clerk-pass-1' }));
    expect(state.requireLedger().actor.role).toBe('clerk');
    const restore = await dispatch(state, 'backups.restore', { place: 'data', fileName: backup.fileName, password: 'clerk-pass-1' });
    expect(restore).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(restore.ok ? '' : restore.error.message).toContain('只有管理员');
    const settings = await dispatch(state, 'backups.saveSettings', { keepDaily: 3, keepMonthly: 6, secondDir: null });
    expect(settings).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(value<BackupRow>(await dispatch(state, 'backups.create', {})).kind).toBe('manual');
  });

  it('validates names and settings: no path outside the backup folder, a second folder that exists', async () => {
    const { state, dir } = await session();
    for (const fileName of ['../test.ledger.keys', '..\\x.ledgerbak', 'a/b.ledgerbak', '.hidden.ledgerbak']) {
      expect(await dispatch(state, 'backups.inspect', { place: 'data', fileName })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(await dispatch(state, 'backups.inspect', { place: 'data', fileName: 'nope.ledgerbak' })).toMatchObject({ ok: false, error: { code: 'BACKUP_NOT_FOUND' } });
    expect(await dispatch(state, 'backups.saveSettings', { keepDaily: 0, keepMonthly: 12 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const missing = join(dir, 'U盘');
    expect(await dispatch(state, 'backups.saveSettings', { keepDaily: 7, keepMonthly: 12, secondDir: missing })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'secondDir' } },
    });
    mkdirSync(missing);
    const saved = value(await dispatch(state, 'backups.saveSettings', { keepDaily: 3, keepMonthly: 6, secondDir: missing }));
    expect(saved).toMatchObject({ keepDaily: 3, keepMonthly: 6, secondDir: missing });
    expect(value<BackupsOverview>(await dispatch(state, 'backups.list', {}))).toMatchObject({ secondFolder: missing, secondFolderAvailable: true });
    expect(existsSync(missing)).toBe(true);
  });
});
