// Picks an org from the tree; `selectable` limits which types may be chosen (e.g. branches).
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import type { OrgNode } from '../../shared/api/orgs';
import type { OrgType } from '../../shared/domain/org';
import { useOrgs } from '../org-context';

type TreeItem = { value: number; title: string; disabled?: boolean; selectable?: boolean; children: TreeItem[] };

export function OrgPicker(props: {
  value?: number | null;
  onChange?: (v: number | null) => void;
  selectable?: (o: OrgNode) => boolean;
  exclude?: ReadonlySet<number>;
  hideTypes?: readonly OrgType[];
  placeholder?: string;
  id?: string;
  disabled?: boolean;
}) {
  const { orgs } = useOrgs();
  const { hideTypes, exclude, selectable } = props;
  const treeData = useMemo(() => {
    const children = new Map<number | null, OrgNode[]>();
    for (const o of orgs) {
      if (hideTypes?.includes(o.type)) continue;
      const list = children.get(o.parentId) ?? [];
      list.push(o);
      children.set(o.parentId, list);
    }
    const build = (parent: number | null): TreeItem[] =>
      (children.get(parent) ?? [])
        .filter((o) => !exclude?.has(o.id))
        .map((o) => {
          const ok = selectable ? selectable(o) : true;
          return { value: o.id, title: o.name, selectable: ok, disabled: false, children: build(o.id) };
        });
    return build(null);
  }, [orgs, selectable, exclude, hideTypes]);
  return (
    <TreeSelect
      id={props.id}
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear
      treeDefaultExpandAll
      disabled={props.disabled}
      placeholder={props.placeholder ?? '选择党组织'}
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? null)}
      treeData={treeData}
      styles={{ popup: { root: { maxHeight: 420, overflow: 'auto' } } }}
    />
  );
}
