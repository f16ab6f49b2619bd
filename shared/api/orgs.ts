import { z } from 'zod';
import type { OrgCategory, OrgType } from '../domain/org';
import { call } from './contract';

/** One node of the organisation tree as the left-hand tree and pickers show it. */
export type OrgNode = {
  id: number;
  parentId: number | null;
  name: string;
  shortName: string | null;
  type: OrgType;
  category: OrgCategory | null;
  dissolvedOn: string | null;
  sortOrder: number;
  /** Active members directly in this org (not its descendants). */
  memberCount: number;
};

export const orgsCalls = {
  /** Every org, flat (the renderer builds the tree); dissolved ones only when asked. */
  'orgs.tree': call<OrgNode[]>()(z.object({ includeDissolved: z.boolean().default(false) })),
};
