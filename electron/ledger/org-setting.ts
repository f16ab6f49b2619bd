// 组织设置规则 on one day: each live org's members (member-state.ts), units and committee, checked by
// the pure rules of shared/domain/org-setting.ts. Shown by `verify` as 提示 and on 首页's 需要关注.
import { today } from '../../shared/dates';
import { settingIssues, unitList, type SettingRule } from '../../shared/domain/org-setting';
import type { Ledger } from './ledger';
import { countsByOrg, membersOn } from './member-state';
import { currentTerm, listOrgs, listRoles } from './orgs';

export type SettingFinding = { orgId: number; orgName: string; rule: SettingRule; message: string };

export function settingFindings(ledger: Ledger, on: string = today(), scope?: ReadonlySet<number>): SettingFinding[] {
  const counts = countsByOrg(membersOn(ledger, on));
  return listOrgs(ledger)
    .filter((o) => o.type !== 'group' && (!scope || scope.has(o.id)))
    .flatMap((o) => {
      const term = currentTerm(ledger, o.id);
      const seats = term ? listRoles(ledger, o.id, term.id) : [];
      const c = counts.get(o.id) ?? { full: 0, probationary: 0 };
      const facts = {
        type: o.type, ...c, units: unitList(o.units),
        committeeSize: term ? new Set(seats.map((r) => r.memberId ?? r.personName)).size : null,
        termExpiresOn: term?.expiresOn ?? null,
      };
      return settingIssues(facts, on).map((i) => ({ orgId: o.id, orgName: o.name, ...i }));
    });
}
