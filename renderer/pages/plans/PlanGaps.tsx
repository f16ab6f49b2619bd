// 年初有计划、年终有总结: the branches under the chosen org whose plan (by 1 March) or summary (by
// 31 December) is missing or came late — on 计划与总结 and beside the activities' compliance matrix.
import { Alert } from 'antd';
import type { PlanGap } from '../../../shared/api/plans';
import { PLAN_KIND_LABELS } from '../../../shared/domain/posts';
import { ledger } from '../../api';
import { cnDate } from '../../format';
import { useLoad } from '../../hooks';
import { useOrgs } from '../../org-context';
import './plans.css';

function gapText(g: PlanGap): string {
  return g.state === 'missing' ? `截至 ${cnDate(g.deadline)} 未报送` : `${cnDate(g.submittedOn)} 逾期报送`;
}

export function PlanGaps({ orgId, year }: { orgId: number | null; year: number }) {
  const { data } = useLoad(() => ledger['plans.gaps']({ orgId, year }), [orgId, year]);
  const { setOrgId } = useOrgs();
  if (!data || data.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="block-gap plan-gaps"
      title={`${year}年 ${new Set(data.map((g) => g.orgId)).size} 个党支部的计划或总结未按时报送`}
      description={
        <ul>
          {data.map((g) => (
            <li key={`${g.orgId}-${g.kind}`}>
              <a onClick={() => setOrgId(g.orgId)}>{g.orgName}</a>：{PLAN_KIND_LABELS[g.kind]}{gapText(g)}
            </li>
          ))}
        </ul>
      }
    />
  );
}
