// The left-hand organisation tree: picks the org every page scopes itself to.
import { ApartmentOutlined, SearchOutlined, WarningFilled } from '@ant-design/icons';
import { Button, Empty, Input, Spin, Tooltip, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo, useState } from 'react';
import type { OrgNode } from '../../shared/api/orgs';
import { useOrgs } from '../org-context';
import { navigate } from '../router';

function label(o: OrgNode): string {
  return o.shortName || o.name;
}

/** The name, and a mark when the org breaks a 组织设置规则 (the rules' sentences on hover). */
function title(o: OrgNode) {
  if (o.settingIssues.length === 0) return label(o);
  return (
    <>
      {label(o)}
      <Tooltip title={o.settingIssues.map((i) => i.message).join('；')}>
        <WarningFilled className="org-tree-warning" aria-label="组织设置提示" />
      </Tooltip>
    </>
  );
}

export function OrgTree() {
  const { orgs, orgId, setOrgId, loading } = useOrgs();
  const [filter, setFilter] = useState('');
  const [expanded, setExpanded] = useState<string[] | null>(null);

  const { treeData, keys } = useMemo(() => {
    const q = filter.trim();
    const children = new Map<number | null, OrgNode[]>();
    for (const o of orgs) {
      const list = children.get(o.parentId) ?? [];
      list.push(o);
      children.set(o.parentId, list);
    }
    const keys: string[] = [];
    const build = (parent: number | null): DataNode[] =>
      (children.get(parent) ?? []).flatMap((o) => {
        const kids = build(o.id);
        const hit = !q || o.name.includes(q) || (o.shortName ?? '').includes(q);
        if (!hit && kids.length === 0) return [];
        keys.push(String(o.id));
        return [{ key: String(o.id), title: title(o), children: kids, isLeaf: kids.length === 0 }];
      });
    const roots = orgs.filter((o) => o.parentId === null || !orgs.some((p) => p.id === o.parentId)).map((o) => o.parentId);
    const rootParents = [...new Set(roots)];
    return { treeData: rootParents.flatMap((p) => build(p)), keys };
  }, [orgs, filter]);

  // The street and its communities open; branches (with their groups) closed until asked.
  const defaultExpanded = useMemo(() => orgs.filter((o) => o.type === 'committee' || o.type === 'partyCommittee' || o.type === 'generalBranch').map((o) => String(o.id)), [orgs]);

  if (loading && orgs.length === 0) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  if (orgs.length === 0) {
    return (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有党组织" style={{ marginTop: 48 }}>
        <Button type="primary" onClick={() => navigate('/orgs?new=1')}>
          建立街道党工委
        </Button>
      </Empty>
    );
  }
  return (
    <div className="org-tree">
      <Input
        allowClear
        placeholder="查找党组织"
        prefix={<SearchOutlined />}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        aria-label="查找党组织"
      />
      <Button
        type={orgId === null ? 'primary' : 'text'}
        ghost={orgId === null}
        icon={<ApartmentOutlined />}
        block
        className="org-tree-all"
        onClick={() => setOrgId(null)}
      >
        全街道
      </Button>
      {treeData.length === 0 ? (
        <Typography.Text type="secondary">没有名称含“{filter}”的党组织</Typography.Text>
      ) : (
        <Tree
          blockNode
          showLine
          treeData={treeData}
          expandedKeys={filter ? keys : (expanded ?? defaultExpanded)}
          onExpand={(k) => !filter && setExpanded(k.map(String))}
          selectedKeys={orgId === null ? [] : [String(orgId)]}
          onSelect={(sel) => setOrgId(sel.length ? Number(sel[0]) : null)}
        />
      )}
    </div>
  );
}
