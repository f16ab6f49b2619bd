// Weak passwords are refused: the ones the attack found passing (12345678, eight spaces), words
// every guesser tries, and the names a colleague would try.
import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../electron/ledger/password-policy';
import { TEST_PASSWORD } from '../helpers/temp-ledger';

describe('password policy', () => {
  it('refuses short, repeated, sequential and common passwords', () => {
    for (const weak of ['12345678', '        ', 'aaaa1111', '87654321', 'qwertyui', 'abcdefgh', 'password', 'Password123', 'woaini1314', '5201314520', 'admin123', 'short']) {
      expect({ weak, refused: passwordProblem(weak) !== null }).toEqual({ weak, refused: true });
    }
  });
  it('refuses the 10,000 most common passwords, and only those of the leaked lists', () => {
    // Ranks 5004, 9801 and 9990 of the frequency-ranked list; 'outsider' is rank 10053.
    for (const weak of ['missouri', 'jennifer1', '21081990']) expect({ weak, refused: passwordProblem(weak) !== null }).toEqual({ weak, refused: true });
    expect(passwordProblem('outsider')).toBeNull();
  });
  it('refuses the street\'s name and the user\'s own', () => {
    expect(passwordProblem('望江街道2026!', { streetName: '望江街道' })).toContain('街道');
    expect(passwordProblem('李文书-2026-x', { userName: '李文书' })).toContain('用户名');
  });
  it('accepts a password nobody guesses first', () => {
    for (const ok of [TEST_PASSWORD, 'qingtian-47-baiyun', '红旗渠-1960-修成', 'clerk-password-2']) expect({ ok, problem: passwordProblem(ok, { streetName: '望江街道', userName: '小王' }) }).toEqual({ ok, problem: null });
  });
});
