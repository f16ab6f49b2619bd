// 责任书与考核: the year's template (editor, issue), the contracts per branch, the ranking; and
// '#/assessment/score/<contractId>' scores one branch.
import { Select, Space, Tabs, Typography } from 'antd';
import type { ContractLevel } from '../../../shared/assessment';
import { ledger } from '../../api';
import { useLocation } from '../../router';
import { useLoad } from '../../hooks';
import { AppraisalPanel } from './AppraisalPanel';
import { SecretaryReviewsPanel } from '../reviews/SecretaryReviewsPanel';
import { CommendationsPanel } from '../commendations/CommendationsPanel';
import { ContractList } from './ContractList';
import { ScoringPage } from './ScoringPage';
import { SummaryTable } from './SummaryTable';
import { TemplateEditor } from './TemplateEditor';
import { CURRENT_YEAR, TABS, type TabKey, goAssessment } from './format';
import './assessment.css';

function Overview() {
  const { query } = useLocation();
  const tab: TabKey = TABS.some((t) => t.key === query.get('tab')) ? (query.get('tab') as TabKey) : 'template';
  const y = Number(query.get('year'));
  const year = Number.isInteger(y) && y >= 2000 && y <= CURRENT_YEAR + 1 ? y : CURRENT_YEAR;
  const level: ContractLevel = query.get('level') === 'community' ? 'community' : 'branch';
  const { data: templates, reload } = useLoad(() => ledger['assessment.templates']({}), []);
  const years = [...new Set([CURRENT_YEAR + 1, CURRENT_YEAR, ...(templates ?? []).map((t) => t.year)])].sort((a, b) => b - a);

  return (
    <div className="as-page">
      <div className="page-header">
        <Space align="baseline" size={12}>
          <Typography.Title level={4}>责任书与考核</Typography.Title>
          <span className="page-subtitle">党建工作责任书 · 年终考核</span>
        </Space>
        <Select
          value={year} className="as-year" aria-label="年度" onChange={(v: number) => goAssessment({ year: v, tab })}
          options={years.map((v) => ({ value: v, label: `${v} 年度${(templates ?? []).some((t) => t.year === v) ? '' : '（无模板）'}` }))}
          popupMatchSelectWidth={150}
        />
      </div>
      <Tabs activeKey={tab} onChange={(k) => goAssessment({ year, tab: k as TabKey })} items={TABS.map((t) => ({ key: t.key, label: t.label }))} className="as-tabs" />
      {tab === 'template' && <TemplateEditor year={year} level={level} templates={templates ?? []} onTemplatesChanged={reload} />}
      {tab === 'contracts' && <ContractList year={year} />}
      {tab === 'summary' && <SummaryTable year={year} />}
      {tab === 'appraisal' && <AppraisalPanel year={year} />}
      {tab === 'reviews' && <SecretaryReviewsPanel year={year} />}
      {tab === 'commendations' && <CommendationsPanel year={year} />}
    </div>
  );
}

export default function AssessmentPage() {
  const { segments } = useLocation();
  if (segments[1] === 'score' && /^\d+$/.test(segments[2] ?? '')) return <ScoringPage key={segments[2]} contractId={Number(segments[2])} />;
  return <Overview />;
}
