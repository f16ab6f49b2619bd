import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch';
import { SessionState } from '../../electron/api/session-state';
import { defaultBackupDir, listBackups } from '../../electron/ledger/backup-file';
import { createOrg, ensureWorkingCommittee } from '../../electron/ledger/orgs';
import { tempDir } from '../helpers/temp-ledger';

let cleanups: Array<() => void> = [];
afterEach(() => { cleanups.forEach((c) => c()); cleanups = []; });

describe('the session keeps automatic backups', () => {
  it('backs up on the first unlock of the day and again on lock after changes, keeping the newest of the day', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const path = join(dir, '台帐.ledger');
    const state = new SessionState(path);
    const created = await dispatch(state, 'session.create', { password: 'session-pass-1' });
    expect(created.ok).toBe(true);
    const backups = () => listBackups(defaultBackupDir(path));
    expect(backups()).toHaveLength(1);
    const first = backups()[0]!.path;
    createOrg(state.requireLedger(), { parentId: ensureWorkingCommittee(state.requireLedger()), name: '新社区党委', type: 'partyCommittee' });
    const locked = await dispatch(state, 'session.lock', {});
    expect(locked).toMatchObject({ ok: true, value: { unlocked: false } });
    // Retention keeps the newest backup of each day: the one taken on lock replaces the morning's.
    expect(backups()).toHaveLength(1);
    const second = backups()[0]!.path;
    expect(second).not.toBe(first);
    const denied = await dispatch(state, 'session.unlock', { password: 'wrong-password' });
    expect(denied).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } });
    const unlocked = await dispatch(state, 'session.unlock', { password: 'session-pass-1' });
    expect(unlocked).toMatchObject({ ok: true, value: { unlocked: true } });
    await dispatch(state, 'session.lock', {});
    expect(backups().map((b) => b.path)).toEqual([second]); // nothing changed since: no new backup
  });
});
