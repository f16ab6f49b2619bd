import type { DuesImportPreview } from '../../shared/api/dues-import';
import { type DuesImportPlan, commitDuesImport, duesRejects, planDuesImport } from '../import/dues';
import { rejectsFileName } from '../import/rejects';
import type { Ledger } from '../ledger/ledger';
import type { HandlerMap } from './handlers';

type DuesImportMethod = 'duesImport.preview' | 'duesImport.commit' | 'duesImport.rejects';
type Input = { fileName: string; data: Uint8Array; year?: number; skipInvalid: boolean };

const plan = (ledger: Ledger, i: Input) => planDuesImport(ledger, i.data, i.fileName, { year: i.year, skipInvalid: i.skipInvalid });

function preview(ledger: Ledger, p: DuesImportPlan, dryRun: boolean): DuesImportPreview {
  return {
    report: commitDuesImport(ledger, p, { dryRun }),
    lines: p.rows.map((r) => ({ sheet: r.sheet, row: r.row, name: r.name, idNumber: r.idNumber, months: r.payments.flatMap((x) => x.months), hasError: r.hasError })),
  };
}

export const duesImportHandlers: HandlerMap<DuesImportMethod> = {
  'duesImport.preview': (state, input) => { const l = state.requireLedger(); return preview(l, plan(l, input), true); },
  'duesImport.commit': (state, input) => { const l = state.requireLedger(); return preview(l, plan(l, input), false); },
  'duesImport.rejects': async (state, input) => {
    const data = await duesRejects(plan(state.requireLedger(), input));
    if (!data) return { fileName: rejectsFileName(input.fileName), data: new Uint8Array() };
    return { fileName: rejectsFileName(input.fileName), data: new Uint8Array(data) };
  },
};
