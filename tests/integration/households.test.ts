// 民情卡 (households) and 党员联系户 on a real encrypted ledger: 入册, edit, 注销 (kept, dated, with
// its contact links ended), the member's links, and migration 7 moving the old free-text links.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openExistingDatabase, readKeyFile } from '../../electron/ledger/ledger';
import { unlockWithPassword } from '../../electron/ledger/keyring';
import { migrate } from '../../electron/ledger/migrate';
import {
  closeHousehold, createHousehold, endContact, getHousehold, linkContact, listContacts, listHouseholds, updateHousehold,
} from '../../electron/ledger/households';
import type { Ledger } from '../../electron/ledger/ledger';
import { createMember } from '../../electron/ledger/members';
import { memberInput, smallStreet } from '../helpers/builders';
import { tempDir, tempLedger } from '../helpers/temp-ledger';

let t: Awaited<ReturnType<typeof tempLedger>>;
let ledger: Ledger;
let street: ReturnType<typeof smallStreet>;
let zhang: number;

beforeAll(async () => {
  t = await tempLedger();
  ledger = t.ledger;
  street = smallStreet(ledger);
  zhang = createMember(ledger, memberInput(street.branchA, { name: '张三' }));
});
afterAll(() => t.cleanup());

const base = { estate: '幸福里小区', building: '3', unit: '2', room: '501', address: null, phone: '13912345678', needs: '希望有人帮忙买药', note: null };

describe('民情卡', () => {
  it('入册 with address, people and several categories; searchable fields come back', () => {
    const id = createHousehold(ledger, {
      ...base, orgId: street.branchA, head: '李秀英', registeredOn: '2025-03-01',
      people: [{ name: '王建国', relation: '配偶', phone: null }], categories: ['emptyNestElderly', 'lowIncome', 'lowIncome'],
    });
    const h = getHousehold(ledger, id);
    expect(h).toMatchObject({ head: '李秀英', orgName: '东风社区第一党支部', addressLine: '幸福里小区3栋2单元501室', categories: ['emptyNestElderly', 'lowIncome'], closedOn: null });
    expect(h.people).toEqual([{ name: '王建国', relation: '配偶', phone: null }]);
    expect(listHouseholds(ledger, { orgId: street.community }).map((x) => x.id)).toContain(id);
    expect(listHouseholds(ledger, { orgId: street.branchB })).toEqual([]);
  });

  it('refuses the working committee and a 党小组 as the household org', () => {
    expect(() => createHousehold(ledger, { ...base, orgId: street.committee, head: '赵六', registeredOn: '2025-03-01' })).toThrow(/社区党委、党总支或党支部/);
  });

  it('edits, then 注销 keeps the card with date and reason and ends its contact links', () => {
    const id = createHousehold(ledger, { ...base, orgId: street.branchA, head: '周大海', registeredOn: '2024-05-01', categories: ['hardship'] });
    updateHousehold(ledger, id, { ...base, orgId: street.branchA, head: '周大海', room: '502', categories: ['hardship', 'unemployed'] });
    expect(getHousehold(ledger, id)).toMatchObject({ room: '502', categories: ['hardship', 'unemployed'] });
    const link = linkContact(ledger, { memberId: zhang, householdId: id, fromDate: '2024-06-01' });
    expect(() => linkContact(ledger, { memberId: zhang, householdId: id, fromDate: '2024-07-01' })).toThrow(/已经在联系/);
    expect(getHousehold(ledger, id).contacts).toEqual(['张三']);

    closeHousehold(ledger, { id, date: '2025-06-30', reason: '家庭收入提高，核实脱困' });
    const h = getHousehold(ledger, id);
    expect(h).toMatchObject({ closedOn: '2025-06-30', closeReason: '家庭收入提高，核实脱困', contacts: [] });
    expect(listContacts(ledger, { householdId: id })).toMatchObject([{ id: link, toDate: '2025-06-30' }]);
    expect(listHouseholds(ledger).map((x) => x.id)).not.toContain(id);
    expect(listHouseholds(ledger, { includeClosed: true }).map((x) => x.id)).toContain(id);
    expect(() => updateHousehold(ledger, id, { ...base, orgId: street.branchA, head: '周大海' })).toThrow(/已于 2025-06-30 注销/);
    const audit = ledger.db.prepare("SELECT action FROM audit_log WHERE entity = 'household' AND entity_id = ? ORDER BY id").pluck().all(id);
    expect(audit).toEqual(['create', 'update', 'close']);
  });

  it("a member's contact links run from/to dates; asOf picks the ones running that day", () => {
    const a = createHousehold(ledger, { ...base, orgId: street.branchA, head: '孙桂兰', registeredOn: '2023-01-01' });
    const link = linkContact(ledger, { memberId: zhang, householdId: a, fromDate: '2023-02-01' });
    endContact(ledger, { id: link, date: '2024-12-31' });
    expect(listContacts(ledger, { memberId: zhang, asOf: '2024-06-01' }).map((c) => c.head)).toContain('孙桂兰');
    expect(listContacts(ledger, { memberId: zhang, asOf: '2025-01-01' }).map((c) => c.head)).not.toContain('孙桂兰');
    expect(() => endContact(ledger, { id: link, date: '2025-01-05' })).toThrow(/找不到/);
  });
});

describe('migration 12 (households)', () => {
  it("moves migration 1's free-text 联系户 into households and dated contact links, one household per head and address", async () => {
    const { dir, cleanup } = tempDir('households-migration-');
    try {
      const fixture = join(__dirname, '..', 'fixtures', 'ledgers', 'landed-v1');
      const path = join(dir, 'v1.ledger');
      copyFileSync(`${fixture}.ledger`, path);
      copyFileSync(`${fixture}.ledger.keys`, `${path}.keys`);
      const db = openExistingDatabase(path, (await unlockWithPassword(readKeyFile(path), 'fixture-password-1'))!.dataKey);
      try {
        migrate(db, 11);
        const [m1, m2] = db.prepare('SELECT id FROM members ORDER BY id').pluck().all() as number[];
        const add = db.prepare("INSERT INTO household_links (member_id, household, address, phone, since, until, note, created_at) VALUES (?,?,?,?,?,?,?,'2024-01-02T00:00:00Z')");
        add.run(m1, '陈阿婆', '东风小区1幢101室', '13700000001', '2022-03-01', null, '每周探望');
        add.run(m2, '陈阿婆', '东风小区1幢101室', null, '2021-05-01', '2023-01-01', null);
        add.run(m2, '刘大爷', null, null, null, null, null);
        migrate(db, 12);
        const households = db.prepare('SELECT head, address, phone, registered_on AS registeredOn FROM households ORDER BY id').all();
        expect(households).toEqual([
          { head: '陈阿婆', address: '东风小区1幢101室', phone: '13700000001', registeredOn: '2021-05-01' },
          { head: '刘大爷', address: null, phone: null, registeredOn: '2024-01-02' },
        ]);
        expect(db.prepare('SELECT member_id AS m, from_date AS f, to_date AS t, note FROM household_contacts ORDER BY id').all()).toEqual([
          { m: m1, f: '2022-03-01', t: null, note: '每周探望' },
          { m: m2, f: '2021-05-01', t: '2023-01-01', note: null },
          { m: m2, f: '2024-01-02', t: null, note: null },
        ]);
        expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'household_links'").pluck().get()).toBe(0);
        expect(db.pragma('foreign_key_check')).toEqual([]);
      } finally {
        db.close();
      }
    } finally {
      cleanup();
    }
  });
});
