// An audit log that proves itself: logins, failed logins, locks and manual backups are recorded
// with the user; an edited or deleted entry makes `verify` name the first broken link.
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch';
import { SessionState } from '../../electron/api/session-state';
import { Ledger } from '../../electron/ledger/ledger';
import { createOrg, ensureWorkingCommittee } from '../../electron/ledger/orgs';
import { verifyLedger } from '../../electron/ledger/verify';
import { TEST_PASSWORD, tempLedger } from '../helpers/temp-ledger';

let cleanups: Array<() => void> = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});

const actions = (l: Ledger) => l.db.prepare('SELECT action, user_name AS user, summary FROM audit_log ORDER BY id').all() as { action: string; user: string; summary: string }[];

describe('audit log', () => {
  it('records logins, failed logins, locks and manual backups with the user', async () => {
    const t = await tempLedger();
    cleanups.push(t.cleanup);
    t.ledger.close();
    const state = new SessionState(t.path, { autoBackup: false });
    cleanups.unshift(() => state.lock());
    for (const password of ['wrong-one-1', 'wrong-two-2']) expect((await dispatch(state, 'session.unlock', { password })).ok).toBe(false);
    expect((await dispatch(state, 'session.unlock', { password: TEST_PASSWORD })).ok).toBe(true);
    expect((await dispatch(state, 'backups.create', {})).ok).toBe(true);
    await dispatch(state, 'session.lock', {});
    const l = await Ledger.open(t.path, TEST_PASSWORD);
    const log = actions(l);
    l.close();
    expect(log.map((r) => r.action)).toEqual(['create', 'loginFailed', 'login', 'backup', 'lock', 'login']);
    expect(log.find((r) => r.action === 'loginFailed')!.summary).toContain('2 次');
    expect(new Set(log.map((r) => r.user))).toEqual(new Set(['管理员']));
  });

  it('an edited or deleted entry makes verify report the first broken link; a sound log passes', async () => {
    const t = await tempLedger();
    cleanups.push(t.cleanup);
    const root = ensureWorkingCommittee(t.ledger);
    for (const name of ['一支部', '二支部', '三支部']) createOrg(t.ledger, { parentId: root, name, type: 'branch' });
    expect(verifyLedger(t.ledger)).toEqual([]);
    const target = t.ledger.db.prepare("SELECT id FROM audit_log WHERE summary LIKE '%二支部%'").pluck().get() as number;
    t.ledger.db.prepare("UPDATE audit_log SET summary = '什么也没发生' WHERE id = ?").run(target);
    expect(verifyLedger(t.ledger)).toEqual([expect.objectContaining({ check: 'audit-chain', examples: [expect.objectContaining({ id: target })] })]);
    t.ledger.close();
    // Deleting the tail after close disagrees with the anchor in the key file.
    const l = await Ledger.open(t.path, TEST_PASSWORD);
    const last = l.db.prepare('SELECT max(id) FROM audit_log').pluck().get() as number;
    l.db.prepare('DELETE FROM audit_log WHERE id >= ?').run(last - 1);
    expect(verifyLedger(l).map((f) => f.check)).toEqual(expect.arrayContaining(['audit-chain', 'audit-anchor']));
    l.close();
  });
});
