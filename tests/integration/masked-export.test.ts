// A masked export lets no one rebuild an ID number or reach a member: every register of a branch,
// and the branch's binder, exported masked in both formats and read back (exceljs, pdftotext) holds
// no 18-character ID, no full birth date, no full mobile number and no room number of an address.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ledger } from '../../electron/ledger/ledger';
import { listMembers } from '../../electron/ledger/members';
import { exportRegister } from '../../electron/reports/export';
import { resolveScope } from '../../electron/reports/scope';
import { REGISTERS, type RegisterName, type ReportFormat } from '../../shared/reports/catalog';
import { tempDir } from '../helpers/temp-ledger';
import { DEMO_TODAY, openDemoCopy } from '../helpers/demo-street';

const TODAY = DEMO_TODAY;
const YEAR = 2025;

let ledger: Ledger;
let dir: ReturnType<typeof tempDir>;
let branchId: number;
let birthDates: string[];

async function exportedText(register: RegisterName, format: ReportFormat, maskIds: boolean): Promise<{ text: string; footer: string }> {
  const file = join(dir.dir, `${register}${maskIds ? '-masked' : ''}.${format}`);
  await exportRegister(ledger, { register, format, scope: { orgId: branchId }, period: { year: YEAR }, maskIds, today: TODAY }, file);
  if (format === 'pdf') {
    const text = execFileSync('pdftotext', [file, '-'], { maxBuffer: 256 * 1024 * 1024 }).toString();
    return { text, footer: text };
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const parts: string[] = [];
  const footers: string[] = [];
  wb.eachSheet((ws) => {
    footers.push(ws.headerFooter.oddFooter ?? '');
    ws.eachRow((row) => row.eachCell((c) => parts.push(String(c.text ?? ''))));
  });
  return { text: parts.join('\n'), footer: footers.join('\n') };
}

/** What a masked export must not hold. */
function leaks(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g)) found.push(`身份证号 ${m[0]}`);
  for (const m of text.matchAll(/(?<!\d)1[3-9]\d{9}(?!\d)/g)) found.push(`手机号 ${m[0]}`);
  for (const d of birthDates) if (text.includes(d)) found.push(`出生日期 ${d}`);
  for (const m of text.matchAll(/\d+单元\d+室|\d+室/g)) found.push(`门牌 ${m[0]}`);
  return found;
}

beforeAll(async () => {
  dir = tempDir('masked-export-');
  ledger = await openDemoCopy(join(dir.dir, 'demo.ledger'));
  const scope = resolveScope(ledger, {}, { year: YEAR }, TODAY);
  branchId = scope.branches.find((o) => listMembers(ledger, { orgId: o.id }).length >= 20)!.id;
  birthDates = listMembers(ledger, { orgId: branchId }).map((m) => m.birthDate).filter((d): d is string => !!d);
}, 300_000);
afterAll(() => {
  ledger?.close();
  dir?.cleanup();
});

describe('masked exports', () => {
  it('the unmasked roster does hold what the masked one must not (the check can fail)', { timeout: 120_000 }, async () => {
    for (const format of ['pdf', 'xlsx'] as const) {
      const { text, footer } = await exportedText('roster', format, false);
      const found = leaks(text);
      for (const kind of ['身份证号', '手机号', '出生日期', '门牌']) expect(found.some((f) => f.startsWith(kind)), `${format} ${kind}`).toBe(true);
      expect(footer).not.toContain('已脱敏');
    }
  });
  for (const info of REGISTERS) {
    for (const format of info.formats) {
      it(`${info.name} (${format}): no ID, birth date, mobile or room number, and the footer says 已脱敏`, { timeout: 300_000 }, async () => {
        const { text, footer } = await exportedText(info.name, format, true);
        expect(leaks(text)).toEqual([]);
        expect(footer).toContain('已脱敏');
      });
    }
  }
});
