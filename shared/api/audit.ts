import { z } from 'zod';
import { call } from './contract';

export type AuditRow = {
  id: number; at: string; userName: string | null; action: string; entity: string; entityId: number | null; summary: string | null;
  before: string | null; after: string | null;
};

export const auditCalls = {
  /** The audit log, newest first; `q` matches the summary, user, action or entity. */
  'audit.search': call<{ rows: AuditRow[]; total: number }>()(
    z.object({
      q: z.string().trim().max(100).default(''),
      entity: z.string().max(40).nullish(),
      from: z.string().nullish(),
      to: z.string().nullish(),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    }),
  ),
  'audit.entities': call<{ entity: string; n: number }[]>()(z.object({})),
};
