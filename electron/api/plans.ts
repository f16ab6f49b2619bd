// 计划、安排和总结 calls over electron/ledger/plans.ts.
import { addArrangement, planFile, planGaps, planYear, savePlan, voidArrangement } from '../ledger/plans';
import type { HandlerMap } from './handlers';

type PlanMethods = 'plans.year' | 'plans.save' | 'plans.file' | 'plans.addArrangement' | 'plans.voidArrangement' | 'plans.gaps';

export const plansHandlers: HandlerMap<PlanMethods> = {
  'plans.year': (state, { orgId, year }) => planYear(state.requireLedger(), orgId, year),
  'plans.save': (state, input) => ({ id: savePlan(state.requireLedger(), input) }),
  'plans.file': (state, { id }) => {
    const f = planFile(state.requireLedger(), id);
    return { fileName: f.fileName, mime: f.mime, dataBase64: f.data.toString('base64') };
  },
  'plans.addArrangement': (state, input) => ({ id: addArrangement(state.requireLedger(), input) }),
  'plans.voidArrangement': (state, { id, reason }) => {
    voidArrangement(state.requireLedger(), id, reason);
    return { id };
  },
  'plans.gaps': (state, { orgId, year }) => planGaps(state.requireLedger(), year, { orgId }),
};
