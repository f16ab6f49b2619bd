// Counts per entity: `stats`, the restore preview, the dashboard.
import type { Ledger } from './ledger';
import { one } from './sql';

const COUNTS = {
  orgs: 'SELECT count(*) AS n FROM orgs WHERE dissolved_on IS NULL',
  branches: "SELECT count(*) AS n FROM orgs WHERE dissolved_on IS NULL AND type IN ('branch','jointBranch','temporaryBranch')",
  members: "SELECT count(*) AS n FROM members WHERE status = 'active' AND standing IN ('normal','suspended')",
  membersAllTime: 'SELECT count(*) AS n FROM members',
  memberEvents: 'SELECT count(*) AS n FROM member_events WHERE voided_at IS NULL',
  mobileMembers: 'SELECT count(*) AS n FROM mobile_records WHERE to_date IS NULL',
  residentRegistrations: 'SELECT count(*) AS n FROM resident_registrations WHERE ended_on IS NULL',
  memberPosts: 'SELECT count(*) AS n FROM member_posts WHERE to_date IS NULL',
  householdLinks: 'SELECT count(*) AS n FROM household_links WHERE until IS NULL',
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
