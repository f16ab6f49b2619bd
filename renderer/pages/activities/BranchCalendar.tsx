// 日历: one branch's activities day by day (its groups' meetings included), with the month's rules
// above it, so a secretary sees at a glance what was held and what is still to do.
import { Calendar, Empty, Select, Space, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import type { ActivityRow } from '../../../shared/api/activities';
import { ledger } from '../../api';
import { useOrgs } from '../../org-context';
import { navigate } from '../../router';
import { newActivityHref } from './CellDrawer';
import { shortRule } from './ComplianceMatrix';
import { groupShort } from './data';
import { isBranchType } from '../../../shared/domain/org';
import { useLoad } from '../../hooks';
import { TONE_LABEL, toneOf } from './status';

const TONE_MARK = { met: '✓', missing: '✗', pending: '…', idle: '—' } as const;

const TYPE_COLOR: Record<string, string> = {
  branchAssembly: '#c8161d', committeeMeeting: '#d4380d', groupMeeting: '#d48806', partyLesson: '#7cb305',
  themeDay: '#08979c', lifeMeeting: '#1d39c4', heartTalk: '#531dab', memberAppraisal: '#c41d7f', remoteEducation: '#0958d9',
};

export function BranchCalendar({ year }: { year: number }) {
  const { orgId, orgs, byId, subtree } = useOrgs();
  const branches = useMemo(() => {
    const scope = orgId ? subtree(orgId) : null;
    return orgs.filter((o) => isBranchType(o.type) && (!scope || scope.has(o.id)));
  }, [orgs, orgId, subtree]);
  const chosenFromTree = orgId !== null ? byId.get(orgId) : undefined;
  const treeBranch = chosenFromTree ? (chosenFromTree.type === 'group' ? chosenFromTree.parentId : isBranchType(chosenFromTree.type) ? chosenFromTree.id : null) : null;
  const [picked, setPicked] = useState<number | null>(null);
  const branchId = treeBranch ?? (picked && branches.some((b) => b.id === picked) ? picked : (branches[0]?.id ?? null));
  const [month, setMonth] = useState<Dayjs>(() => (dayjs().year() === year ? dayjs() : dayjs(`${year}-01-01`)));
  const shown = month.year() === year ? month : dayjs(`${year}-${month.format('MM')}-01`);

  const { data: acts } = useLoad(
    () => (branchId ? ledger['activities.list']({ orgId: branchId, from: `${year}-01-01`, to: `${year}-12-31`, limit: 5000 }) : Promise.resolve([] as ActivityRow[])),
    [branchId, year],
  );
  const { data: report } = useLoad(() => (branchId ? ledger['activities.compliance']({ year, orgId: branchId }) : Promise.resolve(null)), [branchId, year]);
  const byDate = useMemo(() => {
    const m = new Map<string, ActivityRow[]>();
    for (const a of acts ?? []) m.set(a.date, [...(m.get(a.date) ?? []), a]);
    return m;
  }, [acts]);

  if (branches.length === 0) return <Empty description="所选范围内没有党支部" />;
  const monthKey = shown.format('YYYY-MM');
  const quarterKey = `${year}-Q${Math.ceil((shown.month() + 1) / 3)}`;
  const org = report?.orgs.find((o) => o.orgId === branchId);
  const strip = (org?.rules ?? [])
    .map((r) => ({ r, p: r.periods.find((p) => p.period === (r.period === 'month' ? monthKey : r.period === 'quarter' ? quarterKey : String(year))) }))
    .filter((x) => x.p);

  return (
    <div className="bc">
      <div className="bc-toolbar">
        {treeBranch === null ? (
          <Select
            className="bc-branch"
            showSearch={{ optionFilterProp: 'label' }}
            value={branchId ?? undefined}
            onChange={(v) => setPicked(v)}
            options={branches.map((b) => ({ value: b.id, label: b.name }))}
          />
        ) : (
          <Typography.Text strong>{byId.get(treeBranch)?.name}</Typography.Text>
        )}
        <Space size={[4, 4]} wrap className="bc-strip">
          <span className="bc-strip-label">{shown.month() + 1}月：</span>
          {strip.map(({ r, p }) => {
            const tone = toneOf(p!);
            return (
              <Tooltip key={r.ruleId} title={`${r.rule}（${r.period === 'month' ? '当月' : r.period === 'quarter' ? '当季' : '全年'}）：${TONE_LABEL[tone]}，${p!.count}/${p!.needed}`}>
                <span className={`bc-chip cm-${tone}`}>{TONE_MARK[tone]} {shortRule(r.rule)}</span>
              </Tooltip>
            );
          })}
        </Space>
      </div>
      <Calendar
        value={shown}
        onPanelChange={(d) => setMonth(d)}
        onSelect={(d, info) => {
          if (info.source !== 'date') return setMonth(d);
          if (!byDate.has(d.format('YYYY-MM-DD')) && branchId && !d.isAfter(dayjs(), 'day')) {
            navigate(newActivityHref({ orgId: branchId, date: d.format('YYYY-MM-DD'), back: '/activities?tab=calendar' }));
          }
        }}
        // Cells carry the shown value's time of day: a range ending at 31 December 00:00 left that day out.
        validRange={[dayjs(`${year}-01-01`), dayjs(`${year}-12-31`).endOf('day')]}
        cellRender={(d, info) => {
          if (info.type !== 'date') return info.originNode;
          const list = byDate.get(d.format('YYYY-MM-DD')) ?? [];
          return (
            <ul className="bc-day">
              {list.map((a) => (
                <li key={a.id}>
                  <a
                    href={`#/activities/${a.id}`}
                    onClick={(e) => e.stopPropagation()}
                    className="bc-act"
                    style={{ borderLeftColor: TYPE_COLOR[a.type] ?? '#8c8c8c' }}
                    title={`${a.typeLabel}：${a.topic}`}
                  >
                    {a.orgType === 'group' ? `${groupShort(a.orgName, a.branchName)}会` : a.typeLabel}
                  </a>
                </li>
              ))}
            </ul>
          );
        }}
      />
    </div>
  );
}
