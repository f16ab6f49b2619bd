import { attachToCommendation, createCommendation, listCommendations, voidCommendation } from '../ledger/commendations';
import type { HandlerMap } from './handlers';

type CommendationMethod = 'commendations.list' | 'commendations.create' | 'commendations.void' | 'commendations.attach';

export const commendationsHandlers: HandlerMap<CommendationMethod> = {
  'commendations.list': (state, q) => listCommendations(state.requireLedger(), q),
  'commendations.create': (state, input) => createCommendation(state.requireLedger(), input),
  'commendations.void': (state, { id, reason }) => {
    voidCommendation(state.requireLedger(), id, reason);
    return { id };
  },
  'commendations.attach': (state, input) => attachToCommendation(state.requireLedger(), input),
};
