// Counts per entity: `stats`, the restore preview, the dashboard.
import { isBranchType } from '../../shared/domain/org';
import type { Ledger } from './ledger';
import { countsByOrg, membersOn } from './member-state';
import { listOrgs } from './orgs';
import { one } from './sql';
import { onRollSql } from '../../shared/domain/member';

const COUNTS = {
  orgs: 'SELECT count(*) AS n FROM orgs WHERE dissolved_on IS NULL',
  branches: "SELECT count(*) AS n FROM orgs WHERE dissolved_on IS NULL AND type IN ('branch','jointBranch','temporaryBranch')",
  members: `SELECT count(*) AS n FROM members WHERE ${onRollSql()}`,
  membersAllTime: 'SELECT count(*) AS n FROM members',
  memberEvents: 'SELECT count(*) AS n FROM member_events WHERE voided_at IS NULL',
  mobileMembers: 'SELECT count(*) AS n FROM mobile_records WHERE to_date IS NULL',
  residentRegistrations: 'SELECT count(*) AS n FROM resident_registrations WHERE ended_on IS NULL',
  posts: 'SELECT count(*) AS n FROM posts p LEFT JOIN orgs o ON o.id = p.org_id WHERE p.retired_on IS NULL AND o.dissolved_on IS NULL',
  memberPosts: 'SELECT count(*) AS n FROM member_posts WHERE to_date IS NULL',
  households: 'SELECT count(*) AS n FROM households WHERE closed_on IS NULL',
  householdLinks: 'SELECT count(*) AS n FROM household_contacts WHERE to_date IS NULL',
  visits: 'SELECT count(*) AS n FROM visits WHERE voided_at IS NULL',
  appraisals: 'SELECT count(*) AS n FROM appraisals',
  activities: 'SELECT count(*) AS n FROM activities WHERE voided_at IS NULL',
  attendance: 'SELECT count(*) AS n FROM attendance',
  attachments: 'SELECT count(*) AS n FROM attachments WHERE voided_at IS NULL',
  contractTemplates: 'SELECT count(*) AS n FROM contract_templates',
  contracts: 'SELECT count(*) AS n FROM contracts WHERE withdrawn_at IS NULL',
  assessments: 'SELECT count(*) AS n FROM assessments',
  dues: 'SELECT count(*) AS n FROM dues',
  applicants: 'SELECT count(*) AS n FROM applicants',
  users: 'SELECT count(*) AS n FROM users WHERE disabled_at IS NULL',
  auditEntries: 'SELECT count(*) AS n FROM audit_log',
} as const;

export type LedgerStats = Record<keyof typeof COUNTS, number>;

export function ledgerStats(ledger: Ledger): LedgerStats {
  return Object.fromEntries(Object.entries(COUNTS).map(([k, sql]) => [k, one<{ n: number }>(ledger, sql)!.n])) as LedgerStats;
}

export type RollStats = {
  asOf: string;
  members: number;
  full: number;
  probationary: number;
  /** Every branch with members on its roll that day, in tree order. */
  byOrg: { org: string; full: number; probationary: number }[];
};

/** The roll on a date: the same figures every register of that date prints (member-state.ts). */
export function rollStats(ledger: Ledger, asOf: string): RollStats {
  const states = membersOn(ledger, asOf);
  const counts = countsByOrg(states);
  const full = states.filter((m) => m.kind === 'full').length;
  const byOrg = listOrgs(ledger, { includeDissolved: true })
    .filter((o) => isBranchType(o.type) && counts.has(o.id))
    .map((o) => ({ org: o.name, ...counts.get(o.id)! }));
  return { asOf, members: states.length, full, probationary: states.length - full, byOrg };
}
