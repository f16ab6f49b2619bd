// Puts the demo street into the ledger with prepared statements: it is seed data (~250k rows),
// so the services' one-row-per-call path would take minutes; the caller runs this in one tx.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { DemoActivity, DemoDues, DemoMember, DemoRole, DemoStreet } from './model';
import { memberEvents } from './events';
import { backfillDuesRecords } from '../migrations/004-dues-admission';

export function writeStreet(db: Database, street: DemoStreet, extra: { streetSeats: DemoRole[]; activities: DemoActivity[]; dues: DemoDues[] }, at: string): void {
  writeOrgs(db, street, at);
  writeMembers(db, street.members, at);
  writeRoles(db, street, extra.streetSeats, at);
  writeApplicants(db, street, at);
  writeActivities(db, extra.activities, at);
  writeDues(db, extra.dues, at);
  writeRemittances(db, street.today, at);
}

function writeOrgs(db: Database, street: DemoStreet, at: string): void {
  const org = db.prepare(`INSERT INTO orgs (id, parent_id, name, short_name, type, category, founded_on, address, phone, units, term_years, facilities,
    instructor, instructor_phone, sort_order, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`);
  const term = db.prepare('INSERT INTO org_terms (id, org_id, elected_on, expires_on, ended_on, created_at) VALUES (?,?,?,?,?,?)');
  const partner = db.prepare('INSERT INTO partner_units (org_id, name, contact, phone, since, until, content, created_at) VALUES (?,?,?,?,?,?,?,?)');
  for (const o of street.orgs) {
    org.run(o.id, o.parentId, o.name, o.shortName, o.type, o.category, o.foundedOn, o.address, o.phone, o.units ? o.units.join('\n') : null,
      o.termYears, JSON.stringify(o.facilities), o.instructor, o.instructorPhone, o.sortOrder, at, at);
    for (const t of o.terms) term.run(t.id, o.id, t.electedOn, t.expiresOn, t.endedOn, at);
    for (const p of o.partners) partner.run(o.id, p.name, p.contact, p.phone, p.since, p.until, p.content, at);
  }
}

function writeRoles(db: Database, street: DemoStreet, seats: DemoRole[], at: string): void {
  const role = db.prepare(`INSERT INTO org_roles (org_id, term_id, member_id, person_name, role, role_label, from_date, to_date, sort_order, created_at)
    VALUES (?,?,?,?,?,?,?,?,?,?)`);
  seats.forEach((r, i) => role.run(street.committee.id, null, r.memberId, r.personName, r.role, r.roleLabel, r.fromDate, r.toDate, i, at));
  for (const o of street.orgs) {
    for (const t of o.terms) t.roles.forEach((r, i) => role.run(o.id, t.id, r.memberId, r.personName, r.role, r.roleLabel, r.fromDate, r.toDate, i, at));
    if (o.type === 'group' && o.leaderId) {
      const leader = street.members.find((m) => m.id === o.leaderId)!;
      const since = street.orgs.find((p) => p.id === o.parentId)?.terms.at(-1)?.electedOn ?? o.foundedOn;
      role.run(o.id, null, leader.id, leader.name, 'other', '党小组组长', since, null, 0, at);
    }
  }
}

function writeMembers(db: Database, members: DemoMember[], at: string): void {
  const member = db.prepare(`INSERT INTO members (id, id_number, name, gender, ethnicity, birth_date, native_place, education, kind, joined_on, confirmed_on,
    org_id, group_id, employer, job, phone, address, standing, standing_reason, standing_since, status, categories, skills, lost_contact_since, note,
    created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`);
  const span = db.prepare('INSERT INTO member_org_spans (member_id, org_id, from_date, to_date) VALUES (?,?,?,?)');
  const groupSpan = db.prepare('INSERT INTO member_group_spans (member_id, group_id, from_date, to_date) VALUES (?,?,?,?)');
  const event = db.prepare(`INSERT INTO member_events (member_id, type, date, from_org_id, to_org_id, other_org, data, note, created_at)
    VALUES (?,?,?,?,?,?,?,?,?)`);
  const mobile = db.prepare(`INSERT INTO mobile_records (member_id, direction, place, unit, card_number, contact_phone, home_org, from_date, to_date, created_at)
    VALUES (?,?,?,?,?,?,?,?,?,?)`);
  const resident = db.prepare(`INSERT INTO resident_registrations (id, member_id, community_org_id, unit_org, registered_on, ended_on, is_cadre, service_intent, created_at)
    VALUES (?,?,?,?,?,?,?,?,?)`);
  const feedback = db.prepare('INSERT INTO resident_feedback (registration_id, period, attended, services, hours, comment, sent_on, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)');
  const memberPost = db.prepare('INSERT INTO member_posts (member_id, post_id, from_date, to_date, pledge, created_at) VALUES (?,?,?,?,?,?)');
  const appraisal = db.prepare('INSERT INTO appraisals (member_id, year, org_id, grade, appraised_on, note, created_at) VALUES (?,?,?,?,?,?,?)');

  for (const m of members) {
    const last = m.spans[m.spans.length - 1]!;
    const out = last.end === 'transferOut';
    member.run(m.id, m.idNumber, m.name, m.gender, m.ethnicity, m.birthDate, m.nativePlace, m.education, m.kind, m.joinedOn, m.confirmedOn,
      last.orgId, out ? null : m.groupId, m.employer, m.job, m.phone, m.address, m.standing, m.standingReason, m.standingSince,
      out ? 'transferredOut' : 'active', JSON.stringify(m.categories), m.skills, m.lostContactSince, m.note, at, at);
    for (const s of m.spans) span.run(m.id, s.orgId, s.from, s.to);
    if (!out && m.groupId) groupSpan.run(m.id, m.groupId, last.from, last.to);
    for (const e of memberEvents(m)) event.run(m.id, e.type, e.date, e.fromOrgId, e.toOrgId, e.otherOrg, JSON.stringify(e.data), e.note, at);
    for (const r of m.mobile) mobile.run(m.id, r.direction, r.place, r.unit, r.cardNumber, r.contactPhone, r.homeOrg, r.from, r.to, at);
    for (const r of m.residents) {
      resident.run(r.id, m.id, r.communityOrgId, r.unitOrg, r.registeredOn, r.endedOn, r.isCadre ? 1 : 0, r.serviceIntent, at);
      for (const f of r.feedback) feedback.run(r.id, f.period, f.attended, f.services, f.hours, f.comment, f.sentOn, at, at);
    }
    for (const p of m.posts) memberPost.run(m.id, p.postId, p.from, p.to, p.pledge, at);
    for (const a of m.appraisals) appraisal.run(m.id, a.year, a.orgId, a.grade, a.date, a.note, at);
  }
}

function writeApplicants(db: Database, street: DemoStreet, at: string): void {
  const applicant = db.prepare(`INSERT INTO applicants (org_id, name, id_number, gender, birth_date, applied_on, talked_on, activist_on, sponsors, candidate_on,
    training_hours, political_review_on, introducers, admitted_on, approved_on, member_id, stage, note, created_at, updated_at, reviews, publicity_from, publicity_to)
    VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`);
  for (const a of street.applicants) {
    applicant.run(a.orgId, a.name, a.idNumber, a.gender, a.birthDate, a.appliedOn, a.talkedOn, a.activistOn, a.sponsors, a.candidateOn, a.trainingHours,
      a.politicalReviewOn, a.introducers, a.admittedOn, a.approvedOn, a.memberId, a.stage, a.note, at, at, JSON.stringify(a.reviews), a.publicityFrom, a.publicityTo);
  }
}

function writeActivities(db: Database, activities: DemoActivity[], at: string): void {
  const activity = db.prepare(`INSERT INTO activities (id, org_id, type, date, start_time, end_time, place, topic, host, recorder, lecturer, minutes, decisions,
    created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`);
  const attendance = db.prepare('INSERT INTO attendance (activity_id, member_id, person_name, status, absence_reason, reason_text) VALUES (?,?,?,?,?,?)');
  for (const a of activities) {
    activity.run(a.id, a.orgId, a.type, a.date, a.startTime, a.endTime, a.place, a.topic, a.host, a.recorder, a.lecturer, a.minutes, a.decisions, at, at);
    for (const x of a.attendance) attendance.run(a.id, x.memberId, x.personName, x.status, x.reason, x.reasonText);
  }
}

function writeDues(db: Database, dues: DemoDues[], at: string): void {
  const row = db.prepare('INSERT INTO dues (member_id, month, income, rate, amount_due, amount_paid, paid_on, note, created_at) VALUES (?,?,?,?,?,?,?,?,?)');
  for (const d of dues) row.run(d.memberId, d.month, d.income, d.rate, d.amountDue, d.amountPaid, d.paidOn, d.note, at);
  backfillDuesRecords(db, at);
}

/** 上缴: each branch remits a month's collected dues on the 10th of the next; the last month ended is not remitted yet. */
function writeRemittances(db: Database, today: string, at: string): void {
  db.prepare(`INSERT INTO dues_remittances (org_id, month, remitted_on, amount_fen, recipient, receipt_no, created_at)
    SELECT s.org_id, d.month, date(d.month || '-01', '+1 month', '+9 days'), sum(round(d.amount_paid * 100)), '街道党工委',
      'SJ' || replace(d.month, '-', '') || '-' || s.org_id, ?
    FROM dues d JOIN member_org_spans s ON s.member_id = d.member_id
      AND s.from_date <= date(d.month || '-01', '+1 month', '-1 day') AND (s.to_date IS NULL OR s.to_date > d.month || '-01')
    WHERE d.amount_paid IS NOT NULL AND d.month < strftime('%Y-%m', date(?, 'start of month', '-1 month'))
    GROUP BY s.org_id, d.month ORDER BY s.org_id, d.month`).run(at, today);
}
