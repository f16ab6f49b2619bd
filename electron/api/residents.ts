import type { ResidentBoard } from '../../shared/api/residents';
import type { Ledger } from '../ledger/ledger';
import { endRegistration, recordEvaluation, recordFeedback, registerOutsider, residentBoard } from '../ledger/residents';
import type { HandlerMap } from './handlers';
import type { SessionState } from './session-state';

type ResidentsMethod = 'residents.board' | 'residents.registerOutside' | 'residents.end' | 'residents.feedback' | 'residents.evaluate';

function thenBoard(state: SessionState, scope: { orgId: number | null; year: number }, change: (ledger: Ledger) => unknown): ResidentBoard {
  const ledger = state.requireLedger();
  change(ledger);
  return residentBoard(ledger, scope.orgId, scope.year);
}

export const residentsHandlers: HandlerMap<ResidentsMethod> = {
  'residents.board': (state, { orgId, year }) => residentBoard(state.requireLedger(), orgId, year),
  'residents.registerOutside': (state, { scope, ...input }) => thenBoard(state, scope, (l) => registerOutsider(l, input)),
  'residents.end': (state, { scope, registrationId, ...input }) => thenBoard(state, scope, (l) => endRegistration(l, registrationId, input)),
  'residents.feedback': (state, { scope, ...input }) => thenBoard(state, scope, (l) => recordFeedback(l, input)),
  'residents.evaluate': (state, { scope, ...input }) => thenBoard(state, scope, (l) => recordEvaluation(l, input)),
};
