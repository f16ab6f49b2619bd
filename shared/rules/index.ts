// The pure compliance engine: periods, rules (defaults + overrides), roster as of a date,
// evaluation and attendance. No I/O: electron/ledger/compliance.ts loads the facts.
export * from './periods';
export * from './roster';
export * from './config';
export * from './engine';
export * from './attendance';
