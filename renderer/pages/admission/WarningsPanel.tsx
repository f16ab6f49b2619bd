// 首页 panel (需要关注): people in the 发展党员 pipeline with a late or out-of-order step.
import { Button, Empty, List, Spin } from 'antd';
import { ledger } from '../../api';
import { useLoad } from '../../hooks';
import { useOrgs } from '../../org-context';
import { navigate } from '../../router';

export default function AdmissionWarningsPanel() {
  const { orgId } = useOrgs();
  const { data, loading } = useLoad(() => ledger['admission.list']({ orgId }), [orgId]);
  const warned = (data?.people ?? []).filter((p) => p.warnings.length > 0);
  return (
    <Spin spinning={loading}>
      {warned.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="发展党员各步骤没有逾期" /> : (
        <List
          size="small" dataSource={warned}
          renderItem={(p) => <List.Item><span><b>{p.name}</b>（{p.org}）：{p.warnings.join('；')}</span></List.Item>}
        />
      )}
      <Button size="small" type="link" onClick={() => navigate('/admission')}>查看发展党员</Button>
    </Spin>
  );
}
