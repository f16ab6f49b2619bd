// 统一学历写法: a one-off clean-up of a ledger filled before the importer knew the code lists.
// Every member's 学历, 民族 and 工作岗位 spelled otherwise than its code list (大学本科, 汉, 职工) is
// rewritten onto it through the member service (a dated event and an audit entry per member), and
// one audit entry sums the run up. Values that map onto nothing are listed, never changed.
import { normaliseEducation, normaliseEthnicity, normaliseJob } from '../../shared/domain/code-lists';
import type { UnifyResult } from '../../shared/api/import';
import { LedgerError } from '../../shared/errors';
import type { Ledger } from '../ledger/ledger';
import { updateMember } from '../ledger/members';

type UnifyField = UnifyResult['changes'][number]['field'];

const NORMALISE: Record<UnifyField, (t: string) => string | null> = { education: normaliseEducation, ethnicity: normaliseEthnicity, job: normaliseJob };
const LABELS: Record<UnifyField, string> = { education: '学历', ethnicity: '民族', job: '工作岗位' };

export function unifySpellings(ledger: Ledger, opts: { date?: string } = {}): UnifyResult {
  return ledger.tx(() => {
    const rows = ledger.db.prepare('SELECT id, education, ethnicity, job FROM members').all() as ({ id: number } & Record<UnifyField, string | null>)[];
    const changes = new Map<string, UnifyResult['changes'][number]>();
    const unknown = new Map<string, UnifyResult['unknown'][number]>();
    let members = 0;
    let skipped = 0;
    for (const row of rows) {
      const patch: Partial<Record<UnifyField, string>> = {};
      for (const field of Object.keys(NORMALISE) as UnifyField[]) {
        const value = row[field];
        if (!value) continue;
        const to = NORMALISE[field](value);
        const key = `${field}|${value}`;
        if (to === null) {
          const u = unknown.get(key) ?? { field, value, members: 0 };
          u.members++;
          unknown.set(key, u);
        } else if (to !== value) {
          patch[field] = to;
          const c = changes.get(key) ?? { field, from: value, to, members: 0 };
          c.members++;
          changes.set(key, c);
        }
      }
      if (Object.keys(patch).length === 0) continue;
      try {
        updateMember(ledger, row.id, patch, { date: opts.date, note: '统一学历、民族、工作岗位的写法' });
        members++;
      } catch (e) {
        // The member's record fails a check of its own (it refuses before writing): left for the clerk.
        if (!(e instanceof LedgerError)) throw e;
        skipped++;
      }
    }
    const result: UnifyResult = { members, skipped, changes: [...changes.values()], unknown: [...unknown.values()] };
    const said = result.changes.map((c) => `${LABELS[c.field]}“${c.from}”→“${c.to}”${c.members} 人`).join('，');
    ledger.audit({
      action: 'update', entity: 'member',
      summary: members > 0 ? `统一学历等写法：${members} 名党员，${said}` : '统一学历等写法：没有需要改的写法',
      after: result,
    });
    return result;
  });
}
