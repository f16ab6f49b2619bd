// Member calls over electron/ledger/members.ts. The list adds what only the renderer's search
// needs (pinyin, missing fields, open mobile records); the rest passes through.
import { pinyin } from 'pinyin-pro';
import type { MemberDetail, MemberListRow } from '../../shared/api/members';
import type { AppraisalGrade } from '../../shared/domain/member';
import { missingFields, openMobile, probationEndsOn, probationExtensions } from '../ledger/dashboard';
import type { Ledger } from '../ledger/ledger';
import { membersOn } from '../ledger/member-state';
import {
  assignPost, changeStanding, confirmMember, correctMemberEventDate, voidMember, voidMemberEvent, createMember, endMobile, endResident, extendProbation, getMember,
  leavePost, listMembers, listMemberPosts, listMobileRecords, listPosts, listResidentRegistrations, memberHistory,
  regainContact, registerResident, startMobile, transferIn, transferInternal, transferOut, updateMember,
} from '../ledger/members';
import { listContacts } from '../ledger/households';
import { getOrg } from '../ledger/orgs';
import { bulkMemberAction } from '../ledger/members-bulk';
import { memberListWorkbook } from '../reports/member-list';
import type { HandlerMap } from './handlers';

/** Names repeat across runs and calls; pinyin of 5,000 names costs ~300 ms cold. */
const pinyinCache = new Map<string, { initials: string; full: string }>();
export function pinyinOf(name: string): { initials: string; full: string } {
  let hit = pinyinCache.get(name);
  if (!hit) {
    const opts = { toneType: 'none', type: 'array', surname: 'head', v: true } as const;
    hit = {
      initials: pinyin(name, { ...opts, pattern: 'first' }).join('').toLowerCase(),
      full: pinyin(name, opts).join('').toLowerCase(),
    };
    pinyinCache.set(name, hit);
  }
  return hit;
}

function list(ledger: Ledger, includeInactive: boolean, asOf?: string): MemberListRow[] {
  // As of a date: the roll that day, each member as they stood then (member-state.ts).
  const states = asOf ? membersOn(ledger, asOf) : null;
  const rows = states ?? listMembers(ledger, { includeInactive });
  const mobile = states ? new Map(states.flatMap((m) => (m.mobile ? [[m.id, m.mobile.direction] as const] : []))) : openMobile(ledger);
  return rows.map((m) => {
    const py = pinyinOf(m.name);
    return {
      id: m.id, name: m.name, initials: py.initials, pinyin: py.full, idNumber: m.idNumber, gender: m.gender, birthDate: m.birthDate,
      education: m.education, kind: m.kind, joinedOn: m.joinedOn, confirmedOn: m.confirmedOn,
      orgId: m.orgId, orgName: m.orgName, groupName: m.groupName,
      categories: m.categories, standing: m.standing, status: m.status, phone: m.phone, job: m.job,
      mobile: mobile.get(m.id) ?? null, missing: missingFields(m),
    };
  });
}

function detail(ledger: Ledger, id: number): MemberDetail {
  const m = getMember(ledger, id);
  const appraisals = ledger.db
    .prepare('SELECT a.year, a.grade, o.name AS orgName, a.appraised_on AS appraisedOn FROM appraisals a JOIN orgs o ON o.id = a.org_id WHERE a.member_id = ? ORDER BY a.year DESC')
    .all(id) as { year: number; grade: AppraisalGrade | null; orgName: string; appraisedOn: string }[];
  return {
    member: m,
    orgName: m.orgId ? getOrg(ledger, m.orgId).name : null,
    groupName: m.groupId ? getOrg(ledger, m.groupId).name : null,
    voided: (ledger.db.prepare('SELECT voided_at AS at, void_reason AS reason FROM members WHERE id = ? AND voided_at IS NOT NULL').get(id) as MemberDetail['voided'] | undefined) ?? null,
    missing: missingFields(m),
    probationEndsOn: m.kind === 'probationary' ? probationEndsOn(m.joinedOn, probationExtensions(ledger).get(id) ?? 0) : null,
    history: memberHistory(ledger, id),
    posts: listMemberPosts(ledger, id),
    households: listContacts(ledger, { memberId: id }),
    mobile: listMobileRecords(ledger, id),
    residents: listResidentRegistrations(ledger, id),
    appraisals,
  };
}

type MemberMethods =
  | 'members.list' | 'members.get' | 'members.create' | 'members.update' | 'members.transferOut' | 'members.transferIn' | 'members.transferInternal'
  | 'members.confirm' | 'members.extendProbation' | 'members.changeStanding' | 'members.startMobile' | 'members.endMobile'
  | 'members.registerResident' | 'members.endResident' | 'members.posts' | 'members.assignPost' | 'members.leavePost'
  | 'members.void' | 'members.voidEvent' | 'members.correctEventDate' | 'members.regainContact' | 'members.exportList' | 'members.bulk';

export const membersHandlers: HandlerMap<MemberMethods> = {
  'members.list': (state, { includeInactive, asOf }) => list(state.requireLedger(), includeInactive, asOf),
  'members.get': (state, { id }) => detail(state.requireLedger(), id),
  'members.create': (state, input) => ({ id: createMember(state.requireLedger(), input) }),
  'members.update': (state, { id, patch, date, note }) => ({ id, changed: updateMember(state.requireLedger(), id, patch, { date, note }).changed }),
  'members.transferOut': (state, { id, ...input }) => {
    transferOut(state.requireLedger(), id, input);
    return { id };
  },
  'members.transferIn': (state, input) => ({ id: transferIn(state.requireLedger(), input) }),
  'members.transferInternal': (state, { id, ...input }) => {
    transferInternal(state.requireLedger(), id, input);
    return { id };
  },
  'members.confirm': (state, { id, date, note, earlyReason }) => {
    confirmMember(state.requireLedger(), id, { date, note, earlyReason });
    return { id };
  },
  'members.void': (state, { id, reason }) => {
    voidMember(state.requireLedger(), id, { reason });
    return { id };
  },
  'members.voidEvent': (state, { eventId, reason }) => {
    voidMemberEvent(state.requireLedger(), eventId, { reason });
    return { id: eventId };
  },
  'members.correctEventDate': (state, { eventId, date, reason }) => ({ id: correctMemberEventDate(state.requireLedger(), eventId, { date, reason }) }),
  'members.extendProbation': (state, { id, date, note, months }) => {
    extendProbation(state.requireLedger(), id, { date, note, months });
    return { id };
  },
  'members.changeStanding': (state, { id, ...input }) => {
    changeStanding(state.requireLedger(), id, input);
    return { id };
  },
  'members.startMobile': (state, { id, record }) => ({ id: startMobile(state.requireLedger(), id, record) }),
  'members.endMobile': (state, { recordId, date, note }) => {
    endMobile(state.requireLedger(), recordId, { date, note });
    return { id: recordId };
  },
  'members.registerResident': (state, { id, registration }) => ({ id: registerResident(state.requireLedger(), id, registration) }),
  'members.endResident': (state, { registrationId, date, note }) => {
    endResident(state.requireLedger(), registrationId, { date, note });
    return { id: registrationId };
  },
  'members.posts': (state) => listPosts(state.requireLedger()).map((p) => ({ id: p.id, name: p.name, duty: p.duty })),
  'members.assignPost': (state, { id, ...input }) => ({ id: assignPost(state.requireLedger(), id, input) }),
  'members.leavePost': (state, { memberPostId, date }) => {
    leavePost(state.requireLedger(), memberPostId, { date });
    return { id: memberPostId };
  },
  'members.exportList': async (state, input) => {
    const ledger = state.requireLedger();
    const { fileName, data, rows } = await memberListWorkbook(ledger, input);
    ledger.tx(() => ledger.audit({ action: 'export', entity: 'member', summary: `导出党员名单 ${rows} 人${input.filters ? `（${input.filters}）` : ''}`, after: { file: fileName, rows, asOf: input.asOf ?? null, maskIds: input.maskIds } }));
    return { fileName, data };
  },
  'members.bulk': (state, { ids, action }) => ({ count: bulkMemberAction(state.requireLedger(), ids, action) }),
  'members.regainContact': (state, { id, date, note }) => {
    regainContact(state.requireLedger(), id, { date, note });
    return { id };
  },
};
