// Register name → its data query and its builder: the one table the exporter, the binder and
// the preview go through.
import type { RegisterName } from '../../shared/reports/catalog';
import type { RegisterDoc } from '../../shared/reports/model';
import { buildMemberForm } from '../../shared/reports/registers/member-form';
import { buildMobile } from '../../shared/reports/registers/mobile';
import { buildOrgs } from '../../shared/reports/registers/orgs';
import { buildPosts } from '../../shared/reports/registers/posts';
import { buildResident } from '../../shared/reports/registers/resident';
import { buildRoster } from '../../shared/reports/registers/roster';
import { buildMeetingPages, buildMeetings } from '../../shared/reports/registers/meetings';
import { buildAttendance } from '../../shared/reports/registers/attendance';
import { buildAppraisal } from '../../shared/reports/registers/appraisal';
import { buildContract } from '../../shared/reports/registers/contract';
import { buildAssessment } from '../../shared/reports/registers/assessment';
import { buildAssessmentSummary } from '../../shared/reports/registers/assessment-summary';
import { assessmentData, contractData, summaryData } from './queries/assessment';
import type { Ledger } from '../ledger/ledger';
import { memberFormData, mobileData, orgsData, postsData, residentData } from './queries/members';
import type { QueryOptions } from './queries/options';
import { rosterData } from './queries/roster';
import { appraisalData, attendanceData, meetingPagesData, meetingsData } from './queries/activities';
import type { Scope } from './scope';
import { buildDues, buildDuesSummary } from '../../shared/reports/registers/dues';
import { duesData, duesSummaryData } from './queries/dues';
import { buildAdmission, buildAdmissionNotice } from '../../shared/reports/registers/admission';
import { admissionData, admissionNoticeData } from './queries/admission';
import { buildResidentFeedback, buildResidentSummary } from '../../shared/reports/registers/resident-feedback';
import { residentFeedbackData, residentSummaryData } from './queries/residents';
import { buildSecretaryReview } from '../../shared/reports/registers/secretary-review';
import { buildCommendations } from '../../shared/reports/registers/commendations';
import { commendationsData, secretaryReviewData } from './queries/reviews';
import { buildPlans } from '../../shared/reports/registers/plans';
import { plansData } from './queries/plans';
import { buildDonations, buildHelp } from '../../shared/reports/registers/help';
import { donationsData, helpData } from './queries/help';
import { buildContactCards, buildContacts, buildHouseholds, buildVisits } from '../../shared/reports/registers/households';
import { contactCardsData, contactsData, householdsData, visitsData } from './queries/households';

export type RegisterSource = (ledger: Ledger, scope: Scope, opts: QueryOptions) => RegisterDoc;

export const SOURCES: Record<Exclude<RegisterName, 'binder'>, RegisterSource> = {
  orgs: (l, s, o) => buildOrgs(orgsData(l, s, o)),
  roster: (l, s, o) => buildRoster(rosterData(l, s, o)),
  'member-form': (l, s, o) => buildMemberForm(memberFormData(l, s, o)),
  mobile: (l, s, o) => buildMobile(mobileData(l, s, o)),
  resident: (l, s, o) => buildResident(residentData(l, s, o)),
  'resident-feedback': (l, s, o) => buildResidentFeedback(residentFeedbackData(l, s, o)),
  'resident-summary': (l, s, o) => buildResidentSummary(residentSummaryData(l, s, o)),
  posts: (l, s, o) => buildPosts(postsData(l, s, o)),
  households: (l, s, o) => buildHouseholds(householdsData(l, s, o)),
  contacts: (l, s, o) => buildContacts(contactsData(l, s, o)),
  'contact-cards': (l, s, o) => buildContactCards(contactCardsData(l, s, o)),
  visits: (l, s, o) => buildVisits(visitsData(l, s, o)),
  meetings: (l, s, o) => buildMeetings(meetingsData(l, s, o)),
  'meeting-pages': (l, s, o) => buildMeetingPages(meetingPagesData(l, s, o)),
  attendance: (l, s, o) => buildAttendance(attendanceData(l, s, o)),
  appraisal: (l, s, o) => buildAppraisal(appraisalData(l, s, o)),
  dues: (l, s, o) => buildDues(duesData(l, s, o)),
  'dues-summary': (l, s, o) => buildDuesSummary(duesSummaryData(l, s, o)),
  admission: (l, s, o) => buildAdmission(admissionData(l, s, o)),
  'admission-notice': (l, s, o) => buildAdmissionNotice(admissionNoticeData(l, s, o)),
  help: (l, s, o) => buildHelp(helpData(l, s, o)),
  donations: (l, s, o) => buildDonations(donationsData(l, s, o)),
  contract: (l, s, o) => buildContract(contractData(l, s, o)),
  assessment: (l, s, o) => buildAssessment(assessmentData(l, s, o)),
  'assessment-summary': (l, s, o) => buildAssessmentSummary(summaryData(l, s, o)),
  'secretary-review': (l, s, o) => buildSecretaryReview(secretaryReviewData(l, s, o)),
  commendations: (l, s, o) => buildCommendations(commendationsData(l, s, o)),
  plans: (l, s, o) => buildPlans(plansData(l, s, o)),
};
