// The demo street (`npm run -s ledger -- demo`): a believable 街道党工委 ledger, the same on every
// run for one seed and 'today', so tests, screenshots and benchmarks can rely on it.
import { Ledger } from '../ledger';
import type { KdfParams } from '../keyring';
import { nowIso, today as realToday } from '../../../shared/dates';
import { Rng } from './random';
import { PersonFactory } from './people';
import { buildOrgs } from './orgs';
import { buildMembers, DEMO_POSTS } from './members';
import { assignRoles, streetSeats } from './roles';
import { writeStreet } from './write';
import { buildApplicants } from './pipeline';
import { buildActivities } from './activities';
import { buildDues } from './dues';
import type { DemoStreet } from './model';
import { addDemoContracts } from './contracts';
import { onRollSql } from '../../../shared/domain/member';
import { buildOutsiders, writeOutsiders } from './outsiders';
import { addDemoReviews } from './reviews';
import { addDemoPlans } from './plans';
import { writeDemoHelp } from './help';
import { writeHouseholds } from './households';

export const DEFAULT_DEMO_SEED = 20240101;

export type DemoOptions = { today?: string; kdf?: KdfParams; seed?: number };

/**
 * Builds the street in memory (deterministic from seed and today); nothing is written.
 * Exposed separately so later parts (contracts, assessments) and tests can read the plan.
 */
export function planDemoStreet(opts: { today?: string; seed?: number } = {}) {
  const today = opts.today ?? realToday();
  const seed = opts.seed ?? DEFAULT_DEMO_SEED;
  const rng = new Rng(seed);
  const people = new PersonFactory(rng.fork('people'));
  const orgs = buildOrgs(rng.fork('orgs'), people, today);
  const members = buildMembers(rng.fork('members'), people, orgs, today);
  assignRoles(rng.fork('roles'), orgs, members, today);
  const seats = streetSeats(rng.fork('street-seats'), members);
  const branches = orgs.filter((o) => o.type === 'branch' || o.type === 'jointBranch' || o.type === 'temporaryBranch');
  const applicants = buildApplicants(rng.fork('applicants'), people, branches, members, today);
  const street: DemoStreet = {
    today,
    seed,
    orgs,
    committee: orgs.find((o) => o.type === 'committee')!,
    branches,
    members,
    posts: DEMO_POSTS,
    applicants,
  };
  // Activities also decide the year-end appraisals (members' grades), so they come before dues.
  const activities = buildActivities(rng.fork('activities'), street);
  const dues = buildDues(rng.fork('dues'), members, today);
  const outsiders = buildOutsiders(rng.fork('outsiders'), orgs, today);
  return { street, seats, activities, dues, outsiders };
}

/**
 * Creates a new encrypted ledger holding the demo street; refuses to overwrite (Ledger.create).
 * Everything lands in one transaction with one audit entry, 「生成演示街道」.
 */
export async function createDemoStreet(path: string, password: string, opts: DemoOptions = {}): Promise<{ ledger: Ledger; recoveryKey: string }> {
  const { street, seats, activities, dues, outsiders } = planDemoStreet(opts);
  const { ledger, recoveryKey } = await Ledger.create(path, password, { kdf: opts.kdf });
  // ~20 MB of seed rows: a cache that holds them all spares SQLCipher re-encrypting pages it
  // would otherwise spill mid-transaction. Back to the default once written.
  const cacheSize = ledger.db.pragma('cache_size', { simple: true });
  ledger.db.pragma('cache_size = -131072');
  try {
    ledger.tx(() => {
      writeStreet(ledger.db, street, { streetSeats: seats, activities, dues }, nowIso());
      writeOutsiders(ledger.db, outsiders, nowIso());
      addDemoReviews(ledger, street, new Rng(street.seed).fork('reviews'));
      writeHouseholds(ledger.db, street, new Rng(street.seed).fork('households'), nowIso());
      writeDemoHelp(ledger.db, street, nowIso());
      addDemoContracts(ledger, street);
      addDemoPlans(ledger, street);
      const counts = countRows(ledger);
      const onRoll = (ledger.db.prepare(`SELECT count(*) AS n FROM members WHERE ${onRollSql()}`).get() as { n: number }).n;
      ledger.audit({
        action: 'create', entity: 'demo',
        summary: `生成演示街道：${counts.orgs} 个党组织、${onRoll} 名在册党员、${counts.activities} 次活动`,
        after: { seed: street.seed, today: street.today, membersOnRoll: onRoll, ...counts },
      });
    });
  } catch (e) {
    ledger.close();
    throw e;
  } finally {
    if (ledger.db.open) ledger.db.pragma(`cache_size = ${Number(cacheSize)}`);
  }
  return { ledger, recoveryKey };
}

const COUNTED = ['orgs', 'members', 'member_org_spans', 'member_events', 'org_roles', 'mobile_records', 'resident_registrations', 'member_posts',
  'households', 'household_contacts', 'visits', 'appraisals', 'activities', 'attendance', 'dues', 'applicants', 'contracts', 'assessments'] as const;

function countRows(ledger: Ledger): Record<(typeof COUNTED)[number], number> {
  return Object.fromEntries(COUNTED.map((t) => [t, (ledger.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n])) as Record<(typeof COUNTED)[number], number>;
}
