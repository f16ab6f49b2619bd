// 首页: who the members are (kind, category, age, education) and what needs attention now —
// terms expiring, probations ending, required fields missing — plus panels other areas add.
import { AlertOutlined, ApartmentOutlined, ClockCircleOutlined, FileExclamationOutlined, PhoneOutlined, UserAddOutlined } from '@ant-design/icons';
import { Badge, Card, Col, Empty, List, Row, Spin, Statistic, Tag, Typography } from 'antd';
import { Suspense, useMemo } from 'react';
import type { DashboardSummary, Slice } from '../../../shared/api/dashboard';
import { ledger } from '../../api';
import { Chart } from '../../components/Chart';
import { cnDate } from '../../format';
import { useLoad } from '../../hooks';
import { useOrgs } from '../../org-context';
import { navigate } from '../../router';
import { DASHBOARD_PANELS } from '../../routes';
import './dashboard.css';

function pie(data: Slice[]) {
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c} 人（{d}%）' },
    legend: { bottom: 0, type: 'scroll', itemWidth: 12, itemHeight: 12, textStyle: { fontSize: 12 } },
    series: [{ type: 'pie', radius: ['38%', '66%'], center: ['50%', '44%'], label: { formatter: '{b}\n{c}人', fontSize: 12 }, data: data.map((s) => ({ name: s.label, value: s.value })) }],
  };
}

/** '30岁及以下' → '≤30', '31–40岁' → '31–40', '81岁及以上' → '≥81': fits under a bar. */
const shortAge = (l: string) => l.replace(/^(\d+)岁及以下$/, '≤$1').replace(/^(\d+)岁及以上$/, '≥$1').replace(/岁$/, '');

function bars(data: Slice[], horizontal = false, short: (l: string) => string = (l) => l) {
  const names = data.map((s) => short(s.label));
  const cat = { type: 'category', data: names, axisLabel: { fontSize: 12, interval: 0 }, axisTick: { show: false } };
  const val = { type: 'value', minInterval: 1, axisLabel: { fontSize: 11 }, splitLine: { lineStyle: { color: '#eef0f3' } } };
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: (p: { name: string; value: number }[]) => `${p[0]!.name}：${p[0]!.value} 人` },
    grid: { left: horizontal ? 118 : 36, right: 24, top: 16, bottom: horizontal ? 16 : 28 },
    xAxis: horizontal ? val : cat,
    yAxis: horizontal ? { ...cat, inverse: true } : val,
    series: [{ type: 'bar', data: data.map((s) => s.value), barMaxWidth: 26, label: { show: true, position: horizontal ? 'right' : 'top', fontSize: 11 } }],
  };
}

/** Ages under the bars, the unit "岁" after the axis with room of its own (it was cut off at the edge). */
function ageBars(data: Slice[]) {
  const b = bars(data, false, shortAge);
  return { ...b, grid: { ...b.grid, right: 40 }, xAxis: { ...b.xAxis, name: '岁', nameGap: 6 } };
}

export default function DashboardPage() {
  const { orgId, byId } = useOrgs();
  const { data, loading } = useLoad(() => ledger['dashboard.summary']({ orgId }), [orgId]);
  const charts = useMemo(
    () => data && { kind: pie(data.byKind), category: bars(data.byCategory, true), age: ageBars(data.byAge), education: bars(data.byEducation, true) },
    [data],
  );
  if (!data || !charts) return loading ? <Spin size="large" className="page-spin" /> : null;
  const scope = orgId === null ? '全街道' : (byId.get(orgId)?.name ?? '');
  const t = data.totals;

  return (
    <div className="dashboard">
      <div className="page-header">
        <Typography.Title level={4}>
          首页 <span className="page-subtitle">{scope} · {cnDate(data.today)}</span>
        </Typography.Title>
      </div>
      {t.members === 0 ? (
        <Card>
          <Empty description="这里还没有党员。先在“组织”中建立党支部，再新增党员或从花名册批量导入。">
            <Typography.Link onClick={() => navigate('/import')}>去批量导入</Typography.Link>
          </Empty>
        </Card>
      ) : (
        <>
          <Row gutter={12} className="block-gap">
            {[
              ['党员总数', t.members, '人'],
              ['正式党员', t.full, '人'],
              ['预备党员', t.probationary, '人'],
              ['党支部', t.branches, '个'],
              ['流出党员', t.mobileOut, '人'],
              ['流入党员', t.mobileIn, '人'],
              ['在职党员报到', t.residents, '人'],
            ].map(([title, value, suffix]) => (
              <Col flex="1" key={title as string}>
                <Card size="small" className="stat-card">
                  <Statistic title={title} value={value as number} suffix={suffix} />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={12}>
            <Col span={8}>
              <Card size="small" title="需要关注" className="block-gap attention">
                <AttentionList data={data} />
              </Card>
            </Col>
            <Col span={16}>
              <Row gutter={12}>
                <Col span={12}>
                  <Card size="small" title="人员类别" className="block-gap"><Chart label="人员类别构成" option={charts.kind} height={228} /></Card>
                </Col>
                <Col span={12}>
                  <Card size="small" title="学历" className="block-gap"><Chart label="学历构成" option={charts.education} height={228} /></Card>
                </Col>
                <Col span={12}>
                  <Card size="small" title="年龄" className="block-gap"><Chart label="年龄构成" option={charts.age} height={228} /></Card>
                </Col>
                <Col span={12}>
                  <Card size="small" title="党员分类" className="block-gap"><Chart label="党员分类构成" option={charts.category} height={228} /></Card>
                </Col>
              </Row>
            </Col>
          </Row>
        </>
      )}
      {DASHBOARD_PANELS.map((p) => (
        <Card key={p.key} size="small" title={p.title} className="block-gap">
          <Suspense fallback={<Spin />}>
            <p.element />
          </Suspense>
        </Card>
      ))}
    </div>
  );
}

/** Short tags for 组织设置规则; the full sentence (what to do) shows on hover. */
const SETTING_TAGS: Record<DashboardSummary['settings'][number]['rule'], string> = {
  minFull: '正式党员不足3人',
  maxMembers: '党员超过50人',
  jointUnits: '联合单位超过5个',
  committeeSize: '支委会人数不符',
};

function AttentionList({ data }: { data: DashboardSummary }) {
  const expiring = data.terms.filter((x) => x.state !== 'none');
  const noTerm = data.terms.filter((x) => x.state === 'none');
  const { setOrgId } = useOrgs();
  const openOrg = (id: number) => {
    setOrgId(id);
    navigate('/orgs');
  };
  const sections = [
    {
      key: 'terms',
      icon: <ClockCircleOutlined />,
      title: '换届提醒',
      count: expiring.length,
      items: expiring.slice(0, 6).map((x) => ({
        key: `t${x.orgId}`,
        onClick: () => openOrg(x.orgId),
        text: x.orgName,
        extra: x.state === 'expired' ? <Tag color="red">{x.expiresOn} 已届满</Tag> : <Tag color="orange">{x.expiresOn} 届满</Tag>,
      })),
      more: expiring.length > 6 ? `另有 ${expiring.length - 6} 个` : noTerm.length ? `另有 ${noTerm.length} 个组织未录入班子` : null,
    },
    {
      key: 'settings',
      icon: <ApartmentOutlined />,
      title: '组织设置',
      count: data.settings.length,
      items: data.settings.slice(0, 6).map((x) => ({
        key: `s${x.orgId}${x.rule}`,
        onClick: () => openOrg(x.orgId),
        text: x.orgName,
        extra: <Tag color="orange" title={x.message}>{SETTING_TAGS[x.rule]}</Tag>,
      })),
      more: data.settings.length > 6 ? `另有 ${data.settings.length - 6} 处` : null,
    },
    {
      key: 'probation',
      icon: <AlertOutlined />,
      title: '预备期届满',
      count: data.probations.length,
      items: data.probations.slice(0, 6).map((p) => ({
        key: `p${p.memberId}`,
        onClick: () => navigate(`/members/${p.memberId}`),
        text: `${p.name}　${p.orgName ?? ''}`,
        extra: p.overdue ? <Tag color="red">{p.endsOn} 已届满</Tag> : <Tag color="orange">{p.endsOn} 届满</Tag>,
      })),
      more: data.probations.length > 6 ? `另有 ${data.probations.length - 6} 人` : null,
    },
    {
      key: 'mobile-contacts',
      icon: <PhoneOutlined />,
      title: '流动党员本季度未联系',
      count: data.mobileContactsDue.length,
      items: data.mobileContactsDue.slice(0, 6).map((m) => ({
        key: `c${m.memberId}`,
        onClick: () => navigate('/help?tab=mobile'),
        text: `${m.name}　${m.orgName ?? ''}`,
        extra: <Tag color="orange">{m.lastContact ? `最近 ${m.lastContact}` : '从未联系'}</Tag>,
      })),
      more: data.mobileContactsDue.length > 6 ? `另有 ${data.mobileContactsDue.length - 6} 人` : null,
    },
    {
      key: 'missing',
      icon: <FileExclamationOutlined />,
      title: '信息不全',
      count: data.missing.members,
      items: data.missing.byField.slice(0, 4).map((f) => ({ key: `m${f.label}`, onClick: () => navigate('/members?missing=1'), text: `缺“${f.label}”`, extra: <span>{f.value} 人</span> })),
      more: data.missing.members ? '在党员列表中勾选“信息不全”查看' : null,
    },
    {
      key: 'admission',
      icon: <UserAddOutlined />,
      title: '发展党员',
      count: data.admission.length,
      items: data.admission.slice(0, 6).map((p) => ({
        key: `a${p.applicantId}`,
        onClick: () => navigate('/admission'),
        text: `${p.name}：${p.warnings[0]}`,
        extra: <Tag color="orange" title={`${p.orgName}：${p.warnings.join('；')}`}>{p.warnings.length} 项</Tag>,
      })),
      more: data.admission.length > 6 ? `另有 ${data.admission.length - 6} 人，见“发展党员”页面` : null,
    },
  ];
  return (
    <div className="attention-sections">
      {sections.map((s) => (
        <div key={s.key} className="attention-section">
          <div className="attention-title">
            {s.icon} {s.title} <Badge count={s.count} overflowCount={999} color={s.count ? '#c8161d' : '#d1d5db'} showZero />
          </div>
          {s.items.length ? (
            <List
              size="small"
              split={false}
              dataSource={s.items}
              renderItem={(i) => (
                <List.Item className="attention-item" onClick={i.onClick} extra={i.extra}>
                  <span className="attention-text">{i.text}</span>
                </List.Item>
              )}
            />
          ) : (
            <Typography.Text type="secondary" className="attention-none">暂无</Typography.Text>
          )}
          {s.more && <Typography.Text type="secondary" className="attention-more">{s.more}</Typography.Text>}
        </div>
      ))}
    </div>
  );
}
