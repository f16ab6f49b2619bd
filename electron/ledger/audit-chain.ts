// The audit log proves itself: each entry's hash covers its content and the previous entry's hash,
// and the newest hash is anchored in the key file under a MAC keyed from the data key. Editing or
// deleting an entry breaks the chain at that entry; rolling the tail back disagrees with the
// anchor. (Someone holding the data key can still rebuild both: the chain catches edits made
// with an SQLite tool, not a forger who also rewrites the key file.)
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { createHash, createHmac, hkdfSync } from 'node:crypto';

export type AuditRecord = {
  id: number; at: string; user_id: number | null; user_name: string | null; action: string; entity: string;
  entity_id: number | null; summary: string | null; before: string | null; after: string | null;
};

export type AuditAnchor = { id: number; mac: string };

export function auditHash(prev: string, r: AuditRecord): string {
  const body = JSON.stringify([r.id, r.at, r.user_id, r.user_name, r.action, r.entity, r.entity_id, r.summary, r.before, r.after]);
  return createHash('sha256').update(prev).update('\n').update(body).digest('base64');
}

const COLUMNS = 'id, at, user_id, user_name, action, entity, entity_id, summary, before, after';

/** Appends one entry, chained to the one before. Call inside the action's transaction. */
export function appendAudit(db: Db, row: Omit<AuditRecord, 'id'>): void {
  const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string | null } | undefined;
  const record = { ...row, id: (last?.id ?? 0) + 1 };
  db.prepare(`INSERT INTO audit_log (${COLUMNS}, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    record.id, record.at, record.user_id, record.user_name, record.action, record.entity, record.entity_id, record.summary, record.before, record.after,
    auditHash(last?.hash ?? '', record),
  );
}

/** Fills in the hashes of entries that have none (written before the chain), in order. */
export function chainUnhashed(db: Db): void {
  let prev = '';
  const update = db.prepare('UPDATE audit_log SET hash = ? WHERE id = ?');
  // Pages, not one iterator: the connection cannot write while a statement is still reading.
  const page = db.prepare(`SELECT ${COLUMNS}, hash FROM audit_log WHERE id > ? ORDER BY id LIMIT 1000`);
  for (let after = 0; ;) {
    const rows = page.all(after) as Array<AuditRecord & { hash: string | null }>;
    if (rows.length === 0) return;
    for (const r of rows) {
      const hash = r.hash ?? auditHash(prev, r);
      if (r.hash === null) update.run(hash, r.id);
      prev = hash;
    }
    after = rows[rows.length - 1]!.id;
  }
}

/** The first entry whose hash does not follow from its content and the entry before, if any. */
export function firstBrokenLink(db: Db): { id: number; at: string } | null {
  let prev = '';
  for (const r of db.prepare(`SELECT ${COLUMNS}, hash FROM audit_log ORDER BY id`).iterate() as Iterable<AuditRecord & { hash: string | null }>) {
    if (r.hash !== auditHash(prev, r)) return { id: r.id, at: r.at };
    prev = r.hash;
  }
  return null;
}

function anchorKey(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'dangjian-ledger audit anchor', 32));
}

function macOf(dataKey: Buffer, id: number, hash: string): string {
  return createHmac('sha256', anchorKey(dataKey)).update(`${id}:${hash}`).digest('base64');
}

/** The anchor for the newest entry, for the key file. */
export function currentAnchor(db: Db, dataKey: Buffer): AuditAnchor | undefined {
  const head = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
  return head ? { id: head.id, mac: macOf(dataKey, head.id, head.hash) } : undefined;
}

/** Whether the anchored entry is still there, unchanged. Entries after it are checked by the chain. */
export function anchorHolds(db: Db, dataKey: Buffer, anchor: AuditAnchor): boolean {
  const row = db.prepare('SELECT hash FROM audit_log WHERE id = ?').get(anchor.id) as { hash: string | null } | undefined;
  return !!row?.hash && macOf(dataKey, anchor.id, row.hash) === anchor.mac;
}
