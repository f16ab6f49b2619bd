// The whole API: each area's calls in its own module, merged here. Add a line per area (a method
// defined by two areas stops the start, see mergeAreas).
import type { InputOf, OutputOf } from './contract';
import { mergeAreas } from './merge';
import { sessionCalls } from './session';
import { orgsCalls } from './orgs';
import { membersCalls } from './members';
import { usersCalls } from './users';
import { auditCalls } from './audit';
import { dashboardCalls } from './dashboard';
import { activitiesCalls } from './activities';
import { assessmentCalls } from './assessment';
import { importCalls } from './import';
import { reportsCalls } from './reports';
import { backupsCalls } from './backups';
import { duesCalls } from './dues';
import { admissionCalls } from './admission';
import { residentsCalls } from './residents';
import { duesImportCalls } from './dues-import';
import { secretaryReviewsCalls } from './secretary-reviews';
import { commendationsCalls } from './commendations';
import { postsCalls } from './posts';
import { plansCalls } from './plans';
import { helpCalls } from './help';
import { householdsCalls } from './households';

export const API = mergeAreas(
  sessionCalls,
  orgsCalls,
  membersCalls,
  usersCalls,
  auditCalls,
  dashboardCalls,
  activitiesCalls,
  assessmentCalls,
  importCalls,
  reportsCalls,
  backupsCalls,
  duesCalls,
  admissionCalls,
  residentsCalls,
  duesImportCalls,
  secretaryReviewsCalls,
  commendationsCalls,
  postsCalls,
  plansCalls,
  helpCalls,
  householdsCalls,
);

export type Api = typeof API;
export type Method = keyof Api;

/** The typed client the renderer calls as `window.ledger` (IPC in the app, HTTP in the demo). */
export type LedgerClient = { [M in Method]: (input: InputOf<Api[M]>) => Promise<OutputOf<Api[M]>> };
