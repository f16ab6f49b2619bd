import type { AuditRow } from '../../shared/api/audit';
import type { HandlerMap } from './handlers';

export const auditHandlers: HandlerMap<'audit.search' | 'audit.entities'> = {
  'audit.search': (state, { q, entity, from, to, limit, offset }) => {
    const db = state.requireLedger().db;
    const where: string[] = [];
    const params: unknown[] = [];
    if (q) {
      where.push("(summary LIKE ? ESCAPE '\\' OR user_name LIKE ? ESCAPE '\\' OR action LIKE ? ESCAPE '\\' OR entity LIKE ? ESCAPE '\\')");
      const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      params.push(like, like, like, like);
    }
    if (entity) {
      where.push('entity = ?');
      params.push(entity);
    }
    // `at` is ISO UTC; whole local days are close enough for a search box.
    if (from) {
      where.push('at >= ?');
      params.push(from);
    }
    if (to) {
      where.push('at < ?');
      params.push(`${to}T23:59:59.999Z`);
    }
    const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (db.prepare(`SELECT count(*) AS n FROM audit_log ${cond}`).get(...params) as { n: number }).n;
    const rows = db
      .prepare(`SELECT id, at, user_name AS userName, action, entity, entity_id AS entityId, summary, before, after FROM audit_log ${cond} ORDER BY id DESC LIMIT ? OFFSET ?`)
      .all(...params, limit, offset) as AuditRow[];
    return { rows, total };
  },
  'audit.entities': (state) =>
    state.requireLedger().db.prepare('SELECT entity, count(*) AS n FROM audit_log GROUP BY entity ORDER BY n DESC').all() as { entity: string; n: number }[],
};
