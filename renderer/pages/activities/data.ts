// Data hooks and small helpers shared by the 活动 pages.
import { useEffect, useState } from 'react';
import type { ActivityOrg } from '../../../shared/api/activities';
import type { ActivityTypeDef } from '../../../shared/domain/activity-types';
import { ledger } from '../../api';
import { showError } from '../../feedback';
import { navigate } from '../../router';
import { useLoad } from '../../hooks';

let typesCache: Promise<ActivityTypeDef[]> | null = null;
/** After the street's own types change: the next form asks again. */
export function forgetActivityTypes(): void {
  typesCache = null;
}
export function useActivityTypes(): ActivityTypeDef[] {
  const [types, setTypes] = useState<ActivityTypeDef[]>([]);
  useEffect(() => {
    typesCache ??= ledger['activities.types']({});
    typesCache.then(setTypes).catch((e) => { typesCache = null; showError(e); });
  }, []);
  return types;
}

export function useActivityOrgs(): ActivityOrg[] {
  const { data } = useLoad(() => ledger['activities.orgs']({ includeDissolved: false }), []);
  return data ?? [];
}

/** '#/activities?tab=…&year=…' with the current query kept where not overridden. */
export function goActivities(params: Record<string, string | number | null | undefined>, base = '/activities'): void {
  const q = new URLSearchParams(window.location.hash.split('?')[1] ?? '');
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === '') q.delete(k);
    else q.set(k, String(v));
  }
  const s = q.toString();
  navigate(`${base}${s ? `?${s}` : ''}`);
}

export const CURRENT_YEAR = new Date().getFullYear();

/** '望江社区第一党支部第二党小组' under its branch reads '第二党小组'. */
export function groupShort(orgName: string, branchName: string | null): string {
  return branchName && orgName.startsWith(branchName) && orgName.length > branchName.length ? orgName.slice(branchName.length) : orgName;
}
