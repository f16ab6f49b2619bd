// Step 5, the preview: what the import would do to this ledger. Each error-free row is resolved
// to its branch and either becomes a new member, an update of the member with that ID number
// (with the changed fields listed for the clerk before anything is written), or nothing.
import { today as localToday } from '../../shared/dates';
import { MEMBER_CATEGORY_LABELS, MEMBER_KIND_LABELS, type MemberCategory, type MemberKind } from '../../shared/domain/member';
import { memberProblems } from '../../shared/domain/member-rules';
import { isBranchType } from '../../shared/domain/org';
import { MemberFieldsSchema, type MemberFields } from '../../shared/schemas/member';
import type { Ledger } from '../ledger/ledger';
import { findMembersByIdNumbers, type MemberRow } from '../ledger/members';
import { findOrgByName } from '../ledger/orgs';
import type { Analysis, Surface } from './analyse';
import { extraFieldsOf } from './extras';
import { type IssueCode, isErrorCode } from './codes';
import { FIELD_LABELS, type ImportField } from './fields';
import type { ImportRow, Issue, MemberValues } from './rows';

export type PlanOptions = {
  /** --org: the branch of rows that name none. */
  org?: string | null;
  /** --create-orgs: branches not yet in the ledger are created (as 党支部 under the committee). */
  createOrgs?: boolean;
  today?: string;
  /** Who reads the messages: the CLI names its options, the app its controls. */
  surface?: Surface;
};

/** The member fields an import writes, in roster order. */
export const WRITTEN_FIELDS = [
  'name', 'gender', 'ethnicity', 'birthDate', 'nativePlace', 'education', 'kind', 'joinedOn', 'confirmedOn',
  'employer', 'job', 'phone', 'address', 'note', 'categories',
] as const;
export type WrittenField = (typeof WRITTEN_FIELDS)[number];

export type FieldChange = { field: WrittenField | 'org' | 'extra'; label: string; before: string | null; after: string | null };

export type PlannedRow = {
  source: ImportRow;
  /** Problems of the row, the ledger's (ORG_UNKNOWN …) included. */
  issues: Issue[];
  hasError: boolean;
  branch: string | null;
  action: 'create' | 'update' | 'unchanged' | 'reject';
  memberId?: number;
  changes: FieldChange[];
};

export type ImportPlan = {
  analysis: Analysis;
  rows: PlannedRow[];
  /** Branches the import would create (with --create-orgs). */
  orgsToCreate: string[];
  counts: { rows: number; valid: number; created: number; updated: number; unchanged: number; rejected: number };
  options: PlanOptions;
};

/** Org names carry no spaces; "青云社区 党支部" is 青云社区党支部. */
export const orgKey = (name: string): string => name.replace(/\s+/g, '');

/** Sheet names Excel and WPS give by default name no branch. */
const GENERIC_SHEET = /^(sheet|工作表|表|页)\s*\d*$/i;

type OrgResolution = { ok: true; id: number | null; name: string } | { ok: false; message: string };

function looksLikeBranch(name: string): boolean {
  return !/(党委|党工委|党总支|党组)$/.test(name);
}

/** A sheet name that reads as the name of an org (a sheet called 报名表 does not). */
const ORG_NAME = /(党支部|支部|党总支|党委|党小组)$/;

export function planImport(ledger: Ledger, analysis: Analysis, options: PlanOptions = {}): ImportPlan {
  const clockToday = localToday();
  const today = options.today ?? clockToday;
  // The row rules equal the service's checks when the engine's today is the clock's (see planCreate).
  const sameToday = today === clockToday;
  const orgCache = new Map<string, OrgResolution>();
  const orgsToCreate = new Set<string>();
  const cli = options.surface === 'cli';

  const resolveOrg = (rawName: string): OrgResolution => {
    const name = orgKey(rawName);
    const hit = orgCache.get(name);
    if (hit) return hit;
    let res: OrgResolution;
    const org = findOrgByName(ledger, name);
    if (org && isBranchType(org.type)) res = { ok: true, id: org.id, name: org.name };
    else if (org) res = { ok: false, message: `“${org.name}”不是党支部，党员只能编入党支部。请填写党员所在的党支部。` };
    else if (!options.createOrgs) {
      const create = cli ? '也可以加 --create-orgs，导入时自动建立它' : '也可以勾选“自动新建表中的党支部”';
      res = { ok: false, message: `台帐中没有“${name}”这个党支部。请先在“组织”中建立它，或核对名称；${create}。` };
    }
    else if (!looksLikeBranch(name)) res = { ok: false, message: `“${name}”不是党支部的名称，不能自动新建。请填写党员所在的党支部。` };
    else res = { ok: true, id: null, name };
    orgCache.set(name, res);
    return res;
  };

  // The branch of a sheet without a branch column: --org, else the sheet's own name when it is an
  // org of the ledger or (to be created) reads as the name of one.
  const sheetBranch = (sheet: string | null): string | null => {
    if (options.org) return options.org;
    if (sheet === null || GENERIC_SHEET.test(sheet.trim())) return null;
    if (findOrgByName(ledger, orgKey(sheet))) return sheet;
    return options.createOrgs && ORG_NAME.test(orgKey(sheet)) ? sheet : null;
  };
  const noBranch = (sheet: string | null): string => {
    const named = sheet === null || GENERIC_SHEET.test(sheet.trim()) ? '' : `，工作表名“${sheet}”也不是党支部的名称`;
    const fix = cli
      ? '请用 --map "列名=org" 指定党支部所在的列，或用 --org 党支部名称 指定全部党员的党支部'
      : '请在“核对表头”一步把党支部所在的列设为“所在党支部”，或在那里选择这些党员的党支部';
    return `不知道这名党员属于哪个党支部：表中没有党支部一列（如“所在党支部”“党支部名称”）${named}。${fix}。`;
  };

  // One query for the ID numbers already in the ledger; only those rows look their member up.
  const known = new Set(ledger.db.prepare('SELECT id_number FROM members').pluck().all() as string[]);
  const existingIds = analysis.rows.filter((r) => !r.hasError && known.has(r.values.idNumber!)).map((r) => r.values.idNumber!);
  const existingById = findMembersByIdNumbers(ledger, existingIds);
  const rows: PlannedRow[] = [];
  for (const source of analysis.rows) {
    const issues = [...source.issues];
    const push = (field: ImportField, code: IssueCode, message: string) => issues.push(issueAt(source, analysis, field, code, message));
    const branch = source.values.org ?? sheetBranch(source.sheet);
    let orgId: number | null = null;
    let orgResolved = false;
    if (!branch) {
      push('org', 'ORG_UNKNOWN', noBranch(source.sheet));
    } else {
      const res = resolveOrg(branch);
      if (!res.ok) push('org', 'ORG_UNKNOWN', res.message);
      else {
        orgId = res.id;
        orgResolved = true;
      }
    }

    const planned: PlannedRow = { source, issues, hasError: false, branch: branch ? orgKey(branch) : null, action: 'reject', changes: [] };
    if (!source.hasError && orgResolved) {
      const existing = existingById.get(source.values.idNumber!.toUpperCase());
      if (existing) planUpdate(ledger, planned, existing, orgId, today, push);
      else planCreate(planned, orgId, today, sameToday, push);
    }
    planned.hasError = issues.some((i) => isErrorCode(i.code));
    if (planned.hasError) {
      planned.action = 'reject';
      planned.changes = [];
    } else if (orgId === null && planned.branch) {
      orgsToCreate.add(planned.branch);
    }
    rows.push(planned);
  }

  const count = (a: PlannedRow['action']) => rows.filter((r) => r.action === a).length;
  return {
    analysis,
    rows,
    orgsToCreate: [...orgsToCreate],
    counts: {
      rows: rows.length, valid: rows.filter((r) => !r.hasError).length,
      created: count('create'), updated: count('update'), unchanged: count('unchanged'), rejected: count('reject'),
    },
    options: { ...options, today },
  };
}

function issueAt(source: ImportRow, analysis: Analysis, field: ImportField, code: IssueCode, message: string): Issue {
  const col = analysis.sheets[source.sheetIndex]?.table?.columns.find((c) => c.field === field);
  return {
    sheet: source.sheet, row: source.row, column: col?.header || FIELD_LABELS[field], columnIndex: col ? col.index : null,
    field, code, severity: isErrorCode(code) ? 'error' : 'warning', message,
  };
}

/** The member input a row makes (the values a row does not hold stay out). */
export function memberInput(values: MemberValues): Pick<MemberValues, WrittenField> & { idNumber: string } {
  const out: Pick<MemberValues, WrittenField> & { idNumber: string } = { idNumber: values.idNumber! };
  for (const f of WRITTEN_FIELDS) {
    if (f === 'kind' && values.kindInferred) continue;
    const v = values[f];
    if (v !== undefined) (out as Record<string, unknown>)[f] = v;
  }
  return out;
}

const shown = (field: WrittenField, v: unknown): string | null => {
  if (field === 'categories') return Array.isArray(v) && v.length > 0 ? (v as MemberCategory[]).map((c) => MEMBER_CATEGORY_LABELS[c]).join('、') : null;
  return v === null || v === undefined || v === '' ? null : field === 'kind' ? MEMBER_KIND_LABELS[v as MemberKind] : String(v);
};
const labelOf = (f: WrittenField): string => (f === 'categories' ? FIELD_LABELS.category : FIELD_LABELS[f]);

// A field the service refuses becomes an error of the row, so the commit cannot fail half-way.
const SCHEMA_CODES: Record<string, IssueCode> = {
  ID_FORMAT: 'ID_FORMAT', ID_CHECKSUM: 'ID_CHECKSUM', BIRTH_MISMATCH: 'BIRTH_MISMATCH', GENDER_MISMATCH: 'GENDER_MISMATCH',
  DATE_FUTURE: 'DATE_FUTURE', DATE_ORDER: 'DATE_ORDER', PROBATION_WITH_DATE: 'PROBATION_WITH_DATE',
};
const FIELD_OF: Record<string, ImportField> = {
  name: 'name', idNumber: 'idNumber', gender: 'gender', ethnicity: 'ethnicity', birthDate: 'birthDate', nativePlace: 'nativePlace',
  education: 'education', kind: 'kind', joinedOn: 'joinedOn', confirmedOn: 'confirmedOn', employer: 'employer', job: 'job',
  phone: 'phone', address: 'address', note: 'note', orgId: 'org',
};

type Push = (field: ImportField, code: IssueCode, message: string) => void;

function schemaIssues(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string; params?: unknown }[] } }, push: Push, prefix = ''): void {
  if (result.success || !result.error) return;
  for (const i of result.error.issues) {
    const key = String(i.path[0] ?? 'name');
    const code = SCHEMA_CODES[(i.params as { code?: string } | undefined)?.code ?? ''] ?? 'TEXT_INVALID';
    push(FIELD_OF[key] ?? 'note', code, `${prefix}${FIELD_LABELS[FIELD_OF[key] ?? 'note']}：${i.message}`);
  }
}

// The engine's dates are always sound ISO dates; the schema checks the rest (lengths, kinds).
const FACTS_SCHEMA = MemberFieldsSchema.omit({ birthDate: true, joinedOn: true, confirmedOn: true });

type CheckedFields = Omit<MemberFields, 'birthDate' | 'joinedOn' | 'confirmedOn'>;
// Kept beside the plan (not in it: reports and the UI see the plan), so the commit need not parse
// the rows again; a plan without them (e.g. a copy) is committed through the full service path.
const plannedFacts = new WeakMap<PlannedRow, CheckedFields>();

/** The checked facts of a row the plan creates, in the given branch; valid as of plan.options.today. */
export function factsOf(row: PlannedRow, orgId: number): MemberFields | undefined {
  const fields = plannedFacts.get(row);
  if (!fields) return undefined;
  const v = row.source.values;
  // Copied then set (a spread with overriding keys is several times slower, per row of 5,000).
  const facts = Object.assign({}, fields) as MemberFields;
  facts.orgId = orgId;
  // What optDate makes of the engine's (sound ISO or blank) dates.
  facts.birthDate = v.birthDate || null;
  facts.joinedOn = v.joinedOn || null;
  facts.confirmedOn = v.confirmedOn || null;
  return facts;
}

function planCreate(planned: PlannedRow, orgId: number | null, today: string, sameToday: boolean, push: Push): void {
  // orgId 1 stands in for a branch still to be created: only the member's own facts are checked.
  const values = planned.source.values;
  // Set on the fresh object, not spread over it (kind may be there already: an overriding spread is slow per row).
  const input: ReturnType<typeof memberInput> & { orgId?: number } = memberInput(values);
  input.kind = values.kind;
  input.orgId = orgId ?? 1;
  const fields = FACTS_SCHEMA.safeParse(input);
  if (!fields.success) {
    schemaIssues(fields, push);
    return;
  }
  // The same checks createMember makes (MemberCreateSchema), so the commit cannot fail on them.
  // The row rules already made these checks, identically unless a date was only year-month
  // (compared by month there, by day in the service) or the engine's today is not the clock's.
  const partial = planned.source.issues.some((i) => i.code === 'DATE_PARTIAL');
  if (!partial && sameToday) {
    planned.action = 'create';
    plannedFacts.set(planned, fields.data);
    return;
  }
  const problems = memberProblems({ ...fields.data, birthDate: values.birthDate, joinedOn: values.joinedOn, confirmedOn: values.confirmedOn }, today);
  for (const p of problems) push(FIELD_OF[p.field] ?? 'note', SCHEMA_CODES[p.code] ?? 'TEXT_INVALID', `${p.message}。请核对。`);
  if (problems.length > 0) return;
  planned.action = 'create';
  planned.changes = [];
  plannedFacts.set(planned, fields.data);
}

function planUpdate(ledger: Ledger, planned: PlannedRow, existing: MemberRow, orgId: number | null, today: string, push: Push): void {
  planned.memberId = existing.id;
  const input = memberInput(planned.source.values);
  const changes: FieldChange[] = [];
  for (const f of WRITTEN_FIELDS) {
    const next = input[f];
    if (next === undefined) continue; // a blank cell leaves what the ledger holds
    if (f === 'categories') {
      // Categories are added to the member's, never taken away by a roster that names one.
      const merged = [...new Set([...existing.categories, ...(next as MemberCategory[])])];
      if (merged.length !== existing.categories.length) {
        input.categories = merged;
        planned.source.values.categories = merged; // what the commit writes
        changes.push({ field: f, label: labelOf(f), before: shown(f, existing.categories), after: shown(f, merged) });
      }
      continue;
    }
    const before = existing[f] as string | null;
    if ((before ?? null) !== next) changes.push({ field: f, label: labelOf(f), before: shown(f, before), after: shown(f, next) });
  }
  // Extra fields kept from columns the ledger has no field for.
  const extras = planned.source.values.extras;
  if (extras) {
    const had = new Map(extraFieldsOf(ledger, existing.id).map((e) => [e.name, e.value]));
    for (const [name, value] of Object.entries(extras)) {
      if (had.get(name) !== value) changes.push({ field: 'extra', label: `附加信息“${name}”`, before: had.get(name) ?? null, after: value });
    }
  }
  if (orgId !== existing.orgId) {
    if (existing.status !== 'active' || existing.standing === 'left' || existing.standing === 'deceased') {
      push('org', 'MEMBER_INACTIVE', `台帐中“${existing.name}”的组织关系已转出或已不在党内，不能通过导入调整支部。请在党员档案中办理。`);
      return;
    }
    const beforeName = existing.orgId ? ledger.db.prepare('SELECT name FROM orgs WHERE id = ?').pluck().get(existing.orgId) as string : null;
    changes.push({ field: 'org', label: FIELD_LABELS.org, before: beforeName, after: planned.branch });
  }
  if (changes.length === 0) {
    planned.action = 'unchanged';
    return;
  }
  // The merged record must pass the same checks the service makes, or the commit would fail.
  const merged = { ...existing, ...Object.fromEntries(changes.filter((c) => c.field !== 'org' && c.field !== 'extra').map((c) => [c.field, input[c.field as WrittenField]])) };
  const facts = MemberFieldsSchema.safeParse({ ...merged, orgId: existing.orgId ?? 1 });
  if (!facts.success) {
    schemaIssues(facts, push, '与台帐中已有信息合并后，');
    return;
  }
  const problems = memberProblems(facts.data, today);
  for (const p of problems) {
    push(FIELD_OF[p.field] ?? 'note', SCHEMA_CODES[p.code] ?? 'TEXT_INVALID', `与台帐中已有信息合并后：${p.message}。请核对表中或台帐中的信息。`);
  }
  if (problems.length > 0) return;
  planned.changes = changes;
  planned.action = 'update';
}
