// The demo street on a real encrypted ledger: big enough, internally consistent, readable by the
// services as they are, and the same on every run for one seed and 'today'.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DEMO_SEED, createDemoStreet, planDemoStreet } from '../../electron/ledger/demo';
import { Ledger } from '../../electron/ledger/ledger';
import { expectedAttendees } from '../../electron/ledger/activities';
import { verifyLedger } from '../../electron/ledger/verify';
import { idBirthDate, idGender, idNumberProblem } from '../../shared/domain/id-number';
import { ACTIVITY_TYPES } from '../../shared/domain/activity-types';
import { EDUCATION, SEED_POSTS } from '../../shared/domain/member';
import { memberProblems } from '../../shared/domain/member-rules';
import { TEST_KDF, TEST_PASSWORD, tempDir } from '../helpers/temp-ledger';
import { DEMO_TODAY, openDemoCopy } from '../helpers/demo-street';

const TODAY = DEMO_TODAY;
const SEED = DEFAULT_DEMO_SEED;
const { dir, cleanup } = tempDir('ledger-demo-');
const path = join(dir, 'demo.ledger');
let ledger: Ledger;

const rows = <T>(sql: string, ...args: unknown[]): T[] => ledger.db.prepare(sql).all(...args) as T[];
const count = (sql: string, ...args: unknown[]): number => (ledger.db.prepare(sql).get(...args) as { n: number }).n;

beforeAll(async () => {
  // createDemoStreet(path, TEST_PASSWORD, { today: TODAY, seed: SEED }), written once by the global setup.
  ledger = await openDemoCopy(path);
}, 120_000);
afterAll(() => {
  ledger?.close();
  cleanup();
});

describe('demo street: size and shape', () => {
  it('has one committee, 3–5 community committees, ≥ 12 branches of several categories, ≥ 600 members', () => {
    expect(count("SELECT count(*) AS n FROM orgs WHERE type = 'committee'")).toBe(1);
    const communities = count("SELECT count(*) AS n FROM orgs WHERE type IN ('partyCommittee','generalBranch') AND category = 'community'");
    expect(communities).toBeGreaterThanOrEqual(3);
    expect(communities).toBeLessThanOrEqual(5);
    expect(count("SELECT count(*) AS n FROM orgs WHERE type IN ('branch','jointBranch')")).toBeGreaterThanOrEqual(12);
    expect(count("SELECT count(*) AS n FROM orgs WHERE type = 'jointBranch'")).toBeGreaterThanOrEqual(1);
    expect(count("SELECT count(*) AS n FROM orgs WHERE type = 'group'")).toBeGreaterThan(0);
    const categories = rows<{ category: string }>("SELECT DISTINCT category FROM orgs WHERE type IN ('branch','jointBranch')").map((r) => r.category).sort();
    expect(categories).toEqual(['community', 'institution', 'nonPublic', 'resident', 'socialOrg']);
    expect(count("SELECT count(*) AS n FROM members WHERE status = 'active' AND standing = 'normal'")).toBeGreaterThanOrEqual(600);
  });

  it('has committee terms, some expiring within six months and one expired, with linked roles', () => {
    const current = rows<{ expires: string }>('SELECT expires_on AS expires FROM org_terms WHERE ended_on IS NULL');
    expect(current.filter((t) => t.expires < TODAY)).toHaveLength(1);
    expect(current.filter((t) => t.expires >= TODAY && t.expires <= '2027-05-22').length).toBeGreaterThanOrEqual(2);
    expect(count("SELECT count(*) AS n FROM org_roles WHERE role = 'secretary' AND member_id IS NOT NULL")).toBeGreaterThanOrEqual(20);
    // Every current seat of a branch is held by a member of that branch.
    const stray = rows(`SELECT r.id FROM org_roles r JOIN orgs o ON o.id = r.org_id JOIN org_terms t ON t.id = r.term_id JOIN members m ON m.id = r.member_id
      WHERE t.ended_on IS NULL AND o.type IN ('branch','jointBranch') AND m.org_id != o.id`);
    expect(stray).toEqual([]);
  });

  it('holds mobile members, resident registrations, posts, households, dues and applicants', () => {
    expect(count("SELECT count(*) AS n FROM mobile_records WHERE direction = 'out' AND card_number IS NOT NULL")).toBeGreaterThan(10);
    expect(count("SELECT count(*) AS n FROM mobile_records WHERE direction = 'in'")).toBeGreaterThan(5);
    expect(count('SELECT count(*) AS n FROM resident_registrations WHERE is_cadre = 1')).toBeGreaterThan(0);
    expect(count('SELECT count(*) AS n FROM resident_registrations')).toBeGreaterThan(30);
    // 双报到 from outside units: on no roster, with quarterly feedback and evaluations.
    expect(count('SELECT count(*) AS n FROM resident_registrations WHERE member_id IS NULL')).toBeGreaterThan(5);
    expect(count('SELECT count(*) AS n FROM resident_feedback f JOIN resident_registrations r ON r.id = f.registration_id WHERE r.member_id IS NULL')).toBeGreaterThan(20);
    expect(count('SELECT count(*) AS n FROM resident_evaluations')).toBeGreaterThan(0);
    expect(count('SELECT count(*) AS n FROM posts WHERE org_id IS NULL')).toBe(SEED_POSTS.length);
    expect(count('SELECT count(DISTINCT member_id) AS n FROM member_posts WHERE to_date IS NULL')).toBeGreaterThan(200);
    expect(count('SELECT count(*) AS n FROM household_contacts')).toBeGreaterThan(50);
    expect(count("SELECT count(*) AS n FROM households WHERE estate IS NOT NULL AND categories != '[]'")).toBeGreaterThan(50);
    expect(count('SELECT count(*) AS n FROM households WHERE closed_on IS NOT NULL AND close_reason IS NOT NULL')).toBeGreaterThan(0);
    // Each visit is its own 走访 activity, as recordVisit makes it; some 转办 are still open.
    expect(count("SELECT count(*) AS n FROM visits v JOIN activities a ON a.id = v.activity_id AND a.type = 'visit' AND a.date = v.date")).toBe(count('SELECT count(*) AS n FROM visits'));
    expect(count('SELECT count(*) AS n FROM visits WHERE referred_to IS NOT NULL AND resolved_on IS NULL')).toBeGreaterThan(0);
    expect(count('SELECT count(*) AS n FROM dues WHERE amount_paid IS NULL')).toBeGreaterThan(0);
    expect(count("SELECT count(*) AS n FROM applicants WHERE stage IN ('applicant','activist','candidate')")).toBeGreaterThan(3);
    expect(count("SELECT count(*) AS n FROM members WHERE standing = 'deceased'")).toBeGreaterThan(0);
    expect(count("SELECT count(*) AS n FROM members WHERE standing = 'suspended'")).toBeGreaterThan(0);
    expect(count("SELECT count(*) AS n FROM members WHERE status = 'transferredOut'")).toBeGreaterThan(5);
    expect(count("SELECT count(*) AS n FROM member_events WHERE type = 'transferIn' AND date >= '2024-11-22'")).toBeGreaterThan(5);
  });

  it('writes one audit entry for the whole street', () => {
    const audit = rows<{ summary: string; after: string }>("SELECT summary, after FROM audit_log WHERE entity = 'demo'");
    expect(audit).toHaveLength(1);
    expect(audit[0]!.summary).toContain('生成演示街道');
    expect(JSON.parse(audit[0]!.after).members).toBe(count('SELECT count(*) AS n FROM members'));
  });
});

describe('demo street: members', () => {
  type M = { id: number; name: string; gender: string; birth: string; idNumber: string; kind: 'full' | 'probationary'; joined: string; confirmed: string | null; education: string | null };
  const members = () => rows<M>(`SELECT id, name, gender, birth_date AS birth, id_number AS idNumber, kind, joined_on AS joined, confirmed_on AS confirmed, education
    FROM members`);

  it('every ID number is valid and agrees with birth date and gender', () => {
    for (const m of members()) {
      expect(idNumberProblem(m.idNumber), m.idNumber).toBeNull();
      expect(idBirthDate(m.idNumber)).toBe(m.birth);
      expect(idGender(m.idNumber)).toBe(m.gender);
      expect(memberProblems({ idNumber: m.idNumber, gender: m.gender, birthDate: m.birth, kind: m.kind, joinedOn: m.joined, confirmedOn: m.confirmed }, TODAY)).toEqual([]);
    }
  });

  it('full members were confirmed one year after joining; about 5% are probationary, some due soon', () => {
    const all = members();
    for (const m of all.filter((x) => x.kind === 'full')) {
      expect(Number(m.confirmed!.slice(0, 4)) - Number(m.joined.slice(0, 4))).toBe(1);
      expect(m.confirmed!.slice(5)).toBe(m.joined.slice(5) === '02-29' ? '02-28' : m.joined.slice(5));
    }
    const probationary = all.filter((x) => x.kind === 'probationary');
    expect(probationary.length / all.length).toBeGreaterThan(0.03);
    expect(probationary.length / all.length).toBeLessThan(0.09);
    expect(probationary.filter((m) => m.joined <= '2025-12-22').length).toBeGreaterThan(0);
  });

  it('uses the education labels, common and rare name characters, and leaves a few required fields blank', () => {
    const labels = new Set<string>(EDUCATION.map((e) => e.label));
    const all = members();
    expect(all.filter((m) => m.education !== null && !labels.has(m.education))).toEqual([]);
    const names = all.map((m) => m.name).join('');
    for (const ch of '喆玥堃珺彧琍') expect(names).toContain(ch);
    expect(count('SELECT count(*) AS n FROM members WHERE phone IS NULL OR education IS NULL OR native_place IS NULL OR address IS NULL')).toBeGreaterThan(3);
    expect(count("SELECT count(*) AS n FROM members WHERE ethnicity != '汉族'")).toBeGreaterThan(0);
  });

  it('membership spans agree with members.org_id, and the ledger verifies clean', () => {
    const bad = rows(`SELECT m.id FROM members m WHERE m.status = 'active' AND m.standing IN ('normal','suspended') AND
      (SELECT count(*) FROM member_org_spans s WHERE s.member_id = m.id AND s.to_date IS NULL AND s.org_id = m.org_id) != 1`);
    expect(bad).toEqual([]);
    expect(ledger.db.pragma('foreign_key_check')).toEqual([]);
    expect(verifyLedger(ledger)).toEqual([]);
  });

  it('民主评议: 优秀 ≤ 1/3 of the graded per branch and year; probationary members take part ungraded', () => {
    const per = rows<{ org: number; year: number; excellent: number; graded: number }>(`SELECT org_id AS org, year, sum(grade = 'excellent') AS excellent,
      sum(grade IS NOT NULL) AS graded FROM appraisals GROUP BY org_id, year`);
    const branches = count("SELECT count(*) AS n FROM orgs WHERE type IN ('branch','jointBranch') AND founded_on < '2024-01-01'");
    expect(per.filter((p) => p.year === 2024)).toHaveLength(branches);
    expect(per.filter((p) => p.year === 2025)).toHaveLength(branches + 1);
    for (const p of per) expect(p.excellent * 3).toBeLessThanOrEqual(p.graded);
    expect(per.some((p) => p.excellent > 0)).toBe(true);
    const wrong = rows(`SELECT a.id FROM appraisals a JOIN members m ON m.id = a.member_id WHERE
      (a.grade IS NULL) != (m.confirmed_on IS NULL OR m.confirmed_on > a.appraised_on)`);
    expect(wrong).toEqual([]);
    expect(count('SELECT count(*) AS n FROM appraisals WHERE grade IS NULL')).toBeGreaterThan(0);
  });
});

describe('demo street: activities', () => {
  it('fills 2024, 2025 and this year, only known types, none after today', () => {
    const types = new Set(ACTIVITY_TYPES.map((t) => t.code));
    for (const r of rows<{ type: string }>('SELECT DISTINCT type FROM activities')) expect(types.has(r.type)).toBe(true);
    for (const y of ['2024', '2025', '2026']) expect(count("SELECT count(*) AS n FROM activities WHERE substr(date, 1, 4) = ?", y)).toBeGreaterThan(1000);
    expect(count('SELECT count(*) AS n FROM activities WHERE date > ? OR date < ?', TODAY, '2024-01-01')).toBe(0);
    expect(count('SELECT count(*) AS n FROM activities a JOIN orgs o ON o.id = a.org_id WHERE a.date < o.founded_on')).toBe(0);
  });

  it('mostly keeps the meeting rules, with the planned gaps', () => {
    const monthly = (org: string, type: string, year: string) => count(`SELECT count(DISTINCT substr(a.date, 1, 7)) AS n FROM activities a JOIN orgs o ON o.id = a.org_id
      WHERE o.name = ? AND a.type = ? AND substr(a.date, 1, 4) = ?`, org, type, year);
    expect(monthly('锦澜街道社区卫生服务中心党支部', 'committeeMeeting', '2024')).toBeGreaterThanOrEqual(11);
    expect(count(`SELECT count(*) AS n FROM activities a JOIN orgs o ON o.id = a.org_id WHERE o.name = '梧桐苑社区第二党支部'
      AND a.type = 'committeeMeeting' AND a.date LIKE '2025-07-%'`)).toBe(0);
    expect(count(`SELECT count(*) AS n FROM activities a JOIN orgs o ON o.id = a.org_id WHERE o.name = '锦华社区第二党支部'
      AND a.type = 'partyLesson' AND a.date BETWEEN '2024-07-01' AND '2024-09-30'`)).toBe(0);
    const gig = rows<{ founded: string; first: string }>(`SELECT o.founded_on AS founded, min(a.date) AS first FROM orgs o JOIN activities a ON a.org_id = o.id
      WHERE o.name = '锦澜街道新就业群体联合党支部'`)[0]!;
    expect(gig.founded).toBe('2025-07-01');
    expect(gig.first >= gig.founded).toBe(true);
    // 远程教育 on the 5th, 15th and 25th only.
    expect(count("SELECT count(*) AS n FROM activities WHERE type = 'remoteEducation' AND substr(date, 9) NOT IN ('05','15','25')")).toBe(0);
    // 组织生活会 in the fourth quarter.
    expect(count("SELECT count(*) AS n FROM activities WHERE type = 'lifeMeeting' AND substr(date, 6, 2) NOT IN ('10','11','12')")).toBe(0);
  });

  it('records exactly the expected attendees, as the activities service computes them', () => {
    const sample = rows<{ id: number; orgId: number; type: string; date: string }>(`SELECT id, org_id AS orgId, type, date FROM activities
      WHERE type IN ('branchAssembly','committeeMeeting','groupMeeting','partyLesson','themeDay','lifeMeeting','memberAppraisal','remoteEducation')
      AND id % 37 = 0`);
    expect(sample.length).toBeGreaterThan(50);
    for (const a of sample) {
      const expected = expectedAttendees(ledger, { orgId: a.orgId, type: a.type, date: a.date }).attendees.map((x) => x.memberId).sort((x, y) => x - y);
      const recorded = rows<{ memberId: number }>("SELECT member_id AS memberId FROM attendance WHERE activity_id = ? AND status != 'observer' ORDER BY member_id", a.id)
        .map((r) => r.memberId);
      expect(recorded, `${a.type} ${a.date}`).toEqual(expected);
    }
  });

  it('has realistic absences with reasons, and members who missed 3+ meetings in a row', () => {
    const reasons = rows<{ reason: string }>("SELECT DISTINCT absence_reason AS reason FROM attendance WHERE status = 'absent'").map((r) => r.reason).sort();
    expect(reasons).toEqual(['away', 'business', 'other', 'sick']);
    const absentShare = count("SELECT count(*) AS n FROM attendance WHERE status = 'absent'") / count("SELECT count(*) AS n FROM attendance WHERE status != 'observer'");
    expect(absentShare).toBeGreaterThan(0.03);
    expect(absentShare).toBeLessThan(0.2);
    const history = rows<{ memberId: number; status: string }>(`SELECT x.member_id AS memberId, x.status FROM attendance x JOIN activities a ON a.id = x.activity_id
      WHERE a.type IN ('branchAssembly','themeDay','partyLesson') AND x.member_id IS NOT NULL ORDER BY x.member_id, a.date, a.id`);
    const streaks = new Set<number>();
    let run = 0;
    history.forEach((h, i) => {
      run = h.status === 'absent' ? (i > 0 && history[i - 1]!.memberId === h.memberId ? run + 1 : 1) : 0;
      if (run >= 3) streaks.add(h.memberId);
    });
    expect(streaks.size).toBeGreaterThanOrEqual(3);
  });

  it('writes topics, hosts, recorders and minutes in Chinese', () => {
    const blank = count("SELECT count(*) AS n FROM activities WHERE topic = '' OR host IS NULL OR minutes IS NULL OR length(minutes) < 30");
    expect(blank).toBe(0);
    expect(count("SELECT count(*) AS n FROM activities WHERE topic LIKE '%二十届三中全会%'")).toBeGreaterThan(0);
    expect(count("SELECT count(*) AS n FROM activities WHERE type = 'partyLesson' AND lecturer IS NULL")).toBe(0);
  });
});

describe('demo street: determinism and safety', () => {
  it('the same seed and today give the same members; another seed gives others', () => {
    const written = rows<{ name: string; idNumber: string }>('SELECT name, id_number AS idNumber FROM members ORDER BY id');
    const again = planDemoStreet({ today: TODAY, seed: SEED }).street.members.map((m) => ({ name: m.name, idNumber: m.idNumber }));
    expect(again).toEqual(written);
    const other = planDemoStreet({ today: TODAY, seed: SEED + 1 }).street.members.map((m) => m.name);
    expect(other).not.toEqual(written.map((m) => m.name));
  });

  it('keeps member data out of the file and refuses to overwrite it', async () => {
    ledger.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = readFileSync(path);
    const name = rows<{ name: string }>('SELECT name FROM members WHERE length(name) = 3 LIMIT 1')[0]!.name;
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(bytes.includes(Buffer.from(name, 'utf8'))).toBe(false);
    await expect(createDemoStreet(path, TEST_PASSWORD, { today: TODAY, kdf: TEST_KDF })).rejects.toMatchObject({ code: 'LEDGER_EXISTS' });
  });
});
