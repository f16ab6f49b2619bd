// The quarterly 简报 of 五助二扶一带 as a draft for the clerk to edit in Word or WPS: plain text
// (no markup to clean up), numbered the way such 简报 are, built from the quarter's help records,
// the donation stations' in and out, and the cases marked notable.
import { chineseDate } from '../../shared/reports/conventions';
import { AID_CATEGORY_LABELS, QUARTER_LABELS, quarterRange } from '../../shared/domain/aid';
import { formatYuan, yuanToFen } from '../../shared/domain/dues';
import type { HelpBrief } from '../../shared/api/help';
import { today as todayIso } from '../../shared/dates';
import type { Ledger } from './ledger';
import { helpOverview } from './aid';
import { listHouseholds } from './households';
import { ensureWorkingCommittee, getOrg } from './orgs';
import { HOUSEHOLD_CATEGORY_LABELS } from '../../shared/domain/household';

const yuan = (v: number) => formatYuan(yuanToFen(v));
const NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function helpBrief(ledger: Ledger, orgId: number | null, year: number, quarter: number, opts: { today?: string } = {}): HelpBrief {
  const { start, end } = quarterRange(year, quarter);
  const unit = getOrg(ledger, orgId ?? ensureWorkingCommittee(ledger)).name;
  const o = helpOverview(ledger, orgId, start, end);
  const q = `${year}年${QUARTER_LABELS[quarter - 1]}`;
  const total = o.records.reduce((n, r) => n + yuanToFen(r.value), 0);
  const recipients = new Set(o.records.map((r) => r.householdId !== null ? `h${r.householdId}` : r.recipient)).size;
  const lines: string[] = [`${unit}“五助二扶一带”工作简报`, `（${q}）`, '', `${unit}　　${chineseDate(opts.today ?? todayIso())}`, ''];
  const sections: [string, string[]][] = [];
  sections.push(['总体情况', [o.records.length
    ? `本季度（${chineseDate(start)}至${chineseDate(end)}）共开展“五助二扶一带”帮扶 ${o.records.length} 次，帮扶困难群众 ${recipients} 户（人），折合金额 ${formatYuan(total)} 元。`
    : `本季度（${chineseDate(start)}至${chineseDate(end)}）没有登记帮扶记录。`]]);
  sections.push(['分类开展情况', o.byCategory.map((c, i) => `${i + 1}. ${AID_CATEGORY_LABELS[c.category]}：${c.count} 次${c.value ? `，折合 ${yuan(c.value)} 元` : ''}。`)]);
  if (o.stations.length) {
    sections.push(['捐助站收发情况', o.stations.map((s) =>
      `${s.name}：上季度末结余 ${yuan(s.opening.total)} 元（其中现金 ${yuan(s.opening.money)} 元）；本季度收到捐款 ${yuan(s.totals.moneyIn)} 元、捐物折合 ${yuan(s.totals.goodsIn)} 元，` +
      `发放现金 ${yuan(s.totals.moneyOut)} 元、物资折合 ${yuan(s.totals.goodsOut)} 元；季末结余 ${yuan(s.closing.total)} 元（其中现金 ${yuan(s.closing.money)} 元）。`)]);
  }
  const households = listHouseholds(ledger, { orgId, includeClosed: true });
  const added = households.filter((h) => h.registeredOn >= start && h.registeredOn <= end);
  const closed = households.filter((h) => h.closedOn !== null && h.closedOn >= start && h.closedOn <= end);
  const kinds = (h: (typeof households)[number]) => (h.categories.length ? `（${h.categories.map((c) => HOUSEHOLD_CATEGORY_LABELS[c]).join('、')}）` : '');
  sections.push(['困难户登记入册和核实注销', [
    added.length ? `新登记入册 ${added.length} 户：${added.map((h) => `${h.head}${kinds(h)}`).join('、')}。` : '本季度没有新登记入册的住户。',
    closed.length ? `核实注销 ${closed.length} 户：${closed.map((h) => `${h.head}${h.closeReason ? `（${h.closeReason}）` : ''}`).join('、')}。` : '本季度没有核实注销的住户。',
    `季末在册 ${households.filter((h) => h.registeredOn <= end && (h.closedOn === null || h.closedOn > end)).length} 户。`,
  ]]);
  const notable = o.records.filter((r) => r.notable);
  const cases = (notable.length ? notable : [...o.records].sort((a, b) => b.value - a.value).slice(0, 3));
  if (cases.length) {
    sections.push(['典型事例', cases.map((r, i) =>
      `（${NUMBERS[i] ?? i + 1}）${chineseDate(r.date)}，${r.helperName}为${r.recipient}（${AID_CATEGORY_LABELS[r.category]}）${r.content}${r.value ? `，折合 ${yuan(r.value)} 元` : ''}。`)]);
  }
  sections.push(['下一步工作', ['（请填写下一季度的工作打算。）']]);
  sections.forEach(([title, body], i) => lines.push(`${NUMBERS[i]}、${title}`, ...body.map((b) => `　　${b}`), ''));
  const title = `${unit}${q}“五助二扶一带”工作简报`;
  // The draft names the people helped and leaves the ledger as a plain file: an export, audited.
  ledger.tx(() => ledger.audit({ action: 'export', entity: 'report', entityId: orgId, summary: `导出${title}（文本草稿）`, after: { register: 'help-brief', year, quarter, orgId } }));
  return { title, fileName: `${unit}${year}年第${quarter}季度帮扶工作简报.txt`, text: lines.join('\r\n') };
}
