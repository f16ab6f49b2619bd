// `npm run -s ledger -- export …` as a clerk runs it: the list, a register to each format, the
// exit codes, and a name with a character the font lacks (printed with a blank, exit 1).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMember } from '../../electron/ledger/members';
import { createOrg, ensureWorkingCommittee } from '../../electron/ledger/orgs';
import { checkCharacter } from '../../shared/domain/id-number';
import { MISSING_GLYPH_PLACEHOLDER } from '../../shared/reports/glyphs';
import { REGISTER_NAMES } from '../../shared/reports/catalog';
import { runCli } from '../helpers/cli';
import { TEST_PASSWORD, tempLedger } from '../helpers/temp-ledger';

let t: Awaited<ReturnType<typeof tempLedger>>;
const NAMES = ['张喆', '李玥', '王堃', '赵珺', '王𪚥'];
const env = { LEDGER_PASSWORD: TEST_PASSWORD };

function id(n: number): string {
  const first17 = `33010219850${(n % 9) + 1}1${n % 10}${String(300 + n).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

beforeAll(async () => {
  t = await tempLedger();
  const root = ensureWorkingCommittee(t.ledger, '测试街道党工委');
  const branch = createOrg(t.ledger, { parentId: root, name: '测试社区第一党支部', type: 'branch', category: 'community' });
  NAMES.forEach((name, i) => createMember(t.ledger, { name, idNumber: id(i), kind: 'full', orgId: branch, joinedOn: '2010-07-01', confirmedOn: '2011-07-01', phone: `1380000000${i}` }));
  t.ledger.close();
}, 60_000);
afterAll(() => t?.cleanup());

describe('export CLI', () => {
  it('lists the registers', () => {
    const r = runCli(['export', '--list', '--json']);
    expect(r.code).toBe(0);
    expect(r.json().map((x: { name: string }) => x.name)).toEqual([...REGISTER_NAMES]);
  });

  it('exports the roster to xlsx (exit 0) and prints a name whose character no font has with a blank (exit 1)', { timeout: 240_000 }, () => {
    const xlsx = join(t.dir, 'roster.xlsx');
    const ok = runCli(['export', 'roster', '--db', t.path, '--format', 'xlsx', '--out', xlsx, '--org', '测试社区第一党支部', '--year', '2025'], env);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('已导出党员花名册');
    expect(existsSync(xlsx)).toBe(true);

    const pdf = join(t.dir, 'roster.pdf');
    const blank = runCli(['export', 'roster', '--db', t.path, '--format', 'pdf', '--out', pdf, '--year', '2025', '--json'], env);
    expect(blank.code).toBe(1);
    expect(blank.json().warnings.join('')).toContain('U+2A6A5');
    const text = execFileSync('pdftotext', [pdf, '-']).toString();
    for (const n of NAMES.slice(0, 4)) expect(text).toContain(n);
    // The blank to write the character in by hand follows the name's first character.
    expect(text.replace(/\s+/g, '')).toContain(`王${MISSING_GLYPH_PLACEHOLDER.replace(/\s+/g, '')}`);
  });

  it('refuses what cannot be done with exit 2, and a wrong password with exit 3', { timeout: 240_000 }, () => {
    const out = join(t.dir, 'x.pdf');
    expect(runCli(['export', 'nope', '--db', t.path, '--format', 'pdf', '--out', out], env).code).toBe(2);
    const binder = runCli(['export', 'binder', '--db', t.path, '--format', 'xlsx', '--out', out], env);
    expect(binder.code).toBe(2);
    expect(binder.stderr).toContain('只能导出为 PDF');
    expect(runCli(['export', 'roster', '--db', t.path, '--format', 'pdf', '--out', out, '--org', '没有这个支部'], env).code).toBe(2);
    expect(runCli(['export', 'roster', '--db', t.path, '--format', 'pdf', '--out', out], { LEDGER_PASSWORD: 'wrong-password-1' }).code).toBe(3);
    expect(existsSync(out)).toBe(false);
  });
});
