import type { CreateEncounterRequest, EncounterOrganisationFacts } from '@encounters/domain';
import * as sut from './encounter-state';
import type { EncounterState, StoredAttendance } from './encounter-state';

const ACADEMY = '0b6f0c8e-1111-4aaa-8aaa-000000000001';
const EMPLOYER = 'AAAAAAAA-2222-4AAA-8AAA-000000000002';
const COLLEGE = 'bbbbbbbb-3333-4aaa-8aaa-000000000003';
const [ANA, BEN, CAL, DEV] = ['ana', 'ben', 'cal', 'dev'].map(
  (name, index) => `${name.padEnd(8, '0')}-4444-4aaa-8aaa-00000000000${index}`,
);

const employer: EncounterOrganisationFacts = { type: 'employer' };
const college: EncounterOrganisationFacts = { type: 'further_education', offersTechnicalEducation: true };
const careersService: EncounterOrganisationFacts = { type: 'careers_service' };

function createRequest(overrides: Partial<CreateEncounterRequest> = {}): CreateEncounterRequest {
  return {
    academyId: ACADEMY,
    title: 'Engineering careers talk',
    date: '2025-10-14',
    format: 'talk',
    delivery: 'in_person',
    duringSchoolDay: true,
    durationMinutes: 60,
    organisationIds: [EMPLOYER],
    meaningful: { purposeShared: true, learningOutcomes: true, twoWayInteraction: true, reflection: true },
    attendees: {},
    ...overrides,
  };
}

const stored: EncounterState = {
  ...sut.stateFromCreate(
    createRequest({ organiser: 'Casey', notes: 'Bring hard hats', endDate: '2025-10-15' }),
  ),
  days: 2,
  links: ['https://example.org/a'],
};

describe('encounter state', () => {
  describe(sut.stateFromCreate.name, () => {
    it('fills every checklist item, lower-cases and merges organisation ids, and stores empty text as null', () => {
      const state = sut.stateFromCreate(
        createRequest({ organisationIds: [EMPLOYER, EMPLOYER.toLowerCase()], organiser: '', notes: '' }),
      );
      expect(state.organisationIds).toEqual([EMPLOYER.toLowerCase()]);
      expect(state.checklist).toEqual({
        purposeShared: true,
        learningOutcomes: true,
        twoWayInteraction: true,
        reflection: true,
        rangeOfPeople: false,
        taskSet: false,
        employerFeedback: false,
        providerInformation: false,
        whatLearningIsLike: false,
        metStaffAndLearners: false,
      });
      expect(state).toMatchObject({
        endDate: null,
        days: null,
        adviserLevel: null,
        organiser: null,
        notes: null,
      });
      expect(state.links).toEqual([]);
    });
  });

  describe(`${sut.applyPatch.name} (PATCH semantics)`, () => {
    it('keeps every field left out: an empty PATCH changes nothing', () => {
      expect(sut.applyPatch(stored, {})).toEqual(stored);
      expect(sut.changedFields(stored, sut.applyPatch(stored, {}))).toEqual([]);
    });

    it('replaces the fields sent, and only those', () => {
      const after = sut.applyPatch(stored, { title: 'Renamed', durationMinutes: 90 });
      expect(after).toEqual({ ...stored, title: 'Renamed', durationMinutes: 90 });
    });

    it('clears optional fields sent as null, and the free-text ones sent empty', () => {
      const after = sut.applyPatch(stored, {
        endDate: null,
        days: null,
        links: null,
        organiser: '',
        notes: null,
      } as never);
      expect(after).toMatchObject({ endDate: null, days: null, links: [], organiser: null, notes: null });
    });

    it('replaces the whole checklist with `meaningful`: items not sent become false', () => {
      const ticked = sut.applyPatch(stored, {
        meaningful: {
          purposeShared: false,
          learningOutcomes: true,
          twoWayInteraction: true,
          reflection: true,
        },
      });
      expect(ticked.checklist).toMatchObject({
        purposeShared: false,
        learningOutcomes: true,
        taskSet: false,
      });
    });

    it('never moves an encounter to another academy, and treats organisations as a set', () => {
      const after = sut.applyPatch(stored, {
        academyId: 'another',
        organisationIds: [COLLEGE, EMPLOYER, COLLEGE.toUpperCase()],
      });
      expect(after.academyId).toBe(ACADEMY);
      expect(after.organisationIds).toEqual([COLLEGE, EMPLOYER.toLowerCase()]);
      expect(sut.organisationKey(after.organisationIds)).toBe(sut.organisationKey([EMPLOYER, COLLEGE]));
    });
  });

  describe(`${sut.patchProblems.name} (validation of a PATCH)`, () => {
    it('accepts the same academy, and refuses another on its own', () => {
      expect(sut.patchProblems(stored, { academyId: ACADEMY })).toEqual([]);
      expect(sut.patchProblems(stored, { academyId: 'elsewhere', title: null } as never)).toEqual([
        expect.objectContaining({ field: 'academyId' }),
      ]);
    });

    it('names every required field sent as null', () => {
      const problems = sut.patchProblems(stored, { title: null, meaningful: null, notes: null } as never);
      expect(problems).toEqual([
        { field: 'title', reason: 'title cannot be cleared' },
        { field: 'meaningful', reason: 'meaningful cannot be cleared' },
      ]);
    });

    it('refuses replacing the attendance list and adding to it in one PATCH', () => {
      const replaceAttendance = [{ learnerId: ANA, status: 'attended' as const }];
      expect(sut.patchProblems(stored, { replaceAttendance })).toEqual([]);
      expect(sut.patchProblems(stored, { replaceAttendance, absentLearnerIds: [BEN] })).toEqual([
        expect.objectContaining({ field: 'replaceAttendance' }),
      ]);
    });
  });

  describe(`${sut.factProblems.name} (validation of the facts together)`, () => {
    it('accepts a valid encounter', () => {
      expect(sut.factProblems(stored, [employer])).toEqual([]);
    });

    it('refuses an end date before the date', () => {
      expect(sut.factProblems({ ...stored, endDate: '2025-10-01' }, [employer])).toEqual([
        { field: 'endDate', value: '2025-10-01', reason: 'must not be before date (2025-10-14)' },
      ]);
    });

    it('refuses a ticked checklist item that does not belong to the categories, naming them', () => {
      const state = { ...stored, checklist: { ...stored.checklist, taskSet: true } };
      expect(sut.factProblems(state, [employer])).toEqual([
        {
          field: 'meaningful.taskSet',
          reason: "does not belong to this encounter's categories (employer_encounter)",
        },
      ]);
      expect(sut.factProblems({ ...state, format: 'work_experience' }, [employer])).toEqual([]);
      expect(sut.factProblems(state, [careersService])[0].reason).toMatch(/no benchmark category/);
    });
  });

  describe(`${sut.classify.name} (categories derived once, before the row is written)`, () => {
    it('derives R-C-1..7 from the format, the organisations and when it happened', () => {
      expect(sut.classify(stored, [employer, college], 30)).toEqual({
        categories: ['employer_encounter', 'education_provider_encounter', 'pal_provider_encounter'],
        educationTypes: ['further_education'],
      });
      expect(sut.classify({ ...stored, duringSchoolDay: false }, [college], 30).categories).toEqual([
        'education_provider_encounter',
      ]);
      expect(sut.classify({ ...stored, format: 'work_experience' }, [employer], 1).categories).toEqual([
        'workplace_experience',
      ]);
    });

    it('counts the learners who attended for a personal guidance meeting (R-C-5)', () => {
      const meeting: EncounterState = { ...stored, format: 'guidance_meeting', adviserLevel: 6 };
      expect(sut.classify(meeting, [careersService], 1).categories).toEqual([
        'personal_guidance_meeting',
        'specialist_careers_advice',
      ]);
      expect(sut.classify(meeting, [careersService], 0).categories).toEqual(['specialist_careers_advice']);
      expect(sut.classify({ ...meeting, adviserLevel: 4 }, [careersService], 1).categories).toEqual([]);
    });
  });

  describe(`${sut.changedFields.name} and the audit`, () => {
    it('lists the changed fields; reordered organisations are no change', () => {
      const after = { ...stored, title: 'New', organisationIds: [COLLEGE, EMPLOYER.toLowerCase()] };
      const reordered = { ...after, organisationIds: [EMPLOYER.toLowerCase(), COLLEGE] };
      expect(sut.changedFields(stored, after)).toEqual(['title', 'organisationIds']);
      expect(sut.changedFields(after, reordered)).toEqual([]);
    });

    it('says whether a change can alter what the encounter evidences', () => {
      expect(
        sut.affectsCoverage(sut.changedFields(stored, { ...stored, title: 'x', notes: 'y', links: [] })),
      ).toBe(false);
      // R-D-1 and R-WEX-1: delivery, duration and days now decide what counts and the hours.
      for (const change of [{ delivery: 'virtual' as const }, { durationMinutes: 5 }, { days: 3 }]) {
        expect(sut.affectsCoverage(sut.changedFields(stored, { ...stored, ...change }))).toBe(true);
      }
      expect(sut.affectsCoverage(sut.changedFields(stored, { ...stored, organiser: 'Someone else' }))).toBe(
        false,
      );
      expect(sut.affectsCoverage(sut.changedFields(stored, { ...stored, date: '2025-10-13' }))).toBe(true);
      expect(
        sut.affectsCoverage(
          sut.changedFields(stored, { ...stored, checklist: { ...stored.checklist, reflection: false } }),
        ),
      ).toBe(true);
    });

    it('describes a change from and to, keeping the notes out of the audit trail', () => {
      const after = { ...stored, title: 'New', notes: 'Secret plans' };
      const details = sut.describeChanges(stored, after, sut.changedFields(stored, after));
      expect(details).toEqual({ changed: ['title', 'notes'], title: { from: stored.title, to: 'New' } });
      expect(JSON.stringify(details)).not.toContain('Secret plans');
      expect(sut.describeState(after)).toMatchObject({ title: 'New', hasNotes: true });
      expect(sut.describeState(after)).not.toHaveProperty('notes');
    });
  });

  describe('attendance lists', () => {
    it('R-WEX-1: refuses more than 24 hours a day of the encounter, naming the item as sent', () => {
      const rows = sut.attendanceRowsFromItems([
        { learnerId: ANA, status: 'attended', hours: 48 },
        { learnerId: BEN, status: 'attended', hours: 48.5 },
      ]);
      expect(sut.hoursProblems({ days: 2 }, rows, (index) => `[${index}].hours`)).toEqual([
        {
          field: '[1].hours',
          value: '48.5',
          reason: 'at most 48 hours for an encounter of 2 days (24 a day)',
        },
      ]);
      expect(sut.hoursProblems({ days: null }, rows, (index) => `[${index}].hours`)).toHaveLength(2);
    });

    it('merges a learner sent twice into one row, the last winning, and trims reflections', () => {
      const rows = sut.attendanceRowsFromItems([
        { learnerId: ANA, status: 'attended', reflection: { rating: 5, comment: 'Great' } },
        { learnerId: BEN, status: 'absent' },
        { learnerId: ANA, status: 'attended', meaningful: false, reflection: { rating: 3, comment: '  ' } },
      ]);
      expect(rows).toEqual([
        {
          index: 2,
          row: {
            learnerId: ANA,
            status: 'attended',
            meaningfulOverride: false,
            reflectionRating: 3,
            reflectionComment: null,
            hours: null,
          },
        },
        {
          index: 1,
          row: {
            learnerId: BEN,
            status: 'absent',
            meaningfulOverride: null,
            reflectionRating: null,
            reflectionComment: null,
            hours: null,
          },
        },
      ]);
    });

    it('audits a replaced list: added by status, removed, and changed lines without the learner’s words', () => {
      const line = (learnerId: string, status: StoredAttendance['status']): StoredAttendance => ({
        learner_id: learnerId,
        status,
        meaningful_override: null,
        reflection_rating: null,
        reflection_comment: null,
        hours: null,
      });
      const before = [line(ANA, 'attended'), line(BEN, 'attended'), line(CAL, 'attended')];
      const { touched, details } = sut.attendanceReplacement(before, [
        { learnerId: ANA, status: 'attended' },
        { learnerId: BEN, status: 'absent', meaningfulOverride: false },
        { learnerId: CAL, status: 'attended', reflectionRating: 4, reflectionComment: 'Private words' },
        { learnerId: DEV, status: 'withdrawn' },
      ]);
      expect(details).toEqual({
        mode: 'replace',
        added: { withdrawn: [DEV] },
        removed: [],
        changed: [
          {
            learnerId: BEN,
            status: { from: 'attended', to: 'absent' },
            meaningful: { from: null, to: false },
          },
          { learnerId: CAL, reflection: 'changed' },
        ],
      });
      expect(JSON.stringify(details)).not.toContain('Private words');
      expect(new Set(touched)).toEqual(new Set([BEN, CAL, DEV]));

      const emptied = sut.attendanceReplacement(before, []);
      expect(emptied.details).toMatchObject({ removed: [ANA, BEN, CAL], added: {}, changed: [] });
      expect(
        sut.attendanceReplacement(
          before,
          before.map((row) => ({ learnerId: row.learner_id, status: row.status })),
        ).touched,
      ).toEqual([]);
    });

    it('R-WEX-1: a learner whose own hours change is recomputed, and the audit says from what to what', () => {
      const before: StoredAttendance[] = [
        {
          learner_id: ANA,
          status: 'attended',
          meaningful_override: null,
          reflection_rating: null,
          reflection_comment: null,
          hours: '30.00',
        },
      ];
      const left = sut.attendanceReplacement(before, [{ learnerId: ANA, status: 'attended', hours: 27 }]);
      expect(left.touched).toEqual([ANA]);
      expect(left.details).toMatchObject({ changed: [{ learnerId: ANA, hours: { from: 30, to: 27 } }] });
      const same = sut.attendanceReplacement(before, [{ learnerId: ANA, status: 'attended', hours: 30 }]);
      expect(same.touched).toEqual([]);
    });
  });

  describe('duplicates by meaning', () => {
    const learners = Array.from({ length: 10 }, (_, index) => `learner-${index}`);
    const visit: sut.DuplicateFacts = {
      academyId: ACADEMY,
      date: '2025-10-14',
      organisationIds: [EMPLOYER.toLowerCase(), COLLEGE],
      attendedLearnerIds: learners,
    };

    it('counts the shared learners against the smaller list, and needs more than half of it', () => {
      expect(sut.sharesMostLearners(learners, learners.slice(0, 3))).toBe(true);
      expect(sut.sharesMostLearners(learners.slice(0, 6), learners.slice(3))).toBe(false); // 3 of 6
      expect(sut.sharesMostLearners(learners.slice(0, 6), learners.slice(2))).toBe(true); // 4 of 6
      expect(sut.sharesMostLearners([ANA, BEN], [BEN.toUpperCase(), CAL])).toBe(false); // 1 of 2
      expect(sut.sharesMostLearners([ANA, BEN, BEN], [ANA.toUpperCase(), BEN, CAL, DEV])).toBe(true);
    });

    it('never finds shared learners when a list is empty', () => {
      expect(sut.sharesMostLearners([], [])).toBe(false);
      expect(sut.sharesMostLearners([], learners)).toBe(false);
    });

    it('is a likely duplicate whatever the titles, with the organisations compared as a set', () => {
      const other = {
        ...visit,
        academyId: ACADEMY.toUpperCase(),
        organisationIds: [COLLEGE.toUpperCase(), EMPLOYER, EMPLOYER],
        attendedLearnerIds: [...learners].reverse().slice(0, 8),
      };
      expect(sut.isLikelyDuplicate(visit, other)).toBe(true);
    });

    it('is not a duplicate at another academy, on another date, with other organisations or other learners', () => {
      expect(sut.isLikelyDuplicate(visit, { ...visit, academyId: EMPLOYER })).toBe(false);
      expect(sut.isLikelyDuplicate(visit, { ...visit, date: '2025-10-15' })).toBe(false);
      expect(sut.isLikelyDuplicate(visit, { ...visit, organisationIds: [EMPLOYER] })).toBe(false);
      expect(
        sut.isLikelyDuplicate(visit, {
          ...visit,
          attendedLearnerIds: [ANA, BEN, CAL, ...learners.slice(0, 2)],
        }),
      ).toBe(false);
    });

    it('answers the candidates that match, in the order given', () => {
      const candidates = [
        { ...visit, id: 'first', title: 'Morning visit' },
        { ...visit, id: 'elsewhere', title: 'Morning visit', date: '2025-10-16' },
        { ...visit, id: 'second', title: 'Visit', attendedLearnerIds: learners.slice(0, 1) },
      ];
      expect(sut.likelyDuplicatesOf(visit, candidates).map((candidate) => candidate.id)).toEqual([
        'first',
        'second',
      ]);
    });
  });
});
