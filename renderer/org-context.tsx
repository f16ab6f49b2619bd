// The organisation chosen in the left-hand tree; every page may scope itself to it
// (`const { orgId, orgs } = useOrgs()`; orgId null = the whole street).
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { OrgNode } from '../shared/api/orgs';
import { ledger } from './api';
import { showError } from './feedback';

type OrgContextValue = {
  orgs: OrgNode[];
  byId: Map<number, OrgNode>;
  orgId: number | null;
  setOrgId: (id: number | null) => void;
  /** Call after creating, moving or dissolving an org so the tree and pickers follow. */
  reload: () => Promise<void>;
  loading: boolean;
  /** The org and everything under it (ids), for filtering lists by the chosen subtree. */
  subtree: (id: number) => Set<number>;
  /** '街道党工委 / 幸福社区党委 / 第一支部' */
  pathName: (id: number) => string;
};

const OrgContext = createContext<OrgContextValue | null>(null);

export function useOrgs(): OrgContextValue {
  const v = useContext(OrgContext);
  if (!v) throw new Error('useOrgs outside OrgProvider');
  return v;
}

const KEY = 'ledger-selected-org';

export function OrgProvider({ children }: { children: ReactNode }) {
  const [orgs, setOrgs] = useState<OrgNode[]>([]);
  const [loading, setLoading] = useState(true);
  const [orgId, setOrgIdState] = useState<number | null>(() => {
    const v = Number(sessionStorage.getItem(KEY));
    return Number.isInteger(v) && v > 0 ? v : null;
  });

  const setOrgId = useCallback((id: number | null) => {
    setOrgIdState(id);
    if (id === null) sessionStorage.removeItem(KEY);
    else sessionStorage.setItem(KEY, String(id));
  }, []);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setOrgs(await ledger['orgs.tree']({ includeDissolved: false }));
    } catch (e) {
      showError(e);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const value = useMemo<OrgContextValue>(() => {
    const byId = new Map(orgs.map((o) => [o.id, o]));
    const children = new Map<number | null, OrgNode[]>();
    for (const o of orgs) {
      const list = children.get(o.parentId) ?? [];
      list.push(o);
      children.set(o.parentId, list);
    }
    const subtree = (id: number) => {
      const out = new Set<number>();
      const stack = [id];
      while (stack.length) {
        const cur = stack.pop()!;
        if (out.has(cur)) continue;
        out.add(cur);
        for (const c of children.get(cur) ?? []) stack.push(c.id);
      }
      return out;
    };
    const pathName = (id: number) => {
      const names: string[] = [];
      let cur = byId.get(id);
      for (let guard = 0; cur && guard < 20; guard++) {
        names.unshift(cur.shortName || cur.name);
        cur = cur.parentId === null ? undefined : byId.get(cur.parentId);
      }
      return names.join(' / ');
    };
    const known = orgId !== null && byId.has(orgId) ? orgId : null;
    return { orgs, byId, orgId: loading ? orgId : known, setOrgId, reload, loading, subtree, pathName };
  }, [orgs, orgId, setOrgId, reload, loading]);

  return <OrgContext.Provider value={value}>{children}</OrgContext.Provider>;
}
