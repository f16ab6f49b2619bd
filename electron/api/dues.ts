import type { DuesSheet } from '../../shared/api/dues';
import type { Ledger } from '../ledger/ledger';
import { duesSheet, duesSummary, payDues, payMonthForAll, remitDues, setDuesBase, voidDuesPayment, voidRemittance } from '../ledger/dues';
import type { HandlerMap } from './handlers';
import type { SessionState } from './session-state';

type DuesMethod = 'dues.sheet' | 'dues.summary' | 'dues.setBase' | 'dues.pay' | 'dues.payMonth' | 'dues.voidPayment' | 'dues.remit' | 'dues.voidRemittance';

/** Every change answers with the branch's sheet as it now stands, so the page redraws from one reply. */
function thenSheet(state: SessionState, orgId: number, year: number, change: (ledger: Ledger) => unknown): DuesSheet {
  const ledger = state.requireLedger();
  change(ledger);
  return duesSheet(ledger, orgId, year);
}

export const duesHandlers: HandlerMap<DuesMethod> = {
  'dues.sheet': (state, { orgId, year }) => duesSheet(state.requireLedger(), orgId, year),
  'dues.summary': (state, { orgId, year }) => duesSummary(state.requireLedger(), orgId, year),
  'dues.setBase': (state, { orgId, year, ...input }) => thenSheet(state, orgId, year, (l) => setDuesBase(l, input)),
  'dues.pay': (state, { orgId, year, ...input }) => thenSheet(state, orgId, year, (l) => payDues(l, input)),
  'dues.payMonth': (state, { year, ...input }) => {
    let recorded = 0;
    const sheet = thenSheet(state, input.orgId, year, (l) => (recorded = payMonthForAll(l, input)));
    return { ...sheet, recorded };
  },
  'dues.voidPayment': (state, { orgId, year, ...input }) => thenSheet(state, orgId, year, (l) => voidDuesPayment(l, input)),
  'dues.remit': (state, { year, ...input }) => thenSheet(state, input.orgId, year, (l) => remitDues(l, input)),
  'dues.voidRemittance': (state, { orgId, year, ...input }) => thenSheet(state, orgId, year, (l) => voidRemittance(l, input)),
};
