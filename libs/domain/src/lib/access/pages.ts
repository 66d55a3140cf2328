import { type UserRole } from './roles';

/**
 * The reading pages each role works from: the web app's menu offers them, and nothing else re-types these
 * role lists. What a page then shows is scoped by the API (a teacher's classes, a leader's academies); the
 * pages that act (logging, importing, administering) follow the abilities table instead.
 */
export const READING_PAGES = {
  /** The academy-wide and trust-wide figures. Teachers see their classes only. */
  dashboard: ['trust_admin', 'trust_leader', 'academy_leader', 'careers_lead', 'careers_adviser'],
  /** The classes a user teaches or serves. */
  myClasses: ['teacher', 'careers_lead', 'careers_adviser', 'academy_leader'],
  /** The learners page: everyone finds the learners they may see (teachers, their classes'). */
  learners: ['trust_admin', 'trust_leader', 'academy_leader', 'careers_lead', 'careers_adviser', 'teacher'],
  /** The list of encounters logged. */
  encounters: ['careers_lead', 'careers_adviser', 'academy_leader', 'trust_leader'],
  /** The directory of employers and providers. */
  organisations: ['careers_lead', 'academy_leader', 'trust_leader'],
  /** R-DEST-1: the intended-destinations register (teachers read their classes', without notes). */
  destinations: [
    'trust_admin',
    'trust_leader',
    'academy_leader',
    'careers_lead',
    'careers_adviser',
    'teacher',
  ],
  /** The reports page, for the people who present the figures. */
  reports: ['careers_lead', 'academy_leader', 'trust_leader'],
} as const satisfies Record<string, readonly UserRole[]>;

export type ReadingPage = keyof typeof READING_PAGES;
