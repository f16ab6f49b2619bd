// Migration 4: the 发展党员 facts migration 1 lacked (half-yearly reviews, training days, the 公示
// period, the day a person dropped out), and the 党费 records behind the month ledger of migration 1. A member's base (income or
// flat category, from a month, with an optional override and its reason), each payment as one
// record covering one or several months (receipt, 补缴, voidable), and the branch's 上缴
// remittances. Money here is whole 分. The `dues` rows stay the member × month ledger; a paid
// month points at its payment. Rows already kept are moved into bases and payments.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { standardDues } from '../../../shared/domain/dues';
import type { Migration } from './migration';

const sql = /* sql */ `
CREATE TABLE dues_bases (
  id              INTEGER PRIMARY KEY,
  member_id       INTEGER NOT NULL REFERENCES members(id),
  from_month      TEXT NOT NULL,            -- 'YYYY-MM': applies from this month on
  category        TEXT NOT NULL CHECK (category IN ('employed', 'retired', 'farmer', 'student', 'lowIncome', 'unemployed')),
  income_fen      INTEGER,                  -- after-tax monthly income, employed/retired only
  override_fen    INTEGER,                  -- monthly amount other than the standard (自愿多交 …)
  override_reason TEXT,
  created_at      TEXT NOT NULL,
  voided_at       TEXT,
  void_reason     TEXT
);
CREATE INDEX dues_bases_member ON dues_bases(member_id, from_month);

CREATE TABLE dues_payments (
  id          INTEGER PRIMARY KEY,
  member_id   INTEGER NOT NULL REFERENCES members(id),
  paid_on     TEXT NOT NULL,
  months      TEXT NOT NULL,                -- JSON array of 'YYYY-MM'
  amount_fen  INTEGER NOT NULL,
  receipt_no  TEXT,
  arrears     INTEGER NOT NULL DEFAULT 0,   -- 补缴: pays a month that had ended before paid_on
  note        TEXT,
  created_at  TEXT NOT NULL,
  voided_at   TEXT,
  void_reason TEXT
);
CREATE INDEX dues_payments_member ON dues_payments(member_id);

ALTER TABLE dues ADD COLUMN payment_id INTEGER REFERENCES dues_payments(id);

CREATE TABLE dues_remittances (
  id          INTEGER PRIMARY KEY,
  org_id      INTEGER NOT NULL REFERENCES orgs(id),
  month       TEXT NOT NULL,                -- the month whose dues are remitted
  remitted_on TEXT NOT NULL,
  amount_fen  INTEGER NOT NULL,
  recipient   TEXT NOT NULL,                -- to whom (上级党委 …)
  receipt_no  TEXT,
  note        TEXT,
  created_at  TEXT NOT NULL,
  voided_at   TEXT,
  void_reason TEXT
);
CREATE INDEX dues_remittances_org ON dues_remittances(org_id, month);

ALTER TABLE applicants ADD COLUMN reviews TEXT NOT NULL DEFAULT '[]';  -- JSON array of 考察 dates
ALTER TABLE applicants ADD COLUMN training_days REAL;
ALTER TABLE applicants ADD COLUMN publicity_from TEXT;
ALTER TABLE applicants ADD COLUMN publicity_to TEXT;
ALTER TABLE applicants ADD COLUMN phone TEXT;
ALTER TABLE applicants ADD COLUMN dropped_on TEXT;
`;

type DuesRow = { id: number; memberId: number; month: string; income: number | null; amountDue: number; amountPaid: number | null; paidOn: string | null; retired: number };

/**
 * Derives bases and payments from `dues` rows that have none (a ledger kept before this
 * migration, or the demo street): a base wherever the income or amount changes, one payment per
 * member and payment date. Also what the demo writer calls after writing its month rows.
 */
export function backfillDuesRecords(db: Database, at: string): void {
  const rows = db.prepare(
    `SELECT d.id, d.member_id AS memberId, d.month, d.income, d.amount_due AS amountDue, d.amount_paid AS amountPaid, d.paid_on AS paidOn,
       EXISTS (SELECT 1 FROM json_each(m.categories) WHERE value = 'retired') AS retired
     FROM dues d JOIN members m ON m.id = d.member_id
     WHERE d.payment_id IS NULL AND d.member_id NOT IN (SELECT member_id FROM dues_bases)
     ORDER BY d.member_id, d.month`,
  ).all() as DuesRow[];
  const base = db.prepare('INSERT INTO dues_bases (member_id, from_month, category, income_fen, override_fen, override_reason, created_at) VALUES (?,?,?,?,?,?,?)');
  const pay = db.prepare('INSERT INTO dues_payments (member_id, paid_on, months, amount_fen, arrears, created_at) VALUES (?,?,?,?,?,?)');
  const link = db.prepare('UPDATE dues SET payment_id = ? WHERE id = ?');
  let last: { memberId: number; income: number | null; dueFen: number } | null = null;
  const payments = new Map<string, DuesRow[]>();
  for (const r of rows) {
    const dueFen = Math.round(r.amountDue * 100);
    if (!last || last.memberId !== r.memberId || last.income !== r.income || last.dueFen !== dueFen) {
      const incomeFen = r.income === null ? null : Math.round(r.income * 100);
      const category = incomeFen === null ? 'unemployed' : r.retired ? 'retired' : 'employed';
      const std = standardDues(category, incomeFen).fen;
      base.run(r.memberId, r.month, category, incomeFen, std === dueFen ? null : dueFen, std === dueFen ? null : '按原党费台帐金额', at);
      last = { memberId: r.memberId, income: r.income, dueFen };
    }
    if (r.amountPaid !== null) {
      const key = `${r.memberId}|${r.paidOn ?? ''}`;
      payments.set(key, [...(payments.get(key) ?? []), r]);
    }
  }
  for (const group of payments.values()) {
    const first = group[0]!;
    const paidOn = first.paidOn ?? `${group[group.length - 1]!.month}-28`;
    const late = group.some((g) => paidOn > `${g.month}-31`);
    const id = Number(pay.run(first.memberId, paidOn, JSON.stringify(group.map((g) => g.month)),
      group.reduce((n, g) => n + Math.round(g.amountPaid! * 100), 0), late ? 1 : 0, at).lastInsertRowid);
    for (const g of group) link.run(id, g.id);
  }
}

const migration: Migration = {
  name: 'dues-records-and-admission-steps',
  up(db) {
    db.exec(sql);
    backfillDuesRecords(db, new Date().toISOString());
  },
};
export default migration;
