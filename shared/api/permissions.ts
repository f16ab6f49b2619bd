// Who may do what: one table, method × role, read by dispatch() for every API call and by the CLI
// for its commands. 'public' works while the ledger is locked; 'user' needs any signed-in user;
// 'admin' needs an admin. A service may refuse more (a clerk changing someone else's password),
// never less. The README's roles table is this file.
import type { Method } from './index';

export type Access = 'public' | 'user' | 'admin';

const PUBLIC: Access = 'public';
const USER: Access = 'user';
const ADMIN: Access = 'admin';

export const METHOD_ACCESS: { readonly [M in Method]: Access } = {
  'session.status': PUBLIC, 'session.unlock': PUBLIC, 'session.lock': PUBLIC, 'session.create': PUBLIC, 'session.resetWithRecoveryKey': PUBLIC,

  'users.list': USER, 'users.changePassword': USER, 'users.preferences': USER,
  'users.add': ADMIN, 'users.disable': ADMIN, 'users.newRecoveryKey': ADMIN, 'users.rotateDataKey': ADMIN, 'users.setIdleLock': ADMIN,

  'orgs.tree': USER, 'orgs.get': USER, 'orgs.create': USER, 'orgs.update': USER, 'orgs.move': USER, 'orgs.dissolve': USER,
  'orgs.elect': USER, 'orgs.addPartner': USER, 'orgs.endPartner': USER,

  'members.list': USER, 'members.get': USER, 'members.create': USER, 'members.update': USER, 'members.transferOut': USER,
  'members.transferIn': USER, 'members.transferInternal': USER, 'members.confirm': USER, 'members.extendProbation': USER,
  'members.changeStanding': USER, 'members.startMobile': USER, 'members.endMobile': USER, 'members.registerResident': USER,
  'members.endResident': USER, 'members.posts': USER, 'members.assignPost': USER, 'members.leavePost': USER,
  'members.regainContact': USER, 'members.exportList': USER, 'members.bulk': USER,

  'households.list': USER, 'households.get': USER, 'households.create': USER, 'households.update': USER, 'households.close': USER,
  'households.link': USER, 'households.endLink': USER,
  'visits.list': USER, 'visits.record': USER, 'visits.update': USER, 'visits.resolve': USER, 'visits.void': USER,

  'activities.types': USER, 'activities.orgs': USER, 'activities.list': USER, 'activities.get': USER, 'activities.expected': USER,
  'activities.draft': USER, 'activities.record': USER, 'activities.update': USER, 'activities.void': USER, 'activities.printRecord': USER,
  'activities.compliance': USER, 'activities.due': USER, 'activities.attendance': USER, 'activities.rules': USER,
  'activities.attachments.add': USER, 'activities.attachments.data': USER, 'activities.attachments.thumbnail': USER,
  'activities.attachments.void': USER,
  'activities.saveTypes': ADMIN, 'activities.saveRules': ADMIN,

  'assessment.templates': USER, 'assessment.template': USER, 'assessment.createTemplate': USER, 'assessment.saveTemplate': USER,
  'assessment.issueTargets': USER, 'assessment.issue': USER, 'assessment.contracts': USER, 'assessment.contract': USER,
  'assessment.adjustContract': USER, 'assessment.withdrawContract': USER, 'assessment.signContract': USER,
  'assessment.summary': USER, 'assessment.get': USER, 'assessment.score': USER, 'assessment.saveScores': USER,
  'assessment.setNote': USER, 'assessment.confirm': USER, 'assessment.evidenceOptions': USER, 'assessment.bands': USER,
  'assessment.appraisals': USER, 'assessment.recordAppraisals': USER,
  'assessment.unlock': ADMIN, 'assessment.setBands': ADMIN,

  'audit.search': USER, 'audit.entities': USER,
  'dashboard.summary': USER,
  'import.analyse': USER, 'import.progress': USER, 'import.commit': USER, 'import.rejects': USER, 'import.discard': USER,
  'reports.registers': USER, 'reports.preview': USER, 'reports.start': USER, 'reports.job': USER, 'reports.download': USER, 'reports.cancel': USER,

  'backups.list': USER, 'backups.create': USER, 'backups.saveAs': USER, 'backups.download': USER, 'backups.inspect': USER, 'backups.settings': USER,
  'backups.restore': ADMIN, 'backups.saveSettings': ADMIN,

  'dues.sheet': USER, 'dues.summary': USER, 'dues.setBase': USER, 'dues.pay': USER, 'dues.payMonth': USER, 'dues.remit': USER,
  'dues.voidPayment': USER, 'dues.voidRemittance': USER,

  'members.void': ADMIN, 'members.voidEvent': ADMIN, 'members.correctEventDate': ADMIN, 'import.unifySpellings': ADMIN, 'import.template': USER, 'import.extraFields': USER,

  'admission.list': USER, 'admission.create': USER, 'admission.step': USER, 'admission.drop': USER,

  'residents.board': USER, 'residents.registerOutside': USER, 'residents.end': USER, 'residents.feedback': USER, 'residents.evaluate': USER,
  'duesImport.preview': USER, 'duesImport.commit': USER, 'duesImport.rejects': USER,
  'secretaryReviews.list': USER, 'secretaryReviews.save': USER, 'secretaryReviews.void': USER, 'secretaryReviews.attach': USER,
  'commendations.list': USER, 'commendations.create': USER, 'commendations.void': USER, 'commendations.attach': USER,
  'posts.board': USER, 'posts.create': USER, 'posts.update': USER, 'posts.retire': USER, 'posts.review': USER,
  'plans.year': USER, 'plans.save': USER, 'plans.file': USER, 'plans.addArrangement': USER, 'plans.voidArrangement': USER, 'plans.gaps': USER,
  'help.overview': USER, 'help.record': USER, 'help.voidRecord': USER, 'help.createStation': USER, 'help.donation': USER, 'help.voidDonation': USER,
  'help.brief': USER, 'mobileContacts.list': USER, 'mobileContacts.setPerson': USER, 'mobileContacts.log': USER, 'mobileContacts.void': USER,
};

/** The CLI's commands. `init` makes a new ledger and `reset-password` takes the recovery key. */
export const CLI_ACCESS: Readonly<Record<string, Access>> = {
  init: PUBLIC, demo: PUBLIC, 'reset-password': PUBLIC, 'import-template': PUBLIC,
  stats: USER, verify: USER, 'change-password': USER, compliance: USER, 'import-members': USER, backup: USER, backups: USER,
  assessment: USER, export: USER, dues: USER, admission: USER, 'resident-feedback': USER, 'dues-import': USER,
  households: USER, visits: USER, 'help-brief': USER,
  restore: ADMIN,
};

export const FORBIDDEN_MESSAGE = '这项操作只有管理员可以进行。请用管理员账户登录。';
