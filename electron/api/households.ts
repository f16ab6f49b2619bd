// 民情卡 and 党员联系户 calls over electron/ledger/households.ts.
import { closeHousehold, createHousehold, endContact, getHousehold, linkContact, listContacts, listHouseholds, updateHousehold } from '../ledger/households';
import { orgSubtreeIds } from '../ledger/orgs';
import { listVisits, recordVisit, resolveVisit, updateVisit, voidVisit } from '../ledger/visits';
import type { HandlerMap } from './handlers';
import { pinyinOf } from './members';

type HouseholdMethod = 'households.list' | 'households.get' | 'households.create' | 'households.update' | 'households.close' | 'households.link' | 'households.endLink'
  | 'visits.list' | 'visits.record' | 'visits.update' | 'visits.resolve' | 'visits.void';

export const householdsHandlers: HandlerMap<HouseholdMethod> = {
  'households.list': (state, query) => listHouseholds(state.requireLedger(), query).map((h) => {
    const py = pinyinOf(h.head);
    return { ...h, initials: py.initials, pinyin: py.full };
  }),
  'households.get': (state, { id }) => {
    const ledger = state.requireLedger();
    return { ...getHousehold(ledger, id), contactLinks: listContacts(ledger, { householdId: id }), visits: listVisits(ledger, { householdId: id }) };
  },
  'households.create': (state, input) => ({ id: createHousehold(state.requireLedger(), input) }),
  'households.update': (state, { id, household }) => ({ id: updateHousehold(state.requireLedger(), id, household).id }),
  'households.close': (state, input) => {
    closeHousehold(state.requireLedger(), input);
    return { id: input.id };
  },
  'households.link': (state, input) => ({ id: linkContact(state.requireLedger(), input) }),
  'households.endLink': (state, input) => {
    endContact(state.requireLedger(), input);
    return { id: input.id };
  },
  'visits.list': (state, { orgId, from, to }) => {
    const ledger = state.requireLedger();
    return listVisits(ledger, { orgIds: orgId ? orgSubtreeIds(ledger, orgId, { includeDissolved: true }) : undefined, from: from ?? undefined, to: to ?? undefined });
  },
  'visits.record': (state, input) => ({ id: recordVisit(state.requireLedger(), input) }),
  'visits.update': (state, { id, visit }) => ({ id: updateVisit(state.requireLedger(), id, visit).id }),
  'visits.resolve': (state, input) => ({ id: resolveVisit(state.requireLedger(), input).id }),
  'visits.void': (state, input) => {
    voidVisit(state.requireLedger(), input);
    return { id: input.id };
  },
};
