// Binds the 责任书与考核 calls to the services; no logic of its own.
import { listAppraisals, recordAppraisals } from '../ledger/appraisals';
import {
  confirmAssessment, evidenceOptions, getAssessment, gradeBands, saveScores, scoreIndicator, setAssessmentNote, setGradeBands, unlockAssessment, yearSummary,
} from '../ledger/assessments';
import {
  adjustContract, createTemplate, getContract, getTemplate, issueContracts, issueTargets, listContracts, listTemplates, saveTemplate, signContract,
  withdrawContract,
} from '../ledger/contracts';
import type { HandlerMap } from './handlers';

type AssessmentMethods =
  | 'assessment.templates' | 'assessment.template' | 'assessment.createTemplate' | 'assessment.saveTemplate' | 'assessment.issueTargets'
  | 'assessment.issue' | 'assessment.contracts' | 'assessment.contract' | 'assessment.adjustContract' | 'assessment.withdrawContract'
  | 'assessment.signContract' | 'assessment.summary' | 'assessment.get' | 'assessment.score' | 'assessment.saveScores' | 'assessment.setNote' | 'assessment.confirm'
  | 'assessment.unlock' | 'assessment.evidenceOptions' | 'assessment.bands' | 'assessment.setBands' | 'assessment.appraisals'
  | 'assessment.recordAppraisals';

export const assessmentHandlers: HandlerMap<AssessmentMethods> = {
  'assessment.templates': (state) => listTemplates(state.requireLedger()),
  'assessment.template': (state, { year, level }) => getTemplate(state.requireLedger(), { year, level }),
  'assessment.createTemplate': (state, input) => createTemplate(state.requireLedger(), input),
  'assessment.saveTemplate': (state, input) => saveTemplate(state.requireLedger(), input),
  'assessment.issueTargets': (state, { year, level }) => issueTargets(state.requireLedger(), year, level),
  'assessment.issue': (state, input) => issueContracts(state.requireLedger(), input),
  'assessment.contracts': (state, { year }) => listContracts(state.requireLedger(), { year }),
  'assessment.contract': (state, { contractId }) => getContract(state.requireLedger(), contractId),
  'assessment.adjustContract': (state, input) => adjustContract(state.requireLedger(), input),
  'assessment.withdrawContract': (state, input) => {
    const ledger = state.requireLedger();
    withdrawContract(ledger, input);
    return getContract(ledger, input.contractId);
  },
  'assessment.signContract': (state, input) => {
    const ledger = state.requireLedger();
    signContract(ledger, input);
    return getContract(ledger, input.contractId);
  },
  'assessment.summary': (state, { year }) => yearSummary(state.requireLedger(), year),
  'assessment.get': (state, { contractId }) => getAssessment(state.requireLedger(), contractId),
  'assessment.score': (state, input) => {
    const ledger = state.requireLedger();
    scoreIndicator(ledger, input);
    return getAssessment(ledger, input.contractId);
  },
  'assessment.saveScores': (state, input) => {
    const ledger = state.requireLedger();
    saveScores(ledger, input);
    return getAssessment(ledger, input.contractId);
  },
  'assessment.setNote': (state, input) => {
    const ledger = state.requireLedger();
    setAssessmentNote(ledger, input);
    return getAssessment(ledger, input.contractId);
  },
  'assessment.confirm': (state, input) => {
    const ledger = state.requireLedger();
    confirmAssessment(ledger, input);
    return getAssessment(ledger, input.contractId);
  },
  'assessment.unlock': (state, input) => {
    const ledger = state.requireLedger();
    unlockAssessment(ledger, input);
    return getAssessment(ledger, input.contractId);
  },
  'assessment.evidenceOptions': (state, { contractId }) => evidenceOptions(state.requireLedger(), contractId),
  'assessment.bands': (state) => gradeBands(state.requireLedger()),
  'assessment.setBands': (state, { bands }) => setGradeBands(state.requireLedger(), bands),
  'assessment.appraisals': (state, q) => listAppraisals(state.requireLedger(), q),
  'assessment.recordAppraisals': (state, input) => recordAppraisals(state.requireLedger(), input),
};
