// Every handler, keyed by method: each area's handlers in their own module, merged here (a
// method defined twice stops the start, see mergeAreas).
import type { Api, Method } from '../../shared/api';
import type { OutputOf, ParsedInputOf } from '../../shared/api/contract';
import { mergeAreas } from '../../shared/api/merge';
import type { SessionState } from './session-state';
import { sessionHandlers } from './session';
import { orgsHandlers } from './orgs';
import { membersHandlers } from './members';
import { usersHandlers } from './users';
import { auditHandlers } from './audit';
import { dashboardHandlers } from './dashboard';
import { activitiesHandlers } from './activities';
import { assessmentHandlers } from './assessment';
import { importHandlers } from './import';
import { reportsHandlers } from './reports';
import { backupsHandlers } from './backups';
import { duesHandlers } from './dues';
import { admissionHandlers } from './admission';
import { residentsHandlers } from './residents';
import { duesImportHandlers } from './dues-import';
import { secretaryReviewsHandlers } from './secretary-reviews';
import { commendationsHandlers } from './commendations';
import { postsHandlers } from './posts';
import { plansHandlers } from './plans';
import { helpHandlers } from './help';
import { householdsHandlers } from './households';

export type Handler<M extends Method> = (state: SessionState, input: ParsedInputOf<Api[M]>) => OutputOf<Api[M]> | Promise<OutputOf<Api[M]>>;
export type HandlerMap<K extends Method> = { [M in K]: Handler<M> };

export const HANDLERS: HandlerMap<Method> = mergeAreas(
  sessionHandlers,
  orgsHandlers,
  membersHandlers,
  usersHandlers,
  auditHandlers,
  dashboardHandlers,
  activitiesHandlers,
  assessmentHandlers,
  importHandlers,
  reportsHandlers,
  backupsHandlers,
  duesHandlers,
  admissionHandlers,
  residentsHandlers,
  duesImportHandlers,
  secretaryReviewsHandlers,
  commendationsHandlers,
  postsHandlers,
  plansHandlers,
  helpHandlers,
  householdsHandlers,
);
