// 党员 list: thousands of rows, virtualised; search as you type by name, pinyin initials or ID
// number; filters; sortable columns. The org comes from the tree on the left.
import { DownloadOutlined, ExportOutlined, ImportOutlined, PlusOutlined, SearchOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Empty, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { MEMBER_CATEGORY_LABELS, STANDING_LABELS } from '../../../shared/domain/member';
import { ledger } from '../../api';
import { useLoad } from '../../hooks';
import { useOrgs } from '../../org-context';
import { navigate, useLocation } from '../../router';
import { applyFilter, EMPTY_FILTER, indexRows, type Indexed, type MemberFilter } from './filter';
import { ageBandOptions, categoryOptions, kindOptions, mobileOptions, standingOptions } from './labels';
import { attempt } from '../../feedback';
import { ActionDialog, type ActionSpec } from '../../components/ActionDialog';
import { bulkGroupSpec, bulkInternalSpec, bulkTransferOutSpec } from './MemberActions';
import { saveBytes } from '../../download';

const FILTER_KEY = 'ledger-member-filter';

function loadFilter(): Omit<MemberFilter, 'orgIds'> {
  try {
    return { ...EMPTY_FILTER, ...(JSON.parse(sessionStorage.getItem(FILTER_KEY) ?? '{}') as Partial<MemberFilter>), q: '' };
  } catch {
    return EMPTY_FILTER;
  }
}

function useHeight(ref: React.RefObject<HTMLDivElement | null>): number {
  const [h, setH] = useState(480);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setH(Math.max(240, el.getBoundingClientRect().height - 40)));
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return h;
}

const cmp = (a: string | null, b: string | null) => (a ?? '').localeCompare(b ?? '', 'zh-CN');

const columns: ColumnsType<Indexed> = [
  {
    title: '姓名', dataIndex: 'name', width: 84, sorter: (a, b) => cmp(a.name, b.name),
    render: (v: string, r) => <a href={`#/members/${r.id}`}>{v}</a>,
  },
  { title: '性别', dataIndex: 'gender', width: 60, sorter: (a, b) => cmp(a.gender, b.gender) },
  { title: '年龄', dataIndex: 'age', width: 60, sorter: (a, b) => (a.age ?? -1) - (b.age ?? -1), render: (v: number | null) => v ?? '—' },
  { title: '公民身份号码', dataIndex: 'idNumber', width: 178, sorter: (a, b) => cmp(a.idNumber, b.idNumber), render: (v: string) => <span className="mono">{v}</span> },
  {
    title: '人员类别', dataIndex: 'kind', width: 96, sorter: (a, b) => cmp(a.kind, b.kind),
    render: (v: string) => (v === 'probationary' ? <span className="badge badge-orange">预备党员</span> : '正式党员'),
  },
  { title: '所在党组织', dataIndex: 'orgName', ellipsis: { showTitle: true }, sorter: (a, b) => cmp(a.orgName, b.orgName), render: (v: string | null) => v ?? '—' },
  { title: '入党日期', dataIndex: 'joinedOn', width: 100, sorter: (a, b) => cmp(a.joinedOn, b.joinedOn), render: (v: string | null) => v ?? '—' },
  {
    title: '分类', dataIndex: 'categories', width: 112,
    render: (v: Indexed['categories'], r) => (
      <span className="tag-line">
        {r.mobile && <span className="badge badge-blue">{r.mobile === 'out' ? '流出' : '流入'}</span>}
        {v.filter((c) => c !== 'mobile').map((c) => (
          <span key={c} className="badge">{MEMBER_CATEGORY_LABELS[c]}</span>
        ))}
      </span>
    ),
  },
  { title: '联系电话', dataIndex: 'phone', width: 108, render: (v: string | null) => v ?? '—' },
  {
    title: '状态', dataIndex: 'standing', width: 88, sorter: (a, b) => cmp(a.standing, b.standing),
    render: (v: Indexed['standing'], r) =>
      r.status === 'transferredOut' ? (
        <span className="badge">已转出</span>
      ) : v !== 'normal' ? (
        <span className="badge badge-red">{STANDING_LABELS[v]}</span>
      ) : r.missing.length ? (
        <span className="badge badge-gold" title={`未填：${r.missing.join('、')}`}>信息不全</span>
      ) : (
        <span className="badge badge-green">正常</span>
      ),
  },
];

/**
 * The table, memoised: typing in the search box re-renders only the box at once; the table
 * follows with the deferred query (useDeferredValue), so a keystroke never waits for it.
 */
const MemberTable = memo(function MemberTable({ rows, loading, empty, height, onAdd, selected, onSelect }: {
  rows: Indexed[]; loading: boolean; empty: 'loading' | 'none' | 'filtered'; height: number; onAdd: () => void;
  selected: number[]; onSelect: (ids: number[]) => void;
}) {
  return (
    <Table<Indexed>
      virtual
      size="small"
      rowKey="id"
      rowSelection={{ selectedRowKeys: selected, onChange: (keys) => onSelect(keys as number[]), columnWidth: 36 }}
      loading={loading}
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 1040, y: height }}
      onRow={onRow}
      locale={{
        emptyText:
          empty === 'loading' ? (
            ' '
          ) : empty === 'none' ? (
            <Empty description="台帐里还没有党员">
              <Space>
                <Button type="primary" icon={<PlusOutlined />} onClick={onAdd}>新增党员</Button>
                <Button onClick={() => navigate('/import')}>从花名册批量导入</Button>
              </Space>
            </Empty>
          ) : (
            <Empty description="没有符合条件的党员：换个关键字，或清除筛选、在左侧选择“全街道”。" />
          ),
      }}
    />
  );
});

const onRow = (r: Indexed) => ({ onDoubleClick: () => navigate(`/members/${r.id}`) });

type Filter = Omit<MemberFilter, 'orgIds'>;

/** The selects beside the search box, memoised so a keystroke does not re-render them. */
const Filters = memo(function Filters({ filter, onChange }: { filter: Filter; onChange: (f: Filter) => void }) {
  const set = <K extends keyof Filter>(k: K, v: Filter[K] | undefined) => onChange({ ...filter, [k]: v ?? null });
  const anyFilter = filter.kind || filter.category || filter.standing || filter.mobile || filter.ageBand || filter.missingOnly;
  return (
    <>
      <Select allowClear placeholder="人员类别" aria-label="人员类别" options={kindOptions} value={filter.kind} onChange={(v) => set('kind', v)} style={{ width: 108 }} />
      <Select allowClear placeholder="分类" aria-label="分类" options={categoryOptions} value={filter.category} onChange={(v) => set('category', v)} style={{ width: 130 }} />
      <Select allowClear placeholder="在册党员" aria-label="党籍状态" options={STANDING_FILTER_OPTIONS} value={filter.standing} onChange={(v) => set('standing', v)} style={{ width: 116 }} />
      <Select allowClear placeholder="流动" aria-label="流动" options={mobileOptions} value={filter.mobile} onChange={(v) => set('mobile', v)} style={{ width: 116 }} />
      <Select allowClear placeholder="年龄段" aria-label="年龄段" options={ageBandOptions} value={filter.ageBand} onChange={(v) => set('ageBand', v)} style={{ width: 112 }} />
      <Checkbox checked={filter.missingOnly} onChange={(e) => set('missingOnly', e.target.checked)}>
        信息不全
      </Checkbox>
      {anyFilter && (
        <Button type="link" onClick={() => onChange(EMPTY_FILTER)}>
          清除筛选
        </Button>
      )}
    </>
  );
});

const STANDING_FILTER_OPTIONS = [...standingOptions, { value: 'transferredOut' as const, label: '已转出' }];

/** The filters and search in words, printed above the exported list. */
function describeFilter(f: Filter, q: string): string | null {
  const label = <T,>(options: readonly { value: T; label: string }[], v: T | null) => options.find((o) => o.value === v)?.label;
  const parts = [
    label(kindOptions, f.kind), label(categoryOptions, f.category), label(STANDING_FILTER_OPTIONS, f.standing), label(mobileOptions, f.mobile),
    label(ageBandOptions, f.ageBand), f.missingOnly ? '信息不全' : undefined, q.trim() ? `查找“${q.trim()}”` : undefined,
  ].filter(Boolean);
  return parts.length ? parts.join('，') : null;
}

export function MemberList({ onAdd, onTransferIn }: { onAdd: () => void; onTransferIn: () => void }) {
  const { orgId, subtree, byId, orgs, reload } = useOrgs();
  const { query: params } = useLocation();
  // '#/members?missing=1' (from 首页) opens the list on the members with empty required fields.
  const [filter, setFilterState] = useState<Omit<MemberFilter, 'orgIds'>>(() => (params.get('missing') === '1' ? { ...EMPTY_FILTER, missingOnly: true } : loadFilter()));
  const setFilter = useCallback((next: Omit<MemberFilter, 'orgIds'>) => {
    setFilterState(next);
    sessionStorage.setItem(FILTER_KEY, JSON.stringify({ ...next, q: '' }));
  }, []);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const needInactive = filter.standing === 'left' || filter.standing === 'deceased' || filter.standing === 'transferredOut';
  // 截至某日: the roll as it stood that day (kind, branch, group and standing of that day).
  const [asOf, setAsOf] = useState<string | null>(null);
  const { data, loading, reload: reloadList } = useLoad(() => ledger['members.list']({ includeInactive: needInactive, ...(asOf ? { asOf } : {}) }), [needInactive, asOf]);
  const rows = useMemo(() => indexRows(data ?? [], asOf ?? dayjs().format('YYYY-MM-DD')), [data, asOf]);
  const orgIds = useMemo(() => (orgId === null ? null : subtree(orgId)), [orgId, subtree]);
  const shown = useMemo(() => applyFilter(rows, { ...filter, q: deferredQuery, orgIds }), [rows, filter, deferredQuery, orgIds]);
  const box = useRef<HTMLDivElement>(null);
  const height = useHeight(box);
  // Ticked rows (bulk 转出 / 调整支部 / 调整党小组): only those still shown count.
  const [ticked, setTicked] = useState<number[]>([]);
  const selected = useMemo(() => {
    const ids = new Set(shown.map((r) => r.id));
    return ticked.filter((id) => ids.has(id));
  }, [ticked, shown]);
  const [action, setAction] = useState<ActionSpec<never> | null>(null);
  const open = <V extends object>(spec: ActionSpec<V>) => setAction(spec as unknown as ActionSpec<never>);
  const selection = useMemo(() => {
    const rowsById = new Map(shown.map((r) => [r.id, r]));
    const branchIds = [...new Set(selected.map((id) => rowsById.get(id)?.orgId).filter((o): o is number => o != null))];
    return { ids: selected, branchIds };
  }, [selected, shown]);
  const groups = selection.branchIds.length === 1 ? orgs.filter((o) => o.type === 'group' && o.parentId === selection.branchIds[0] && !o.dissolvedOn) : [];

  return (
    <div className="page-fill">
      <div className="page-header">
        <Space align="baseline" size={12}>
          <Typography.Title level={4}>党员</Typography.Title>
          <span className="page-subtitle">
            {orgId === null ? '全街道' : byId.get(orgId)?.name}{asOf ? ` · 截至 ${asOf}` : ''} · 共 <b data-testid="member-count">{shown.length}</b> 人
          </span>
        </Space>
        <Space>
          <Button
            icon={<DownloadOutlined />}
            disabled={shown.length === 0}
            onClick={() => void attempt(async () => {
              const f = await ledger['members.exportList']({ ids: shown.map((r) => r.id), orgId, filters: describeFilter(filter, deferredQuery), maskIds: false, ...(asOf ? { asOf } : {}) });
              saveBytes(f.data as BlobPart, f.fileName);
            }, `已导出 ${shown.length} 名党员`)}
          >
            导出 Excel
          </Button>
          <Button icon={<ImportOutlined />} onClick={onTransferIn}>
            组织关系转入
          </Button>
          <Button icon={<ExportOutlined />} onClick={() => navigate('/import')}>
            批量导入
          </Button>
          <Button type="primary" icon={<UserAddOutlined />} onClick={onAdd}>
            新增党员
          </Button>
        </Space>
      </div>
      <div className="filter-bar">
        <Input
          autoFocus
          allowClear
          className="member-search"
          prefix={<SearchOutlined />}
          placeholder="姓名 / 拼音首字母 / 身份证号"
          aria-label="查找党员"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <Filters filter={filter} onChange={setFilter} />
        <DatePicker
          allowClear
          style={{ width: 150 }}
          placeholder="截至日期（默认今天）"
          aria-label="截至日期"
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          value={asOf ? dayjs(asOf) : null}
          onChange={(d) => setAsOf(d ? d.format('YYYY-MM-DD') : null)}
        />
      </div>
      {selected.length > 0 && (
        <div className="filter-bar" data-testid="bulk-bar">
          <Typography.Text strong>已选 {selected.length} 名党员</Typography.Text>
          <Button onClick={() => open(bulkInternalSpec(selection))}>调整支部</Button>
          <Button disabled={groups.length === 0} title={groups.length === 0 ? '选中的党员须在同一个有党小组的党支部' : undefined} onClick={() => open(bulkGroupSpec(selection, groups))}>
            调整党小组
          </Button>
          <Button danger onClick={() => open(bulkTransferOutSpec(selection))}>组织关系转出</Button>
          <Button type="link" onClick={() => setTicked([])}>取消选择</Button>
        </div>
      )}
      <div className="table-box" ref={box}>
        <MemberTable
          rows={shown} loading={loading && !data} empty={loading ? 'loading' : rows.length === 0 ? 'none' : 'filtered'} height={height} onAdd={onAdd}
          selected={selected} onSelect={setTicked}
        />
      </div>
      <ActionDialog spec={action} onClose={() => setAction(null)} onDone={() => { setAction(null); setTicked([]); void reload(); reloadList(); }} />
    </div>
  );
}
