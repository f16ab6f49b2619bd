import { z } from 'zod';
import type { CommitteeRole, FacilityCode, OrgCategory, OrgType } from '../domain/org';
import type { SettingIssue } from '../domain/org-setting';
import { OrgCreateSchema, OrgUpdateSchema, PartnerInputSchema, TermInputSchema } from '../schemas/org';
import { id, isoDate, optText } from '../schemas/common';
import { call } from './contract';

/** One node of the organisation tree as the left-hand tree and pickers show it. */
export type OrgNode = {
  id: number;
  parentId: number | null;
  name: string;
  shortName: string | null;
  type: OrgType;
  category: OrgCategory | null;
  dissolvedOn: string | null;
  sortOrder: number;
  /** Members on the roll directly in this org (not its descendants). */
  memberCount: number;
  /** 组织设置规则 the org breaks today (shared/domain/org-setting.ts). */
  settingIssues: SettingIssue[];
};

export type TermState = 'none' | 'inTerm' | 'expiringSoon' | 'expired';

export type OrgDetail = {
  org: {
    id: number; parentId: number | null; name: string; shortName: string | null; type: OrgType; category: OrgCategory | null;
    foundedOn: string | null; address: string | null; phone: string | null; units: string | null; termYears: number | null;
    facilities: FacilityCode[]; instructor: string | null; instructorPhone: string | null; sortOrder: number;
    dissolvedOn: string | null; note: string | null;
  };
  parentName: string | null;
  term: { id: number; electedOn: string; expiresOn: string; state: TermState; monthsLeft: number | null } | null;
  /** The committee of the current term, in order. */
  roles: { id: number; memberId: number | null; personName: string; role: CommitteeRole; roleLabel: string | null }[];
  pastTerms: { id: number; electedOn: string; expiresOn: string; endedOn: string | null }[];
  partners: { id: number; name: string; contact: string | null; phone: string | null; since: string | null; until: string | null; content: string | null }[];
  /** Members on the roll in the org and everything under it, by 人员类别. */
  members: { full: number; probationary: number; total: number; suspended: number };
  children: { id: number; name: string; type: OrgType; dissolvedOn: string | null; memberCount: number }[];
  /** 组织设置规则 the org breaks today: fewer than 3 full members, over 50, a joint branch over 5 units, committee size or term. */
  settingIssues: SettingIssue[];
  /** Recent changes to the org from the audit log, newest first. */
  history: { at: string; userName: string | null; summary: string | null }[];
};

export const orgsCalls = {
  /** Every org, flat (the renderer builds the tree); dissolved ones only when asked. */
  'orgs.tree': call<OrgNode[]>()(z.object({ includeDissolved: z.boolean().default(false) })),
  'orgs.get': call<OrgDetail>()(z.object({ id })),
  'orgs.create': call<{ id: number }>()(OrgCreateSchema),
  'orgs.update': call<{ id: number }>()(z.object({ id, patch: OrgUpdateSchema })),
  'orgs.move': call<{ id: number }>()(z.object({ id, parentId: id })),
  /** 撤销: kept in history with its date; refused while members or live sub-orgs remain. */
  'orgs.dissolve': call<{ id: number }>()(z.object({ id, date: isoDate('撤销日期'), note: optText(500) })),
  /** 换届: a new term with its committee; the previous term ends. */
  'orgs.elect': call<{ termId: number }>()(z.object({ orgId: id, term: TermInputSchema })),
  'orgs.addPartner': call<{ id: number }>()(z.object({ orgId: id, partner: PartnerInputSchema })),
  'orgs.endPartner': call<{ id: number }>()(z.object({ partnerId: id, date: isoDate('结束日期') })),
};
