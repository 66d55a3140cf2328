/**
 * How each audited action is named on screen: `label` for the action picker, `verb` for the sentence an
 * entry reads as ("Casey Careers **viewed the guidance notes of** 60 learners"). One table: the picker and
 * the sentences never disagree, and an action the API records without an entry here still reads sensibly
 * (see {@link auditActionLabel}).
 */
export const AUDIT_ACTIONS: Readonly<Record<string, { label: string; verb: string }>> = {
  'encounter.create': { label: 'Encounter recorded', verb: 'recorded the encounter' },
  'encounter.update': { label: 'Encounter changed', verb: 'changed the encounter' },
  'encounter.delete': { label: 'Encounter deleted', verb: 'deleted the encounter' },
  'encounter.confirm_distinct': {
    label: 'Likely duplicate confirmed as a different event',
    verb: 'confirmed as a different event the encounter',
  },
  'encounter.reclassify': {
    label: 'Encounters reclassified',
    verb: 'reclassified the encounters of the organisation',
  },
  'attendance.add': { label: 'Attendees added', verb: 'added attendees to the encounter' },
  'attendance.replace': { label: 'Attendance changed', verb: 'changed the attendance of the encounter' },
  'guidance_meeting.create': { label: 'Guidance meeting recorded', verb: 'recorded a guidance meeting with' },
  'guidance_meeting.update': { label: 'Guidance meeting changed', verb: 'changed a guidance meeting with' },
  'guidance_meeting.delete': { label: 'Guidance meeting deleted', verb: 'deleted a guidance meeting with' },
  'guidance_meeting.read_notes': { label: 'Guidance notes viewed', verb: 'viewed the guidance notes of' },
  'intended_destination.create': {
    label: 'Intended destination recorded',
    verb: 'recorded the intended destination of',
  },
  'intended_destination.update': {
    label: 'Intended destination changed',
    verb: 'changed the intended destination of',
  },
  'intended_destination.delete': {
    label: 'Intended destination deleted',
    verb: 'deleted the intended destination of',
  },
  'intended_destination.import': {
    label: 'Intended destinations imported',
    verb: 'imported intended destinations into',
  },
  'intended_destination.read_notes': {
    label: 'Destination notes viewed',
    verb: 'viewed the destination notes of',
  },
  'neet_risk.read': { label: 'NEET-risk reasons viewed', verb: 'viewed the NEET-risk reasons of' },
  'neet_risk.mark': { label: 'Marked at NEET risk', verb: 'marked at NEET risk' },
  'neet_risk.clear': { label: 'NEET-risk mark cleared', verb: 'cleared the NEET-risk mark of' },
  'actual_destination.record': {
    label: 'Actual destination recorded',
    verb: 'recorded the actual destination of',
  },
  'retention.pseudonymise': { label: 'Leavers pseudonymised', verb: 'pseudonymised the leavers due' },
  'learner.export': { label: "Learner's data exported", verb: 'exported the data held on' },
  'learner.erase': { label: 'Learner erased', verb: 'erased the learner' },
  'organisation.create': { label: 'Organisation added', verb: 'added the organisation' },
  'organisation.update': { label: 'Organisation changed', verb: 'changed the organisation' },
  'roster.import': { label: 'Learners imported', verb: 'imported learners into' },
  'roster.mark_leavers': { label: 'Leavers marked', verb: 'marked leavers at' },
  'roster.move.confirm': { label: 'Move between academies confirmed', verb: 'confirmed the move of' },
  'roster.move.decline': { label: 'Move between academies declined', verb: 'declined the move of' },
  'report.export': { label: 'Report downloaded', verb: 'downloaded a report' },
  'report.snapshot': { label: 'Figures frozen', verb: 'froze the figures' },
  'policy.update': { label: 'Policy changed', verb: 'changed the policy' },
  'trust.setup': { label: 'Trust set up', verb: 'set up the trust' },
  'trust.update': { label: 'Trust details changed', verb: "changed the trust's details" },
  'trust.mfa_policy_change': {
    label: 'Second-factor rule changed',
    verb: 'changed when a second factor is required',
  },
  'user.create': { label: 'User added', verb: 'added the user' },
  'user.update': { label: 'User changed', verb: 'changed the user' },
  'user.deactivate': { label: 'User deactivated', verb: 'deactivated the user' },
  'user.password_change': { label: 'Password changed', verb: 'changed their password' },
  'user.sign_in_unlock': { label: 'Sign-in unlocked', verb: 'unlocked the sign-in of' },
  'auth.sign_in': { label: 'Signed in', verb: 'signed in' },
  'auth.sign_out': { label: 'Signed out', verb: 'signed out' },
  'auth.sign_in_failed': { label: 'Sign-in refused', verb: 'was refused sign-in' },
  'auth.password_accepted': { label: 'Password accepted', verb: 'gave the right password' },
  'auth.sso_refused': { label: 'School sign-in refused', verb: 'was refused sign-in through' },
  'auth.mfa_enrolled': { label: 'Second factor set up', verb: 'set up a second factor' },
  'auth.mfa_failed': { label: 'Second-factor code refused', verb: 'gave a wrong second-factor code' },
  'auth.mfa_reset': { label: 'Second factor reset', verb: 'reset the second factor of' },
  'auth.token_revoked': { label: 'Access token revoked', verb: 'revoked an access token of' },
  'auth_provider.create': { label: 'School sign-in added', verb: 'added the school sign-in' },
  'auth_provider.update': { label: 'School sign-in changed', verb: 'changed the school sign-in' },
  'auth_provider.delete': { label: 'School sign-in removed', verb: 'removed the school sign-in' },
};

/** Actions whose record is the acting user themself: the sentence names nobody twice. */
export const AUDIT_SELF_ACTIONS: readonly string[] = [
  'auth.sign_in',
  'auth.sign_out',
  'auth.sign_in_failed',
  'auth.password_accepted',
  'auth.mfa_enrolled',
  'auth.mfa_failed',
  'user.password_change',
];

/** The picker's label of an action; an unknown code is turned into words rather than shown raw. */
export function auditActionLabel(action: string): string {
  const known = AUDIT_ACTIONS[action];
  if (known) return known.label;
  const words = action.replace(/[._]/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The verb phrase of an action's sentence; an unknown code reads as its words. */
export function auditActionVerb(action: string): string {
  return AUDIT_ACTIONS[action]?.verb ?? action.replace(/[._]/g, ' ').trim();
}

/** The kinds of record an audit entry is about, as the record-type picker names them. */
export const AUDIT_RECORD_TYPES: Readonly<Record<string, string>> = {
  encounter: 'Encounters',
  guidance_meeting: 'Guidance meetings',
  learner: 'Learners',
  organisation: 'Organisations',
  academy: 'Academies',
  user: 'Users',
  report: 'Reports',
  coverage_snapshot: 'Frozen figures',
  policy: 'Policy',
  trust: 'The trust',
  auth_provider: 'School sign-in',
};
