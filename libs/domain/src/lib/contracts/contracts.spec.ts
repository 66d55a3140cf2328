/**
 * The contracts are types, so most of this file is checked by the compiler: each `Record<keyof T, true>`
 * below must name every field of T and nothing else, which pins the field names to api.md.
 */
import { defaultPolicy, RULE_IDS, RuleId, RuleStatus } from '../rules';
import { ACADEMY_PHASES, CreateAcademyRequest } from './academy';
import { USER_ROLES } from '../access/roles';
import { CurrentUserResponse, LoginRequest } from './auth';
import { COVERAGE_SCOPES, CoverageLearnersResponse, CoverageQuery, CoverageResponse } from './coverage';
import {
  AttendancePutItem,
  CreateEncounterRequest,
  EncounterAttendees,
  EncounterMeaningfulChecklist,
} from './encounter';
import { ApiErrorBody } from './error';
import { CreateGuidanceMeetingRequest } from './guidance-meeting';
import { HealthResponse } from './health';
import { LearnerDetailResponse, LearnerListQuery } from './learner';
import { CreateOrganisationRequest } from './organisation';
import { PagedResult } from './paging';
import { PolicyBody } from './policy';
import { RosterImportQuery, RosterImportResult } from './roster-import';
import { CreateUserRequest } from './user';

type Fields<T> = Record<keyof T, true>;

describe('api.md field names', () => {
  it.each<[string, object, string[]]>([
    [
      'error body',
      { statusCode: true, error: true, message: true, details: true } satisfies Fields<ApiErrorBody>,
      ['statusCode', 'error', 'message', 'details'],
    ],
    ['login', { email: true, password: true } satisfies Fields<LoginRequest>, ['email', 'password']],
    [
      'signed-in user',
      {
        id: true,
        name: true,
        email: true,
        roles: true,
        academies: true,
        groupIds: true,
      } satisfies Fields<CurrentUserResponse>,
      ['id', 'name', 'email', 'roles', 'academies'],
    ],
    ['health', { status: true, database: true } satisfies Fields<HealthResponse>, ['status', 'database']],
    [
      'academy',
      { name: true, urn: true, phase: true, evaluationType: true } satisfies Fields<CreateAcademyRequest>,
      ['name', 'urn', 'phase', 'evaluationType'],
    ],
    [
      'roster import query',
      { academicYear: true, dryRun: true } satisfies Fields<RosterImportQuery>,
      ['academicYear', 'dryRun'],
    ],
    [
      'roster import answer',
      {
        academicYear: true,
        dryRun: true,
        created: true,
        updated: true,
        unchanged: true,
        rejected: true,
        missingFromFile: true,
        movedIn: true,
        heldElsewhere: true,
        missingLearners: true,
        errors: true,
        columns: true,
        unmappedHeaders: true,
        notInFile: true,
        file: true,
        changes: true,
        warnings: true,
      } satisfies Fields<RosterImportResult>,
      ['created', 'updated', 'unchanged', 'rejected', 'missingFromFile', 'errors'],
    ],
    [
      'learner list query',
      {
        academyId: true,
        academicYear: true,
        yearGroup: true,
        groupId: true,
        q: true,
        onRollOn: true,
        rule: true,
        status: true,
        asAt: true,
        pupilPremium: true,
        sen: true,
        eal: true,
        lookedAfter: true,
        gender: true,
        sort: true,
        direction: true,
        page: true,
        pageSize: true,
      } satisfies Fields<LearnerListQuery>,
      ['academyId', 'academicYear', 'yearGroup', 'groupId', 'q', 'page', 'pageSize'],
    ],
    [
      'learner detail',
      {
        learner: true,
        enrolments: true,
        timeline: true,
        academicYear: true,
        asAt: true,
        ruleStatuses: true,
        ruleDetails: true,
        workExperience: true,
        partTimeJobs: true,
        destinations: true,
      } satisfies Fields<LearnerDetailResponse>,
      ['learner', 'enrolments', 'timeline', 'ruleStatuses', 'workExperience'],
    ],
    [
      'paged result',
      { items: true, total: true, page: true, pageSize: true } satisfies Fields<PagedResult<unknown>>,
      ['items', 'total', 'page', 'pageSize'],
    ],
    [
      'organisation',
      {
        name: true,
        type: true,
        sectors: true,
        sizeBand: true,
        offersTechnicalEducation: true,
        contact: true,
        notes: true,
      } satisfies Fields<CreateOrganisationRequest>,
      ['name', 'type', 'sectors', 'sizeBand', 'offersTechnicalEducation'],
    ],
    [
      'encounter body',
      {
        academyId: true,
        title: true,
        date: true,
        endDate: true,
        format: true,
        delivery: true,
        duringSchoolDay: true,
        durationMinutes: true,
        days: true,
        adviserLevel: true,
        organisationIds: true,
        meaningful: true,
        attendees: true,
        absentLearnerIds: true,
        organiser: true,
        notes: true,
        links: true,
        offeredTo: true,
        curriculumLinked: true,
        confirmDistinct: true,
      } satisfies Fields<CreateEncounterRequest>,
      [
        'academyId',
        'title',
        'date',
        'endDate',
        'format',
        'delivery',
        'duringSchoolDay',
        'durationMinutes',
        'days',
        'adviserLevel',
        'organisationIds',
        'meaningful',
        'attendees',
        'absentLearnerIds',
        'offeredTo',
        'curriculumLinked',
      ],
    ],
    [
      'meaningful checklist',
      {
        purposeShared: true,
        learningOutcomes: true,
        twoWayInteraction: true,
        reflection: true,
        rangeOfPeople: true,
        taskSet: true,
        employerFeedback: true,
        providerInformation: true,
        whatLearningIsLike: true,
        metStaffAndLearners: true,
      } satisfies Fields<EncounterMeaningfulChecklist>,
      [
        'purposeShared',
        'learningOutcomes',
        'twoWayInteraction',
        'reflection',
        'rangeOfPeople',
        'taskSet',
        'employerFeedback',
        'providerInformation',
        'whatLearningIsLike',
        'metStaffAndLearners',
      ],
    ],
    [
      'attendees',
      { learnerIds: true, upns: true, groupIds: true, yearGroups: true } satisfies Fields<EncounterAttendees>,
      ['learnerIds', 'upns', 'groupIds', 'yearGroups'],
    ],
    [
      'attendance item',
      {
        learnerId: true,
        status: true,
        meaningful: true,
        reflection: true,
        hours: true,
      } satisfies Fields<AttendancePutItem>,
      ['learnerId', 'status', 'meaningful', 'reflection', 'hours'],
    ],
    [
      'guidance meeting',
      {
        learnerId: true,
        date: true,
        adviserName: true,
        adviserLevel: true,
        mode: true,
        summary: true,
        agreedActions: true,
        followUpOn: true,
      } satisfies Fields<CreateGuidanceMeetingRequest>,
      ['learnerId', 'date', 'adviserName', 'adviserLevel', 'mode', 'summary', 'agreedActions', 'followUpOn'],
    ],
    [
      'coverage query',
      {
        scope: true,
        id: true,
        academyId: true,
        yearGroup: true,
        academicYear: true,
        asAt: true,
        breakdown: true,
      } satisfies Fields<CoverageQuery>,
      ['scope', 'id', 'academyId', 'yearGroup', 'academicYear', 'asAt', 'breakdown'],
    ],
    [
      'coverage answer',
      {
        scope: true,
        academicYear: true,
        asAt: true,
        ruleSet: true,
        rows: true,
      } satisfies Fields<CoverageResponse>,
      ['scope', 'academicYear', 'asAt', 'ruleSet', 'rows'],
    ],
    [
      'user body',
      {
        email: true,
        name: true,
        password: true,
        roles: true,
        academyIds: true,
        groupIds: true,
      } satisfies Fields<CreateUserRequest>,
      ['email', 'name', 'password', 'roles', 'academyIds', 'groupIds'],
    ],
    [
      'policy',
      {
        ruleSet: true,
        requireMeaningful: true,
        b6By16: true,
        b7Range: true,
        o2: true,
        collegeMode: true,
        atRiskDays: true,
        localPrioritySectors: true,
        wex: true,
        palRequiresContent: true,
        b5CountsPartTimeJob: true,
        dest: true,
      } satisfies Fields<PolicyBody>,
      [
        'ruleSet',
        'requireMeaningful',
        'b6By16',
        'b7Range',
        'o2',
        'collegeMode',
        'atRiskDays',
        'localPrioritySectors',
        'wex',
        'palRequiresContent',
        'b5CountsPartTimeJob',
        'dest',
      ],
    ],
  ])('the %s has every field api.md names', (_, fields, named) => {
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(named));
  });
});

describe('api.md enumerations', () => {
  it('lists the six roles', () => {
    expect(USER_ROLES).toEqual([
      'trust_admin',
      'trust_leader',
      'academy_leader',
      'careers_lead',
      'careers_adviser',
      'teacher',
    ]);
  });

  it('lists the five coverage scopes', () => {
    expect(COVERAGE_SCOPES).toEqual(['trust', 'academy', 'yearGroup', 'group', 'learner']);
  });

  it('includes first and middle schools among academy phases', () => {
    expect(ACADEMY_PHASES).toEqual(expect.arrayContaining(['first', 'middle', 'secondary', 'sixth_form']));
  });
});

describe('api.md examples', () => {
  it('types a coverage answer with every rule', () => {
    const figures = { met: 12, onTrack: 3, atRisk: 1, missed: 0, applicable: 16, percent: 75 };
    const answer: CoverageResponse = {
      scope: 'group',
      academicYear: 2025,
      asAt: '2026-03-31',
      ruleSet: 'gatsby-2024',
      rows: [
        {
          key: 'group-id',
          label: '8RB',
          learners: 16,
          rules: Object.fromEntries(
            RULE_IDS.map((rule) => [rule, figures]),
          ) as CoverageResponse['rows'][0]['rules'],
          // R-WEX-6: the work-experience rows carry their hours figures.
          hours: {
            WEX_KS3: { zero: 4, belowTarget: 8, atTarget: 4, median: 12.5 },
            WEX_KS4: { zero: 0, belowTarget: 0, atTarget: 0, median: null },
          },
        },
      ],
    };

    expect(Object.keys(answer.rows[0].rules)).toEqual([...RULE_IDS]);
    expect(Object.keys(answer.rows[0].hours ?? {})).toEqual(['WEX_KS3', 'WEX_KS4']);
  });

  it('types a class-view row with a status per rule', () => {
    const statuses = Object.fromEntries(RULE_IDS.map((rule) => [rule, 'on_track'])) as Record<
      RuleId,
      RuleStatus
    >;
    const answer: CoverageLearnersResponse = {
      scope: 'group',
      academicYear: 2025,
      asAt: '2026-03-31',
      ruleSet: 'gatsby-2024',
      rows: [
        { learnerId: 'id', upn: 'B801200005001', name: 'Ada Okafor', yearGroup: 8, group: '8RB', statuses },
      ],
    };

    expect(answer.rows[0].statuses.O2).toBe('on_track');
  });

  it('types the default policy as a policy body', () => {
    const body: PolicyBody = defaultPolicy(2025);

    expect(body.ruleSet).toBe('gatsby-2024');
  });

  it('types a roster import answer with the row errors of the roster parser', () => {
    const answer: RosterImportResult = {
      academicYear: 2025,
      dryRun: true,
      created: 1,
      updated: 0,
      unchanged: 0,
      rejected: 1,
      missingFromFile: 0,
      movedIn: 0,
      heldElsewhere: [],
      missingLearners: [],
      errors: [{ line: 3, column: 'DOB', value: '31/02/2012', reason: 'Date of birth is not a real date' }],
      columns: [{ header: 'DOB', field: 'dateOfBirth' }],
      unmappedHeaders: [],
      notInFile: ['pupilPremium'],
      file: {
        format: 'csv',
        encoding: 'UTF-8',
        delimiter: ',',
        headerLine: 1,
        titleLines: [],
        summaryLines: [],
      },
      changes: [],
      warnings: [],
    };

    expect(answer.errors[0].line).toBe(3);
  });
});
