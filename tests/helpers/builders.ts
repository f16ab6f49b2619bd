// Small hand-built ledgers for integration tests: a committee, a community, two branches.
import { checkCharacter } from '../../shared/domain/id-number';
import type { Ledger } from '../../electron/ledger/ledger';
import { createOrg, ensureWorkingCommittee } from '../../electron/ledger/orgs';
import type { MemberCreate } from '../../shared/schemas/member';

/** A valid ID number for a birth date (YYYYMMDD) and a 3-digit sequence (odd = male). */
export function makeId(birth: string, seq: number, region = '110105'): string {
  const first17 = `${region}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

export function smallStreet(ledger: Ledger) {
  const committee = ensureWorkingCommittee(ledger, '测试街道党工委');
  const community = createOrg(ledger, { parentId: committee, name: '东风社区党委', type: 'partyCommittee', category: 'community' });
  const branchA = createOrg(ledger, { parentId: community, name: '东风社区第一党支部', type: 'branch', category: 'community', foundedOn: '2010-01-01' });
  const branchB = createOrg(ledger, { parentId: community, name: '东风社区第二党支部', type: 'branch', category: 'community', foundedOn: '2012-06-01' });
  return { committee, community, branchA, branchB };
}

export function memberInput(orgId: number, over: Partial<MemberCreate> = {}): MemberCreate {
  return {
    name: '张三',
    idNumber: makeId('19800512', 11),
    kind: 'full',
    joinedOn: '2005-07-01',
    confirmedOn: '2006-07-01',
    orgId,
    phone: '13800001111',
    ...over,
  };
}
