// 首页 panel: 民情卡 on file, this year's visits, and the households whose 转办 are not yet 办结.
import { Button, Empty, List, Space, Spin } from 'antd';
import dayjs from 'dayjs';
import { ledger } from '../../api';
import { useLoad } from '../../hooks';
import { useOrgs } from '../../org-context';
import { navigate } from '../../router';

export default function FollowUpsPanel() {
  const { orgId } = useOrgs();
  const year = dayjs().year();
  const { data: homes, loading } = useLoad(() => ledger['households.list']({ orgId }), [orgId]);
  const { data: visits } = useLoad(() => ledger['visits.list']({ orgId, from: `${year}-01-01`, to: `${year}-12-31` }), [orgId, year]);
  const open = (homes ?? []).filter((h) => h.openFollowUps > 0);
  return (
    <Spin spinning={loading}>
      <Space size={24} style={{ marginBottom: 8 }}>
        <span>在册民情卡 <b>{homes?.length ?? 0}</b> 户</span>
        <span>{year} 年走访 <b>{visits?.length ?? 0}</b> 户次</span>
        <span>未办结转办 <b>{open.reduce((n, h) => n + h.openFollowUps, 0)}</b> 件</span>
      </Space>
      {open.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="转办事项均已办结" /> : (
        <List size="small" dataSource={open.slice(0, 8)}
          renderItem={(h) => <List.Item><a href={`#/households/${h.id}`}>{h.head}</a>（{h.orgName}）未办结 {h.openFollowUps} 件</List.Item>} />
      )}
      <Button size="small" type="link" onClick={() => navigate('/households')}>查看民情</Button>
    </Spin>
  );
}
