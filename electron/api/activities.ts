// Binds the 活动 calls to the services; no logic of its own.
import { type ActivityInput } from '../../shared/schemas/activity';
import {
  activityOrgs, draftFromLast, expectedAttendees, getActivity, listActivities, listActivityTypes, recordActivity, saveCustomActivityTypes, updateActivity,
  voidActivity,
} from '../ledger/activities';
import { addAttachment, attachmentData, attachmentThumbnail, listAttachments, voidAttachment } from '../ledger/attachments';
import { attendanceReport, complianceReport, dueAndOverdue, effectiveRules, loadComplianceConfig, saveComplianceConfig } from '../ledger/compliance';
import { activityRecordPdf } from '../reports/activity-record';
import type { HandlerMap } from './handlers';

type ActivityMethods =
  | 'activities.types' | 'activities.orgs' | 'activities.list' | 'activities.get' | 'activities.expected' | 'activities.draft'
  | 'activities.record' | 'activities.update' | 'activities.void' | 'activities.printRecord'
  | 'activities.attachments.add' | 'activities.attachments.data' | 'activities.attachments.thumbnail' | 'activities.attachments.void'
  | 'activities.compliance' | 'activities.due' | 'activities.attendance' | 'activities.rules' | 'activities.saveRules' | 'activities.saveTypes';

export const activitiesHandlers: HandlerMap<ActivityMethods> = {
  'activities.types': (state) => listActivityTypes(state.requireLedger()),
  'activities.orgs': (state, { includeDissolved }) => activityOrgs(state.requireLedger(), { includeDissolved }),
  'activities.list': (state, q) => listActivities(state.requireLedger(), q),
  'activities.get': (state, { id }) => {
    const ledger = state.requireLedger();
    return { ...getActivity(ledger, id), attachments: listAttachments(ledger, id) };
  },
  'activities.expected': (state, q) => expectedAttendees(state.requireLedger(), q),
  'activities.draft': (state, q) => draftFromLast(state.requireLedger(), q),
  'activities.record': (state, input) => {
    const ledger = state.requireLedger();
    return getActivity(ledger, recordActivity(ledger, input as ActivityInput));
  },
  'activities.update': (state, { id, activity }) => updateActivity(state.requireLedger(), id, activity as ActivityInput),
  'activities.void': (state, { id, reason }) => {
    voidActivity(state.requireLedger(), id, reason);
    return { id };
  },
  'activities.printRecord': async (state, { id, maskIds }) => {
    const ledger = state.requireLedger();
    const { fileName, data, title } = await activityRecordPdf(ledger, id, { maskIds });
    ledger.tx(() => ledger.audit({ action: 'export', entity: 'activity', entityId: id, summary: `打印会议记录《${title}》`, after: { file: fileName, maskIds } }));
    return { fileName, data };
  },
  'activities.attachments.add': (state, input) => addAttachment(state.requireLedger(), input),
  'activities.attachments.data': (state, { id }) => {
    const { meta, data } = attachmentData(state.requireLedger(), id);
    return { meta, dataBase64: data.toString('base64') };
  },
  'activities.attachments.thumbnail': (state, { id }) => {
    const t = attachmentThumbnail(state.requireLedger(), id);
    return t && { mime: t.mime, dataBase64: t.data.toString('base64') };
  },
  'activities.attachments.void': (state, { id }) => {
    voidAttachment(state.requireLedger(), id);
    return { id };
  },
  'activities.compliance': (state, { year, orgId }) => complianceReport(state.requireLedger(), { year, orgId }),
  'activities.due': (state, { orgId }) => dueAndOverdue(state.requireLedger(), { orgId }),
  'activities.attendance': (state, q) => attendanceReport(state.requireLedger(), q),
  'activities.rules': (state) => {
    const ledger = state.requireLedger();
    return { config: loadComplianceConfig(ledger), effective: effectiveRules(ledger) };
  },
  'activities.saveTypes': (state, { types }) => saveCustomActivityTypes(state.requireLedger(), types),
  'activities.saveRules': (state, config) => {
    const ledger = state.requireLedger();
    return { config: saveComplianceConfig(ledger, config), effective: effectiveRules(ledger) };
  },
};
