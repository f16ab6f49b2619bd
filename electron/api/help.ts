import type { Ledger } from '../ledger/ledger';
import { createStation, helpOverview, recordAid, recordDonation, voidAid, voidDonation } from '../ledger/aid';
import { helpBrief } from '../ledger/aid-brief';
import { logMobileContact, mobileContactList, setContactPerson, voidMobileContact } from '../ledger/mobile-contacts';
import type { HandlerMap } from './handlers';
import type { SessionState } from './session-state';

type HelpMethod =
  | 'help.overview' | 'help.record' | 'help.voidRecord' | 'help.createStation' | 'help.donation' | 'help.voidDonation' | 'help.brief'
  | 'mobileContacts.list' | 'mobileContacts.setPerson' | 'mobileContacts.log' | 'mobileContacts.void';

const withLedger = <T>(state: SessionState, f: (l: Ledger) => T): T => f(state.requireLedger());

export const helpHandlers: HandlerMap<HelpMethod> = {
  'help.overview': (state, { orgId, from, to }) => helpOverview(state.requireLedger(), orgId, from, to),
  'help.record': (state, input) => ({ id: withLedger(state, (l) => recordAid(l, input)) }),
  'help.voidRecord': (state, input) => withLedger(state, (l) => (voidAid(l, input), { ok: true as const })),
  'help.createStation': (state, input) => ({ id: withLedger(state, (l) => createStation(l, input)) }),
  'help.donation': (state, input) => ({ id: withLedger(state, (l) => recordDonation(l, input)) }),
  'help.voidDonation': (state, input) => withLedger(state, (l) => (voidDonation(l, input), { ok: true as const })),
  'help.brief': (state, { orgId, year, quarter }) => helpBrief(state.requireLedger(), orgId, year, quarter),
  'mobileContacts.list': (state, { orgId }) => mobileContactList(state.requireLedger(), orgId),
  'mobileContacts.setPerson': (state, input) => ({ id: withLedger(state, (l) => setContactPerson(l, input)) }),
  'mobileContacts.log': (state, input) => ({ id: withLedger(state, (l) => logMobileContact(l, input)) }),
  'mobileContacts.void': (state, input) => withLedger(state, (l) => (voidMobileContact(l, input), { ok: true as const })),
};
