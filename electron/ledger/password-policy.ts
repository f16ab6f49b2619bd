// Which passwords are refused: too short, a few characters repeated, a run along the alphabet,
// the digits or a keyboard row, one of the 10,000 most common passwords (zxcvbn's frequency-ranked
// list), a word every guesser tries first here (the short hand-made list: pinyin and number words
// a leaked-password corpus ranks low), or the names a colleague would try (the street's, the user's
// own). (“dangjian” + year is the printed demo password, so it is not listed.)
import { dictionary } from '@zxcvbn-ts/language-common';
import { LedgerError } from '../../shared/errors';

let mostCommon: ReadonlySet<string> | null = null;
/** The 10,000 most common passwords, built on first use (start-up does not pay for it). */
function isMostCommon(lower: string): boolean {
  mostCommon ??= new Set(dictionary['passwords-common'].slice(0, 10_000));
  return mostCommon.has(lower);
}

const COMMON = new Set([
  'password', 'passw0rd', 'admin', 'administrator', 'root', 'qwerty', 'qwertyuiop', 'asdfgh', 'asdfghjkl', 'zxcvbnm', 'abc', 'abcd',
  'iloveyou', 'welcome', 'letmein', 'monkey', 'dragon', 'football', 'baseball', 'sunshine', 'princess', 'superman', 'master',
  'woaini', 'woaini1314', 'aini1314', '5201314', '1314520', '520520', 'wodemima', 'mima', 'mimamima', 'zhangwei', 'wangwei',
  'dangyuan', 'dangwei', 'zhibu', 'shequ', 'jiedao', 'gongchandang', 'zuzhi', 'taizhang', 'dangjiantaizhang',
  'changeme', 'default', 'guest', 'test', 'ceshi', 'mima123', 'admin123', 'user', 'china', 'zhongguo', 'beijing', 'shanghai',
]);

const ROWS = ['abcdefghijklmnopqrstuvwxyz', '01234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1qaz2wsx3edc4rfv5tgb', 'qazwsxedcrfvtgbyhn'];

/** The whole password is one run along a row (forwards or backwards, wrapping digits). */
function isRun(p: string): boolean {
  return ROWS.some((row) => row.includes(p) || [...row].reverse().join('').includes(p));
}

export type PasswordContext = { streetName?: string | null; userName?: string | null };

export function passwordProblem(password: string, ctx: PasswordContext = {}): string | null {
  if (password.length < 8) return '密码至少需要 8 个字符。';
  if (new Set(password).size < 4) return '密码里不同的字符太少（如 8 个空格、aaaa1111），请混用更多不同的字母、数字或符号。';
  const lower = password.toLowerCase();
  if (isRun(lower)) return '密码是一串连续的字母、数字或键盘上的一行（如 12345678、qwertyui），很容易被猜到。';
  if (isMostCommon(lower)) return '这是最常被猜的密码之一，请换一个别人想不到的。';
  const core = lower.replace(/[^a-z0-9]/g, '');
  const digits = /^\d*$/;
  if ([...COMMON].some((w) => (core.startsWith(w) && digits.test(core.slice(w.length))) || (core.endsWith(w) && digits.test(core.slice(0, -w.length))))) {
    return '这是最常被猜的密码之一，请换一个别人想不到的。';
  }
  for (const [name, what] of [[ctx.streetName, '街道（台帐）的名称'], [ctx.userName, '自己的用户名']] as const) {
    const n = name?.trim();
    if (n && n.length >= 2 && password.includes(n)) return `密码里不要含有${what}“${n}”：同事一猜就中。`;
  }
  return null;
}

export function validatePassword(password: string, ctx: PasswordContext = {}): void {
  const problem = passwordProblem(password, ctx);
  if (problem) throw new LedgerError('PASSWORD_WEAK', problem);
}
