// The member list with 5,000 members: the filter the page runs on every keystroke (pure, in
// Node), the members.list call that feeds it, and — when Debian's Chromium is installed — the
// whole keystroke in the browser (key down → list repainted) against the demo host.
//   npm run bench            (all sections)
//   npx tsx bench/member-list.ts
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from '../electron/api/dispatch';
import { SessionState } from '../electron/api/session-state';
import { startHttpHost } from '../electron/http-host';
import { Ledger } from '../electron/ledger/ledger';
import { createMember } from '../electron/ledger/members';
import { createOrg, ensureWorkingCommittee } from '../electron/ledger/orgs';
import type { MemberListRow } from '../shared/api/members';
import { checkCharacter } from '../shared/domain/id-number';
import { applyFilter, EMPTY_FILTER, indexRows } from '../renderer/pages/members/filter';
import { fmtMs, median, row, timeOnce } from './measure';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单';
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '建华', '文', '华', '红', '志强', '国庆', '小红', '晓东', '海燕', '春梅', '德明', '宏伟', '玉兰', '建国', '淑珍', '子涵', '雨桐'];
export const PASSWORD = 'bench-password-1';

function idFor(i: number): string {
  const y = 1940 + (i % 50);
  const m = String(1 + (i % 12)).padStart(2, '0');
  const d = String(1 + (i % 28)).padStart(2, '0');
  const first17 = `330106${y}${m}${d}${String(i % 1000).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

/** A street of 5 communities × 5 branches and `n` members spread over them. */
export async function bigLedger(path: string, n: number): Promise<void> {
  const { ledger } = await Ledger.create(path, PASSWORD, { kdf: { N: 1 << 14, r: 8, p: 1 } });
  const committee = ensureWorkingCommittee(ledger, '基准街道党工委');
  const branches: number[] = [];
  for (let c = 1; c <= 5; c++) {
    const community = createOrg(ledger, { parentId: committee, name: `第${c}社区党委`, type: 'partyCommittee', category: 'community' });
    for (let b = 1; b <= 5; b++) branches.push(createOrg(ledger, { parentId: community, name: `第${c}社区第${b}党支部`, type: 'branch', category: 'community' }));
  }
  const seen = new Set<string>();
  ledger.tx(() => {
    for (let i = 0; seen.size < n; i++) {
      const id = idFor(i);
      if (seen.has(id)) continue;
      seen.add(id);
      const name = SURNAMES[i % SURNAMES.length]! + GIVEN[(i * 7) % GIVEN.length]!;
      createMember(ledger, { name, idNumber: id, kind: i % 17 === 0 ? 'probationary' : 'full', joinedOn: '2010-07-01', confirmedOn: i % 17 === 0 ? null : '2011-07-01', orgId: branches[i % branches.length]!, phone: '13800000000', categories: i % 3 ? ['employed'] : ['retired'] }, { audit: false });
    }
  });
  ledger.close();
}

/** What a clerk types, one character more each time (a one-character entry starts afresh). */
const TYPED = ['w', 'wa', 'wan', 'wang', 'z', 'zh', 'zha', 'zs', '张', '张伟', '3', '33', '330', '3301', '33010', 'l', 'li', 'lix'];

async function browserKeystrokes(url: string): Promise<number[] | null> {
  if (!existsSync('/usr/bin/chromium')) return null;
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(url);
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: '党员' }).click();
    await page.locator('.ant-table-tbody a').first().waitFor();
    const search = page.getByLabel('查找党员');
    await search.focus();
    // Typed character → the first DOM change after it (the count and rows) → the frame that paints it.
    await page.evaluate(() => {
      const w = window as unknown as { __lat: number[] };
      w.__lat = [];
      const root = document.querySelector('.shell-content')!;
      let mo: MutationObserver | null = null;
      // 'input' fires for every typed character (IME text such as 张 sends no keydown).
      document.addEventListener('input', (e) => {
        if (!(e as InputEvent).inputType?.startsWith('insert')) return;
        mo?.disconnect();
        const t0 = performance.now();
        const o = new MutationObserver(() => {
          o.disconnect();
          requestAnimationFrame(() => setTimeout(() => w.__lat.push(performance.now() - t0), 0));
        });
        mo = o;
        o.observe(root, { subtree: true, childList: true, characterData: true });
      }, { capture: true });
    });
    for (const q of TYPED) {
      if (q.length === 1 || !q.startsWith(TYPED[TYPED.indexOf(q) - 1]!)) {
        await search.fill('');
        await page.waitForTimeout(300);
      }
      await page.keyboard.type(q.slice(-1));
      await page.waitForTimeout(250);
    }
    const lat = await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat);
    if (process.env.BENCH_VERBOSE) console.log(lat.map((x) => x.toFixed(0)).join(' '));
    return lat;
  } finally {
    await browser.close();
  }
}

export async function benchMemberList(n = 5000): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-members-'));
  const path = join(dir, 'big.ledger');
  try {
    const built = await timeOnce(() => bigLedger(path, n));
    row(`build a ledger with ${n} members`, fmtMs(built.ms));
    const state = new SessionState(path, { demoPassword: PASSWORD, autoBackup: false });
    state.ledger = await Ledger.open(path, PASSWORD);
    let rows: MemberListRow[] = [];
    const first = await timeOnce(async () => (rows = ((await dispatch(state, 'members.list', {})) as { value: MemberListRow[] }).value));
    row('members.list, first call (pinyin of every name)', fmtMs(first.ms));
    row('members.list, later calls (median of 5)', fmtMs(await median(5, () => dispatch(state, 'members.list', {}))));
    const indexed = indexRows(rows, '2026-06-01');
    row('index the rows for search (once per load)', fmtMs(await median(9, () => indexRows(rows, '2026-06-01'))));
    const per: number[] = [];
    for (const q of TYPED) per.push(await median(21, () => applyFilter(indexed, { ...EMPTY_FILTER, q })));
    row(`filter ${rows.length} rows per keystroke (median / worst of ${TYPED.length} keys)`, `${fmtMs(per.sort((a, b) => a - b)[per.length >> 1]!)} / ${fmtMs(per[per.length - 1]!)}`);

    state.lock();
    const host = await startHttpHost({ state, staticRoot: join(import.meta.dirname, '..', 'dist', 'renderer'), token: 'bench-token-not-secret', port: 0 });
    try {
      const lat = existsSync(join(import.meta.dirname, '..', 'dist', 'renderer', 'index.html')) ? await browserKeystrokes(host.url) : null;
      if (!lat) row('keystroke in Chromium', '(skipped: needs /usr/bin/chromium and `npm run build`)');
      else {
        lat.sort((a, b) => a - b);
        row(`keystroke → list repainted in Chromium (${lat.length} keys)`, `median ${fmtMs(lat[lat.length >> 1]!)}, worst ${fmtMs(lat[lat.length - 1]!)}`);
      }
    } finally {
      await host.close();
      state.lock();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchMemberList();
