// The member import on a generated 5,000-row roster: the engine (read → validate → preview, and
// with the commit) beside the floor, the time SheetJS alone takes to parse the same file.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { checkCharacter } from '../shared/domain/id-number';
import { Ledger } from '../electron/ledger/ledger';
import { analyseFile } from '../electron/import/analyse';
import { planImport } from '../electron/import/plan';
import { commitPlan } from '../electron/import/commit';
import { SHEETJS_READ_OPTIONS } from '../electron/import/read';
import { fmtMs, row, timeOnce } from './measure';

const ROWS = 5000;
const BRANCHES = ['金鼎社区第一党支部', '金鼎社区第二党支部', '龙泉社区第一党支部', '龙泉社区第二党支部', '莲花社区党支部', '园西社区党支部',
  '青云社区党支部', '春城街道机关党支部', '春城街道社区服务中心党支部', '金鼎社区离退休党支部', '春城街道非公企业联合党支部', '春城街道社会组织联合党支部'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰华建国红玉梅春林海燕云鹏飞志文斌宇浩婷雪琴晓波';

/** A deterministic pseudo-random sequence, so every run benchmarks the same file. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export async function generateRoster(path: string, rows = ROWS, branches: readonly string[] = BRANCHES): Promise<void> {
  const rand = rng(20261122);
  const pick = <T>(s: ArrayLike<T>) => s[Math.floor(rand() * s.length)]!;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('党员花名册');
  ws.addRow(['序号', '姓名', '性别', '民族', '公民身份号码', '出生日期', '学历', '人员类别', '入党日期', '转正日期', '所在党支部', '工作单位及职务', '联系电话', '现居住地']);
  ws.getColumn(5).numFmt = '@';
  const used = new Set<string>();
  for (let i = 1; i <= rows; i++) {
    const year = 1940 + Math.floor(rand() * 60);
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    let id: string;
    do {
      const first17 = `5301${pad(2 + Math.floor(rand() * 20))}${year}${pad(month)}${pad(day)}${pad(Math.floor(rand() * 100))}${Math.floor(rand() * 10)}`;
      id = first17 + checkCharacter(first17);
    } while (used.has(id));
    used.add(id);
    const gender = Number(id[16]) % 2 === 1 ? '男' : '女';
    const joinYear = Math.min(year + 20 + Math.floor(rand() * 25), 2024);
    const probationary = joinYear >= 2024 && rand() < 0.5;
    const joined = new Date(Date.UTC(joinYear, Math.floor(rand() * 12), 1 + Math.floor(rand() * 28)));
    const confirmed = probationary ? null : new Date(Date.UTC(joined.getUTCFullYear() + 1, joined.getUTCMonth(), joined.getUTCDate()));
    const r = ws.addRow([
      i, pick(SURNAMES) + pick(GIVEN) + (rand() < 0.5 ? pick(GIVEN) : ''), gender, rand() < 0.8 ? '汉族' : '彝族', id,
      new Date(Date.UTC(year, month - 1, day)), pick(['大学', '大专', '高中', '中专', '初中']), probationary ? '预备党员' : '正式党员',
      joined, confirmed, pick(branches), pick(['退休', '春城街道办事处科员', '云南恒达物流有限公司职员', '个体经营']),
      `1${pick('35789')}${String(Math.floor(rand() * 1e9)).padStart(9, '0')}`, `昆明市五华区青云街${1 + Math.floor(rand() * 300)}号`,
    ]);
    for (const c of [6, 9, 10]) r.getCell(c).numFmt = 'yyyy-mm-dd';
  }
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
}

const CHEAP_KDF = { N: 1 << 12, r: 8, p: 1 };

export async function benchImport(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
  try {
    const file = join(dir, 'roster-5000.xlsx');
    await generateRoster(file);
    const bytes = readFileSync(file);
    const perSecond = (ms: number) => `${Math.round((ROWS / ms) * 1000).toLocaleString('en-US')} rows/s`;

    // Floor and dry run alternate, so both see the same machine load; medians of 7 after a warm-up.
    let n = 0;
    const { ledger } = await Ledger.create(join(dir, 'dry.ledger'), 'bench-password-1', { kdf: CHEAP_KDF });
    const dryRun = () => {
      const { analysis } = analyseFile(bytes, 'roster-5000.xlsx');
      n = planImport(ledger, analysis, { createOrgs: true }).counts.valid;
    };
    const floors: number[] = [];
    const drys: number[] = [];
    for (let i = 0; i < 8; i++) {
      const f = await timeOnce(() => XLSX.read(bytes, SHEETJS_READ_OPTIONS));
      const d = await timeOnce(dryRun);
      if (i > 0) {
        floors.push(f.ms);
        drys.push(d.ms);
      }
    }
    ledger.close();
    const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const floor = mid(floors);
    const dry = mid(drys);
    row(`parse only, SheetJS (the floor), ${ROWS} rows`, `${fmtMs(floor)}  (${perSecond(floor)})`);
    row(`dry run: read → validate → preview (${n} valid)`, `${fmtMs(dry)}  (${perSecond(dry)}, ${(dry / floor).toFixed(2)}× the floor)`);

    const commits: number[] = [];
    let created = 0;
    for (let i = 0; i < 3; i++) {
      const { ledger: fresh } = await Ledger.create(join(dir, `commit-${i}.ledger`), 'bench-password-1', { kdf: CHEAP_KDF });
      const t = await timeOnce(() => {
        const { analysis } = analyseFile(bytes, 'roster-5000.xlsx');
        return commitPlan(fresh, planImport(fresh, analysis, { createOrgs: true }));
      });
      created = t.value.created;
      commits.push(t.ms);
      if (i === 2) {
        const again = await timeOnce(() => {
          const { analysis } = analyseFile(bytes, 'roster-5000.xlsx');
          return commitPlan(fresh, planImport(fresh, analysis, { createOrgs: true }));
        });
        row(`re-import of the same file (${again.value.unchanged} unchanged)`, `${fmtMs(again.ms)}  (${perSecond(again.ms)})`);
      }
      fresh.close();
    }
    const commit = commits.sort((a, b) => a - b)[1]!;
    row(`import with commit into a fresh ledger (${created} new)`, `${fmtMs(commit)}  (${perSecond(commit)}, ${(commit / floor).toFixed(2)}× the floor)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchImport();
