// Migration 1: the whole schema of DOMAIN.md. Kept as a TS module so every runtime (tsx, vitest,
// the Electron bundle) loads it the same way.
import type { Migration } from './migration';

const sql = /* sql */ `
-- The whole ledger of DOMAIN.md. Dates are ISO 'YYYY-MM-DD' text, timestamps ISO 8601 UTC.
-- Nothing a person entered is ever deleted: orgs are dissolved, members change standing,
-- events and activities are voided; every change lands in audit_log.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL                       -- JSON
);

CREATE TABLE users (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  role        TEXT NOT NULL CHECK (role IN ('admin', 'clerk')),
  slot_id     TEXT NOT NULL UNIQUE,         -- the key slot in the keys file this user unlocks with
  created_at  TEXT NOT NULL,
  disabled_at TEXT
);

-- The organisation tree: committee → partyCommittee/generalBranch → branch → group.
CREATE TABLE orgs (
  id            INTEGER PRIMARY KEY,
  parent_id     INTEGER REFERENCES orgs(id),
  name          TEXT NOT NULL,
  short_name    TEXT,
  type          TEXT NOT NULL CHECK (type IN ('committee', 'partyCommittee', 'generalBranch', 'branch', 'jointBranch', 'temporaryBranch', 'group')),
  category      TEXT CHECK (category IN ('community', 'nonPublic', 'socialOrg', 'institution', 'resident')),
  founded_on    TEXT,
  address       TEXT,
  phone         TEXT,
  units         TEXT,                       -- joint branch: the member units, one per line
  term_years    INTEGER CHECK (term_years BETWEEN 1 AND 10),
  facilities    TEXT NOT NULL DEFAULT '[]', -- JSON array of 十有 item codes present
  instructor    TEXT,                       -- 党建工作指导员
  instructor_phone TEXT,
  sort_order    INTEGER NOT NULL DEFAULT 0,
  dissolved_on  TEXT,
  note          TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE INDEX orgs_parent ON orgs(parent_id);
CREATE UNIQUE INDEX orgs_live_name ON orgs(name) WHERE dissolved_on IS NULL;

-- 换届: each committee term; the current one is the latest not ended.
CREATE TABLE org_terms (
  id          INTEGER PRIMARY KEY,
  org_id      INTEGER NOT NULL REFERENCES orgs(id),
  elected_on  TEXT NOT NULL,
  expires_on  TEXT NOT NULL,
  ended_on    TEXT,
  note        TEXT,
  created_at  TEXT NOT NULL
);
CREATE INDEX org_terms_org ON org_terms(org_id);

-- 班子: committee members with roles, within a term.
CREATE TABLE org_roles (
  id          INTEGER PRIMARY KEY,
  org_id      INTEGER NOT NULL REFERENCES orgs(id),
  term_id     INTEGER REFERENCES org_terms(id),
  member_id   INTEGER REFERENCES members(id),
  person_name TEXT NOT NULL,                -- shown on registers; copied from the member when linked
  role        TEXT NOT NULL,                -- secretary, deputySecretary, organization, propaganda, discipline, youth, women, member, other
  role_label  TEXT,                         -- free Chinese label for 'other'
  from_date   TEXT,
  to_date     TEXT,
  sort_order  INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL
);
CREATE INDEX org_roles_org ON org_roles(org_id);

CREATE TABLE partner_units (
  id          INTEGER PRIMARY KEY,
  org_id      INTEGER NOT NULL REFERENCES orgs(id),
  name        TEXT NOT NULL,
  contact     TEXT,
  phone       TEXT,
  since       TEXT,
  until       TEXT,
  content     TEXT,                         -- what they build together
  created_at  TEXT NOT NULL
);
CREATE INDEX partner_units_org ON partner_units(org_id);

CREATE TABLE members (
  id              INTEGER PRIMARY KEY,
  id_number       TEXT NOT NULL UNIQUE,     -- 公民身份号码, 18 characters
  name            TEXT NOT NULL,
  gender          TEXT CHECK (gender IN ('男', '女')),
  ethnicity       TEXT,                     -- 民族
  birth_date      TEXT,
  native_place    TEXT,                     -- 籍贯
  education       TEXT,                     -- 学历, the label of shared/domain education list
  kind            TEXT NOT NULL CHECK (kind IN ('full', 'probationary')),
  joined_on       TEXT,                     -- 入党日期
  confirmed_on    TEXT,                     -- 转正日期
  org_id          INTEGER REFERENCES orgs(id),  -- current org (the last one once transferred out: see status)
  group_id        INTEGER REFERENCES orgs(id),  -- 党小组
  employer        TEXT,                     -- 工作单位及职务
  job             TEXT,                     -- 工作岗位
  phone           TEXT,
  address         TEXT,                     -- 现居住地
  standing        TEXT NOT NULL DEFAULT 'normal' CHECK (standing IN ('normal', 'suspended', 'left', 'deceased')),
  standing_reason TEXT,                     -- for 'left': persuaded (劝退), removed (除名), lapsed (自行脱党)
  standing_since  TEXT,
  status          TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'transferredOut')),
  categories      TEXT NOT NULL DEFAULT '[]', -- JSON array: employed, retired, unemployed, mobile, noPost, privateOwner, newEconomy, cadre
  skills          TEXT,                     -- 特长
  lost_contact_since TEXT,                  -- 失联 since (YYYY-MM)
  note            TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE INDEX members_org ON members(org_id);

-- Which org a member belonged to when: the roster as of any date, expected attendees.
CREATE TABLE member_org_spans (
  id          INTEGER PRIMARY KEY,
  member_id   INTEGER NOT NULL REFERENCES members(id),
  org_id      INTEGER NOT NULL REFERENCES orgs(id),
  from_date   TEXT NOT NULL,
  to_date     TEXT                          -- exclusive; NULL = still there
);
CREATE INDEX member_org_spans_org ON member_org_spans(org_id, from_date);
CREATE INDEX member_org_spans_member ON member_org_spans(member_id);

-- Dated history: joined, confirmed, probationExtended, probationCancelled, transferIn, transferOut,
-- transferInternal, standingChanged, appraisal, mobileOut, mobileIn, mobileReturn,
-- residentRegistered, residentEnded, postTaken, postLeft, fieldsUpdated, created.
CREATE TABLE member_events (
  id           INTEGER PRIMARY KEY,
  member_id    INTEGER NOT NULL REFERENCES members(id),
  type         TEXT NOT NULL,
  date         TEXT NOT NULL,
  from_org_id  INTEGER REFERENCES orgs(id),
  to_org_id    INTEGER REFERENCES orgs(id),
  other_org    TEXT,                        -- org outside the street, for transfers
  data         TEXT NOT NULL DEFAULT '{}',  -- JSON details (changed fields, grade, …)
  note         TEXT,
  voided_at    TEXT,
  void_reason  TEXT,
  created_at   TEXT NOT NULL,
  created_by   INTEGER REFERENCES users(id)
);
CREATE INDEX member_events_member ON member_events(member_id, date);

-- 流动党员: out (left to work elsewhere) or in (arrived from elsewhere).
CREATE TABLE mobile_records (
  id            INTEGER PRIMARY KEY,
  member_id     INTEGER NOT NULL REFERENCES members(id),
  direction     TEXT NOT NULL CHECK (direction IN ('out', 'in')),
  place         TEXT NOT NULL,              -- 流出地 / 流入地 (from where)
  unit          TEXT,                       -- workplace there
  card_number   TEXT,                       -- 流动党员活动证 number
  contact_phone TEXT,
  home_org      TEXT,                       -- for 'in': the member's own org elsewhere
  from_date     TEXT NOT NULL,
  to_date       TEXT,
  note          TEXT,
  created_at    TEXT NOT NULL
);
CREATE INDEX mobile_records_member ON mobile_records(member_id);

-- 在职党员报到 (双重管理).
CREATE TABLE resident_registrations (
  id                INTEGER PRIMARY KEY,
  member_id         INTEGER NOT NULL REFERENCES members(id),
  community_org_id  INTEGER NOT NULL REFERENCES orgs(id),
  unit_org          TEXT,                   -- the member's unit Party org
  registered_on     TEXT NOT NULL,
  ended_on          TEXT,
  is_cadre          INTEGER NOT NULL DEFAULT 0, -- 副科级以上党员干部
  service_intent    TEXT,                   -- what the member offers to do
  note              TEXT,
  created_at        TEXT NOT NULL
);
CREATE INDEX resident_registrations_member ON resident_registrations(member_id);

CREATE TABLE resident_feedback (
  id               INTEGER PRIMARY KEY,
  registration_id  INTEGER NOT NULL REFERENCES resident_registrations(id),
  period           TEXT NOT NULL,           -- 'YYYY-Qn'
  content          TEXT NOT NULL,
  sent_on          TEXT,
  created_at       TEXT NOT NULL
);

-- 设岗定责: posts (org_id NULL = the street-wide list) and who holds them.
CREATE TABLE posts (
  id          INTEGER PRIMARY KEY,
  org_id      INTEGER REFERENCES orgs(id),
  name        TEXT NOT NULL,
  duty        TEXT,
  retired_on  TEXT,
  created_at  TEXT NOT NULL
);

CREATE TABLE member_posts (
  id          INTEGER PRIMARY KEY,
  member_id   INTEGER NOT NULL REFERENCES members(id),
  post_id     INTEGER NOT NULL REFERENCES posts(id),
  from_date   TEXT NOT NULL,
  to_date     TEXT,
  pledge      TEXT,                         -- 承诺
  note        TEXT,
  created_at  TEXT NOT NULL
);
CREATE INDEX member_posts_member ON member_posts(member_id);
CREATE INDEX member_posts_post ON member_posts(post_id);

-- 党员联系户.
CREATE TABLE household_links (
  id          INTEGER PRIMARY KEY,
  member_id   INTEGER NOT NULL REFERENCES members(id),
  household   TEXT NOT NULL,                -- 户主
  address     TEXT,
  phone       TEXT,
  since       TEXT,
  until       TEXT,
  note        TEXT,
  created_at  TEXT NOT NULL
);
CREATE INDEX household_links_member ON household_links(member_id);

-- 民主评议党员: one grade per member and year; NULL grade = took part, not graded (probationary).
CREATE TABLE appraisals (
  id          INTEGER PRIMARY KEY,
  member_id   INTEGER NOT NULL REFERENCES members(id),
  year        INTEGER NOT NULL,
  org_id      INTEGER NOT NULL REFERENCES orgs(id),
  grade       TEXT CHECK (grade IN ('excellent', 'qualified', 'basicallyQualified', 'unqualified')),
  appraised_on TEXT NOT NULL,
  note        TEXT,
  created_at  TEXT NOT NULL,
  UNIQUE (member_id, year)
);

-- 党费: per member and month.
CREATE TABLE dues (
  id          INTEGER PRIMARY KEY,
  member_id   INTEGER NOT NULL REFERENCES members(id),
  month       TEXT NOT NULL,                -- 'YYYY-MM'
  income      REAL,                         -- after-tax monthly income the rate is based on
  rate        REAL,
  amount_due  REAL NOT NULL,
  amount_paid REAL,
  paid_on     TEXT,
  note        TEXT,
  created_at  TEXT NOT NULL,
  UNIQUE (member_id, month)
);

-- 发展党员 pipeline: applicant → activist → candidate → probationary (→ members row).
CREATE TABLE applicants (
  id                  INTEGER PRIMARY KEY,
  org_id              INTEGER NOT NULL REFERENCES orgs(id),
  name                TEXT NOT NULL,
  id_number           TEXT,
  gender              TEXT,
  birth_date          TEXT,
  applied_on          TEXT NOT NULL,        -- 入党申请
  talked_on           TEXT,                 -- 谈话 (within a month)
  activist_on         TEXT,                 -- 确定为入党积极分子
  sponsors            TEXT,                 -- 培养联系人
  candidate_on        TEXT,                 -- 确定为发展对象
  training_hours      REAL,
  political_review_on TEXT,
  introducers         TEXT,                 -- 入党介绍人
  admitted_on         TEXT,                 -- 支部大会接收为预备党员
  approved_on         TEXT,                 -- 上级党组织审批
  member_id           INTEGER REFERENCES members(id),
  stage               TEXT NOT NULL DEFAULT 'applicant' CHECK (stage IN ('applicant', 'activist', 'candidate', 'probationary', 'dropped')),
  note                TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
);

-- 活动 and 三会一课. Types are codes of shared/domain/activity-types; custom ones live in settings.
CREATE TABLE activities (
  id           INTEGER PRIMARY KEY,
  org_id       INTEGER NOT NULL REFERENCES orgs(id),
  type         TEXT NOT NULL,
  date         TEXT NOT NULL,
  start_time   TEXT,                        -- 'HH:mm'
  end_time     TEXT,
  place        TEXT,
  topic        TEXT NOT NULL,
  host         TEXT,                        -- 主持人
  recorder     TEXT,                        -- 记录人
  lecturer     TEXT,                        -- 党课 主讲人
  minutes      TEXT,
  decisions    TEXT,
  note         TEXT,
  copied_from  INTEGER REFERENCES activities(id),
  voided_at    TEXT,
  void_reason  TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);
CREATE INDEX activities_org_date ON activities(org_id, date);
CREATE INDEX activities_date ON activities(date);

-- Expected attendees and what became of each; observers who are not members carry only a name.
CREATE TABLE attendance (
  id            INTEGER PRIMARY KEY,
  activity_id   INTEGER NOT NULL REFERENCES activities(id),
  member_id     INTEGER REFERENCES members(id),
  person_name   TEXT,
  status        TEXT NOT NULL CHECK (status IN ('present', 'absent', 'observer')),
  absence_reason TEXT CHECK (absence_reason IN ('sick', 'business', 'away', 'other')),
  reason_text   TEXT,
  CHECK (member_id IS NOT NULL OR person_name IS NOT NULL),
  UNIQUE (activity_id, member_id)
);
CREATE INDEX attendance_member ON attendance(member_id);

CREATE TABLE attachments (
  id           INTEGER PRIMARY KEY,
  activity_id  INTEGER NOT NULL REFERENCES activities(id),
  file_name    TEXT NOT NULL,
  mime         TEXT NOT NULL,
  size         INTEGER NOT NULL,
  sha256       TEXT NOT NULL,
  data         BLOB NOT NULL,
  thumbnail    BLOB,
  caption      TEXT,
  voided_at    TEXT,
  created_at   TEXT NOT NULL
);
CREATE INDEX attachments_activity ON attachments(activity_id);

-- 责任书: a year's template of indicators, issued to branches as contracts (with per-branch copies
-- of the indicators so a branch can be adjusted), scored at year end in an assessment.
CREATE TABLE contract_templates (
  id           INTEGER PRIMARY KEY,
  year         INTEGER NOT NULL UNIQUE,
  title        TEXT NOT NULL,
  preamble     TEXT,                        -- the contract's opening text
  copied_from  INTEGER REFERENCES contract_templates(id),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);

CREATE TABLE template_indicators (
  id           INTEGER PRIMARY KEY,
  template_id  INTEGER NOT NULL REFERENCES contract_templates(id),
  category     TEXT NOT NULL,
  content      TEXT NOT NULL,
  points       REAL NOT NULL CHECK (points >= 0),
  rule_text    TEXT,                        -- the scoring rule in words
  source       TEXT NOT NULL CHECK (source IN ('manual', 'computed')),
  metric       TEXT,                        -- computed: the metric code
  scoring      TEXT NOT NULL DEFAULT '{}',  -- JSON: {mode: full|proportional|deduction, target, perMiss}
  sort_order   INTEGER NOT NULL DEFAULT 0,
  retired_at   TEXT
);
CREATE INDEX template_indicators_template ON template_indicators(template_id);

CREATE TABLE contracts (
  id           INTEGER PRIMARY KEY,
  template_id  INTEGER NOT NULL REFERENCES contract_templates(id),
  org_id       INTEGER NOT NULL REFERENCES orgs(id),
  year         INTEGER NOT NULL,
  issued_on    TEXT NOT NULL,
  signed_on    TEXT,
  withdrawn_at TEXT,
  created_at   TEXT NOT NULL,
  UNIQUE (org_id, year)
);

CREATE TABLE contract_indicators (
  id                     INTEGER PRIMARY KEY,
  contract_id            INTEGER NOT NULL REFERENCES contracts(id),
  template_indicator_id  INTEGER REFERENCES template_indicators(id),
  category               TEXT NOT NULL,
  content                TEXT NOT NULL,
  points                 REAL NOT NULL CHECK (points >= 0),
  rule_text              TEXT,
  source                 TEXT NOT NULL CHECK (source IN ('manual', 'computed')),
  metric                 TEXT,
  scoring                TEXT NOT NULL DEFAULT '{}',
  sort_order             INTEGER NOT NULL DEFAULT 0,
  retired_at             TEXT
);
CREATE INDEX contract_indicators_contract ON contract_indicators(contract_id);

CREATE TABLE assessments (
  id            INTEGER PRIMARY KEY,
  contract_id   INTEGER NOT NULL UNIQUE REFERENCES contracts(id),
  status        TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'confirmed')),
  confirmed_at  TEXT,
  confirmed_by  INTEGER REFERENCES users(id),
  note          TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);

CREATE TABLE assessment_scores (
  id                     INTEGER PRIMARY KEY,
  assessment_id          INTEGER NOT NULL REFERENCES assessments(id),
  contract_indicator_id  INTEGER NOT NULL REFERENCES contract_indicators(id),
  self_score             REAL,
  committee_score        REAL,
  computed_score         REAL,
  computed_detail        TEXT,              -- JSON: the figures behind a computed score
  override_reason        TEXT,              -- why committee_score differs from computed_score
  note                   TEXT,
  evidence               TEXT NOT NULL DEFAULT '[]', -- JSON: [{kind: activity|attachment, id}]
  UNIQUE (assessment_id, contract_indicator_id)
);

-- Who changed what, when: before → after as JSON. Inside the encrypted ledger like everything else.
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  user_id     INTEGER REFERENCES users(id),
  user_name   TEXT,
  action      TEXT NOT NULL,                -- create, update, void, dissolve, transfer, export, import, login, …
  entity      TEXT NOT NULL,
  entity_id   INTEGER,
  summary     TEXT,                         -- a Chinese sentence for the audit view
  before      TEXT,
  after       TEXT
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
`;

const migration: Migration = { name: 'initial', up: (db) => db.exec(sql) };
export default migration;
