// A list of commendations: on the 表彰 page, and on a member's or an org's page (just theirs).
import { Empty, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Commendation } from '../../../shared/api/commendations';
import { COMMENDATION_KIND_LABELS, COMMENDATION_LEVEL_LABELS } from '../../../shared/domain/commendation';
import { ledger } from '../../api';
import { useLoad } from '../../hooks';

/** Whom it honours: the member, the household (with its address) or the org. */
export function honoured(c: Commendation): string {
  if (c.kind === 'member') return c.memberName ?? '';
  if (c.kind === 'household') return `${c.householdName}家${c.householdAddress ? `（${c.householdAddress}）` : ''}`;
  return c.org;
}

export const COMMENDATION_COLUMNS: ColumnsType<Commendation> = [
  { title: '年度', dataIndex: 'year', width: 70 },
  { title: '表彰名称', dataIndex: 'title', width: 150 },
  { title: '级别', dataIndex: 'level', width: 70, render: (l: Commendation['level']) => <Tag color={l === 'street' ? 'default' : 'red'}>{COMMENDATION_LEVEL_LABELS[l]}</Tag> },
  { title: '类别', dataIndex: 'kind', width: 70, render: (k: Commendation['kind']) => COMMENDATION_KIND_LABELS[k] },
  { title: '受表彰对象', key: 'who', ellipsis: true, render: (_, c) => honoured(c) },
  { title: '文号', dataIndex: 'docNumber', width: 170, render: (v: string | null) => v ?? '—' },
  { title: '表彰日期', dataIndex: 'awardedOn', width: 110, render: (v: string | null) => v ?? '—' },
];

/** The commendations of one member, or of one org (the org's own and those filed under it directly). */
export function CommendationsOf({ memberId, orgId }: { memberId?: number; orgId?: number }) {
  const { data, loading } = useLoad(
    () => ledger['commendations.list']({ memberId: memberId ?? null, orgId: orgId ?? null }).then((l) => (orgId ? l.filter((c) => c.orgId === orgId) : l)),
    [memberId, orgId],
  );
  return (
    <Table<Commendation>
      size="small" rowKey="id" pagination={false} loading={loading} dataSource={data ?? []}
      columns={memberId ? COMMENDATION_COLUMNS.filter((c) => c.key !== 'who' && !('dataIndex' in c && c.dataIndex === 'kind')) : COMMENDATION_COLUMNS}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有表彰记录（在“表彰”页登记）" /> }}
    />
  );
}
