// Helpers for the backup, crash and fuzz tests: a ledger with real members, and byte checks.
import { readFileSync } from 'node:fs';
import type { Ledger } from '../../electron/ledger/ledger';
import { createMember } from '../../electron/ledger/members';
import { makeId, memberInput, smallStreet } from './builders';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞';

/** A distinctive name per index: a test can search a file's bytes for it. */
export function memberName(i: number): string {
  return `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${GIVEN[(i * 3 + 1) % GIVEN.length]}`;
}

/** A small street with `n` members through the real services (audit entries included). */
export function streetWithMembers(ledger: Ledger, n: number) {
  const orgs = smallStreet(ledger);
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const birth = `19${50 + (i % 30)}0${1 + (i % 9)}1${i % 10}`;
    ids.push(createMember(ledger, memberInput(i % 2 ? orgs.branchA : orgs.branchB, { name: memberName(i), idNumber: makeId(birth, 100 + i) })));
  }
  return { ...orgs, memberIds: ids };
}

/** Every member row, in id order: "identical member data" is a deep-equal of this. */
export function memberRows(ledger: Ledger): unknown[] {
  return ledger.db.prepare('SELECT * FROM members ORDER BY id').all();
}

/** What must never appear in an encrypted file's bytes. */
export function plaintextLeaks(file: string, secrets: string[]): string[] {
  const bytes = readFileSync(file);
  return ['SQLite format 3', 'CREATE TABLE', ...secrets].filter((s) => bytes.includes(Buffer.from(s, 'utf8')));
}
