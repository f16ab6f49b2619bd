// 活动: the compliance matrix, the records, a calendar per branch and attendance; '#/activities/new'
// records an activity and '#/activities/<id>' opens one.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Tabs, Typography } from 'antd';
import { useOrgs } from '../../org-context';
import { navigate, useLocation } from '../../router';
import { ActivityEditor } from './ActivityEditor';
import { ActivityList } from './ActivityList';
import { AttendanceStats } from './AttendanceStats';
import { BranchCalendar } from './BranchCalendar';
import { newActivityHref } from './CellDrawer';
import { ComplianceMatrix } from './ComplianceMatrix';
import DuePanel from './DuePanel';
import { CURRENT_YEAR, goActivities } from './data';
import './activities.css';
import { PlanGaps } from '../plans/PlanGaps';

const TABS = [
  { key: 'matrix', label: '完成情况' },
  { key: 'list', label: '活动记录' },
  { key: 'calendar', label: '日历' },
  { key: 'attendance', label: '出勤统计' },
  { key: 'due', label: '待开展' },
] as const;

function Overview() {
  const { query } = useLocation();
  const { orgId, byId, pathName } = useOrgs();
  const tab = TABS.some((t) => t.key === query.get('tab')) ? query.get('tab')! : 'matrix';
  const y = Number(query.get('year'));
  const year = Number.isInteger(y) && y > 1990 && y <= CURRENT_YEAR ? y : CURRENT_YEAR;
  const chosen = orgId !== null ? byId.get(orgId) : undefined;
  const canRecordHere = chosen && chosen.type !== 'committee';

  return (
    <div className="act-page">
      <div className="page-header">
        <Space align="baseline" size={12}>
          <Typography.Title level={4}>活动与三会一课</Typography.Title>
          <span className="page-subtitle">{orgId !== null ? pathName(orgId) : '全街道'}</span>
        </Space>
        <Space>
          <Select
            value={year}
            onChange={(v) => goActivities({ year: v === CURRENT_YEAR ? null : v })}
            options={Array.from({ length: 6 }, (_, i) => CURRENT_YEAR - i).map((v) => ({ value: v, label: `${v} 年` }))}
            className="act-year"
            aria-label="年度"
          />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => navigate(canRecordHere ? newActivityHref({ orgId: chosen.id, back: window.location.hash.slice(1) }) : `/activities/new?back=${encodeURIComponent(window.location.hash.slice(1))}`)}
          >
            记录活动
          </Button>
        </Space>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(k) => goActivities({ tab: k === 'matrix' ? null : k })}
        items={TABS.map((t) => ({ key: t.key, label: t.label }))}
        className="act-tabs"
      />
      {tab === 'matrix' && <PlanGaps orgId={orgId} year={year} />}
      {tab === 'matrix' && <ComplianceMatrix year={year} />}
      {tab === 'list' && <ActivityList year={year} />}
      {tab === 'calendar' && <BranchCalendar year={year} />}
      {tab === 'attendance' && <AttendanceStats year={year} />}
      {tab === 'due' && (
        <Card size="small" className="act-due">
          <DuePanel />
        </Card>
      )}
    </div>
  );
}

export default function ActivitiesPage() {
  const { segments, query } = useLocation();
  const sub = segments[1];
  if (sub === 'new') return <ActivityEditor key={`new-${query.get('orgId')}-${query.get('type')}-${query.get('date')}`} id={null} />;
  if (sub && /^\d+$/.test(sub)) return <ActivityEditor key={sub} id={Number(sub)} />;
  return <Overview />;
}
