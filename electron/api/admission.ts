import { createApplicant, dropApplicant, listAdmission, recordAdmissionStep } from '../ledger/admission';
import type { HandlerMap } from './handlers';

type AdmissionMethod = 'admission.list' | 'admission.create' | 'admission.step' | 'admission.drop';

/** Every change answers with the list as it now stands (warnings included). */
export const admissionHandlers: HandlerMap<AdmissionMethod> = {
  'admission.list': (state, q) => listAdmission(state.requireLedger(), q),
  'admission.create': (state, { scope, ...input }) => {
    createApplicant(state.requireLedger(), input);
    return listAdmission(state.requireLedger(), scope);
  },
  'admission.step': (state, { scope, ...input }) => {
    recordAdmissionStep(state.requireLedger(), input);
    return listAdmission(state.requireLedger(), scope);
  },
  'admission.drop': (state, { scope, ...input }) => {
    dropApplicant(state.requireLedger(), input);
    return listAdmission(state.requireLedger(), scope);
  },
};
