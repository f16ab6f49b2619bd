// The audit log becomes a hash chain (see audit-chain.ts): entries already written are chained
// in their order, so `verify` can tell an entry edited afterwards from then on.
import { chainUnhashed } from '../audit-chain';
import type { Migration } from './migration';

const migration: Migration = {
  name: 'audit-chain',
  up: (db) => {
    db.exec('ALTER TABLE audit_log ADD COLUMN hash TEXT');
    chainUnhashed(db);
  },
};
export default migration;
