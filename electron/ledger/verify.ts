// `verify`: SQLite's own checks plus the ledger's invariants. Each finding names what to fix.
import type { Ledger } from './ledger';
import { idNumberProblem } from '../../shared/domain/id-number';
import { all } from './sql';
import { anchorHolds, firstBrokenLink } from './audit-chain';
import { onRollSql } from '../../shared/domain/member';

export type Finding = { check: string; message: string; count: number; examples: unknown[] };

type Invariant = { check: string; message: string; sql: string };

const INVARIANTS: Invariant[] = [
  {
    check: 'single-root',
    message: '组织树应有且只有一个街道党工委',
    sql: "SELECT count(*) AS n FROM orgs WHERE parent_id IS NULL AND dissolved_on IS NULL HAVING count(*) > 1 OR (count(*) = 0 AND (SELECT count(*) FROM orgs) > 0)",
  },
  {
    check: 'member-in-branch',
    message: '在册党员必须编入一个未撤销的党支部',
    sql: `SELECT m.id, m.name FROM members m LEFT JOIN orgs o ON o.id = m.org_id WHERE m.status = 'active'
          AND (o.id IS NULL OR o.type NOT IN ('branch','jointBranch','temporaryBranch') OR (o.dissolved_on IS NOT NULL AND m.standing IN ('normal','suspended')))`,
  },
  {
    check: 'group-in-branch',
    message: '党员所在党小组必须属于他的支部',
    sql: "SELECT m.id, m.name FROM members m JOIN orgs g ON g.id = m.group_id WHERE g.type != 'group' OR g.parent_id != m.org_id",
  },
  {
    check: 'open-span',
    message: '在册党员应有且只有一段当前的组织关系，且与所在支部一致',
    sql: `SELECT m.id, m.name, count(s.id) AS spans FROM members m LEFT JOIN member_org_spans s ON s.member_id = m.id AND s.to_date IS NULL
          WHERE ${onRollSql('m')} GROUP BY m.id
          HAVING count(s.id) != 1 OR max(s.org_id) != m.org_id`,
  },
  {
    check: 'closed-span',
    message: '已转出、出党或去世的党员不应有当前的组织关系',
    sql: `SELECT m.id, m.name FROM members m JOIN member_org_spans s ON s.member_id = m.id AND s.to_date IS NULL
          WHERE m.status = 'transferredOut' OR m.standing IN ('left','deceased')`,
  },
  {
    check: 'span-order',
    message: '组织关系的起止日期颠倒或互相重叠',
    sql: `SELECT a.member_id, a.id FROM member_org_spans a WHERE (a.to_date IS NOT NULL AND a.to_date < a.from_date)
          OR EXISTS (SELECT 1 FROM member_org_spans b WHERE b.member_id = a.member_id AND b.id != a.id
                     AND b.from_date < coalesce(a.to_date, '9999') AND a.from_date < coalesce(b.to_date, '9999'))`,
  },
  {
    check: 'probation-dates',
    message: '预备党员不应有转正日期；转正日期不能早于入党日期',
    sql: "SELECT id, name FROM members WHERE (kind = 'probationary' AND confirmed_on IS NOT NULL) OR (confirmed_on < joined_on)",
  },
  {
    check: 'attendance-org',
    message: '出勤记录所属的活动不存在',
    sql: 'SELECT a.id FROM attendance a LEFT JOIN activities v ON v.id = a.activity_id WHERE v.id IS NULL',
  },
  {
    check: 'assessment-contract',
    message: '考核得分对应的指标不属于该考核的责任书',
    sql: `SELECT s.id FROM assessment_scores s JOIN assessments a ON a.id = s.assessment_id JOIN contract_indicators ci ON ci.id = s.contract_indicator_id
          WHERE ci.contract_id != a.contract_id`,
  },
];

export function verifyLedger(ledger: Ledger): Finding[] {
  const findings: Finding[] = [];
  const integrity = ledger.db.pragma('integrity_check') as { integrity_check: string }[];
  if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok') {
    findings.push({ check: 'integrity', message: 'SQLite 完整性检查未通过：台帐文件已损坏，请从备份恢复', count: integrity.length, examples: integrity.slice(0, 5) });
  }
  const fk = ledger.db.pragma('foreign_key_check') as unknown[];
  if (fk.length > 0) findings.push({ check: 'foreign-keys', message: '存在指向不存在记录的引用', count: fk.length, examples: fk.slice(0, 5) });
  for (const inv of INVARIANTS) {
    const rows = all<unknown>(ledger, inv.sql);
    if (rows.length > 0) findings.push({ check: inv.check, message: inv.message, count: rows.length, examples: rows.slice(0, 5) });
  }
  const broken = firstBrokenLink(ledger.db);
  if (broken) {
    findings.push({ check: 'audit-chain', message: `操作日志从第 ${broken.id} 条（${broken.at}）起被改动或删除过：这条记录与前一条对不上`, count: 1, examples: [broken] });
  }
  const anchor = ledger.keys.auditAnchor;
  if (anchor && !anchorHolds(ledger.db, ledger.key, anchor)) {
    findings.push({ check: 'audit-anchor', message: `操作日志与密钥文件记下的第 ${anchor.id} 条对不上：日志的末尾被删除或改写过`, count: 1, examples: [{ id: anchor.id }] });
  }
  const badIds = all<{ id: number; name: string; idNumber: string }>(ledger, 'SELECT id, name, id_number AS idNumber FROM members').filter((m) => idNumberProblem(m.idNumber));
  if (badIds.length > 0) findings.push({ check: 'id-numbers', message: '身份证号格式或校验位不正确', count: badIds.length, examples: badIds.slice(0, 5).map(({ id, name }) => ({ id, name })) });
  return findings;
}
