import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultBackupDir, listBackups } from '../../electron/ledger/backup-file';
import {
  DEFAULT_BACKUP_SETTINGS, autoBackupDue, planRetention, readBackupSettings, runAutoBackup, saveBackupSettings, type RetentionItem,
} from '../../electron/ledger/backup-schedule';
import { createMember } from '../../electron/ledger/members';
import { makeId, memberInput } from '../helpers/builders';
import { tempDir, tempLedger } from '../helpers/temp-ledger';
import { streetWithMembers } from '../helpers/safety';

let cleanups: Array<() => void> = [];
afterEach(() => { cleanups.forEach((c) => c()); cleanups = []; });

const at = (y: number, m: number, d: number, h = 18) => new Date(y, m - 1, d, h, 0, 0);
const day = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

describe('retention plan', () => {
  it('keeps the newest of each of the last 7 days and of the last 12 months; manual backups always', () => {
    const items: RetentionItem[] = [];
    // Two automatic backups a day (daily + close) from 2025-01-01 to 2026-03-20.
    for (let d = at(2025, 1, 1); d <= at(2026, 3, 20); d = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1)) {
      items.push({ path: `auto-${day(d)}-a`, createdAt: new Date(d.getFullYear(), d.getMonth(), d.getDate(), 9), kind: 'auto' });
      items.push({ path: `auto-${day(d)}-b`, createdAt: new Date(d.getFullYear(), d.getMonth(), d.getDate(), 18), kind: 'auto' });
    }
    items.push({ path: 'manual-old', createdAt: at(2024, 6, 1), kind: 'manual' });
    for (let i = 1; i <= 8; i++) items.push({ path: `before-${i}`, createdAt: at(2026, 2, i), kind: 'beforeRestore' });

    const { keep, remove } = planRetention(items, DEFAULT_BACKUP_SETTINGS);
    const autoKept = keep.filter((p) => p.startsWith('auto-'));
    const days = ['2026-03-20', '2026-03-19', '2026-03-18', '2026-03-17', '2026-03-16', '2026-03-15', '2026-03-14'];
    const monthEnds = ['2026-02-28', '2026-01-31', '2025-12-31', '2025-11-30', '2025-10-31', '2025-09-30', '2025-08-31', '2025-07-31', '2025-06-30', '2025-05-31', '2025-04-30'];
    // 7 days + 11 older months (this month's newest is today's): the evening backup of each.
    expect(autoKept).toEqual([...days, ...monthEnds].map((d) => `auto-${d}-b`));
    expect(keep).toContain('manual-old');
    expect(keep.filter((p) => p.startsWith('before-'))).toEqual(['before-8', 'before-7', 'before-6', 'before-5', 'before-4']);
    expect(keep.length + remove.length).toBe(items.length);
    expect(remove).not.toContain('manual-old');
  });

  it('follows the configured counts, and a gap of days keeps older days instead', () => {
    const items: RetentionItem[] = [1, 2, 3, 10, 11, 25].map((d) => ({ path: `d${d}`, createdAt: at(2026, 5, d), kind: 'auto' as const }));
    expect(planRetention(items, { keepDaily: 3, keepMonthly: 0, keepBeforeRestore: 1 }).keep).toEqual(['d25', 'd11', 'd10']);
    expect(planRetention(items, { keepDaily: 1, keepMonthly: 1, keepBeforeRestore: 1 }).keep).toEqual(['d25']);
  });
});

describe('automatic backups', () => {
  it('daily and on close over three weeks: due only when needed, thinned to the policy, mirrored to a second folder', async () => {
    const t = await tempLedger();
    cleanups.push(t.cleanup);
    const street = streetWithMembers(t.ledger, 5);
    const usb = tempDir('ledger-usb-');
    cleanups.push(usb.cleanup);
    saveBackupSettings(t.ledger, { secondDir: usb.dir, keepDaily: 7, keepMonthly: 12 });
    expect(readBackupSettings(t.ledger)).toMatchObject({ secondDir: usb.dir, keepDaily: 7 });

    let made = 0;
    for (let i = 0; i < 23; i++) {
      const morning = new Date(2026, 0, 20 + i, 8, 30);
      const evening = new Date(2026, 0, 20 + i, 17, 45);
      expect(autoBackupDue(t.ledger, 'daily', morning)).toBe(true);
      if (runAutoBackup(t.ledger, 'daily', { now: morning })) made++;
      // The hourly check later the same day finds today's backup and does nothing.
      expect(runAutoBackup(t.ledger, 'daily', { now: new Date(2026, 0, 20 + i, 12) })).toBeNull();
      // Closing without changes since the morning backup: nothing to keep.
      if (i % 3 === 0) expect(runAutoBackup(t.ledger, 'close', { now: evening })).toBeNull();
      else {
        createMember(t.ledger, memberInput(street.branchA, { name: `第${i}天`, idNumber: makeId('19700101', 200 + i) }));
        const r = runAutoBackup(t.ledger, 'close', { now: evening });
        expect(r?.warnings).toEqual([]);
        expect(r?.copy && existsSync(r.copy)).toBe(true);
        made++;
      }
    }
    expect(made).toBeGreaterThan(35);
    const kept = listBackups(defaultBackupDir(t.path), t.ledger.keys.ledgerId);
    const keptDays = kept.map((e) => day(new Date(e.header.createdAt)));
    // Feb 11 is the last day: 7 newest days (Feb 5–11) plus the newest of January.
    expect(keptDays).toEqual(['2026-02-11', '2026-02-10', '2026-02-09', '2026-02-08', '2026-02-07', '2026-02-06', '2026-02-05', '2026-01-31']);
    // Every automatic backup was copied to the USB stick and thinned there the same way.
    expect(listBackups(usb.dir).map((e) => e.header.createdAt)).toEqual(kept.map((e) => e.header.createdAt));
    expect(readdirSync(defaultBackupDir(t.path)).filter((f) => !f.endsWith('.ledgerbak'))).toEqual([]);
  });

  it('sweeps the temp files of a backup cut short, once they are an hour old', async () => {
    const t = await tempLedger();
    cleanups.push(t.cleanup);
    const dir = defaultBackupDir(t.path);
    mkdirSync(dir, { recursive: true });
    const stale = join(dir, '.test-20260101-120000-自动.ledgerbak.snapshot-4242-0badc0de');
    const fresh = join(dir, '.test-20260101-120000-自动.ledgerbak.part-4243-0badc0df');
    const foreign = join(dir, '.something-else');
    for (const f of [stale, fresh, foreign]) writeFileSync(f, 'x');
    utimesSync(stale, new Date(Date.now() - 2 * 3600_000), new Date(Date.now() - 2 * 3600_000));
    const r = runAutoBackup(t.ledger, 'close');
    expect(r!.removed).toEqual([stale]);
    expect([existsSync(stale), existsSync(fresh), existsSync(foreign)]).toEqual([false, true, true]);
  });

  it('a missing second folder (USB stick pulled) is a warning; the main backup is still made', async () => {
    const t = await tempLedger();
    cleanups.push(t.cleanup);
    streetWithMembers(t.ledger, 2);
    saveBackupSettings(t.ledger, { secondDir: join(t.dir, 'no-such-usb') });
    const r = runAutoBackup(t.ledger, 'close');
    expect(r).not.toBeNull();
    expect(existsSync(r!.backup.path)).toBe(true);
    expect(r!.copy).toBeNull();
    expect(r!.warnings[0]).toMatch(/第二备份位置.*不可用/);
  });

  it('settings are validated and audited; switched off means no automatic backups', async () => {
    const t = await tempLedger();
    cleanups.push(t.cleanup);
    expect(() => saveBackupSettings(t.ledger, { keepDaily: 0 })).toThrow(/备份设置不正确/);
    saveBackupSettings(t.ledger, { auto: false });
    expect(t.ledger.db.prepare("SELECT summary FROM audit_log WHERE entity = 'settings'").pluck().all()).toEqual(['修改备份设置']);
    expect(runAutoBackup(t.ledger, 'close')).toBeNull();
    expect(existsSync(defaultBackupDir(t.path))).toBe(false);
  });
});
