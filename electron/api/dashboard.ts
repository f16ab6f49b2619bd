import { dashboardSummary } from '../ledger/dashboard';
import type { HandlerMap } from './handlers';

export const dashboardHandlers: HandlerMap<'dashboard.summary'> = {
  'dashboard.summary': (state, { orgId }) => dashboardSummary(state.requireLedger(), orgId),
};
