import { deriveEncounterCategories, RULE_IDS } from '@encounters/domain';
import { ATTENDANCE_STATUS_CODES, type GeneratedTrust } from '@encounters/demo-data';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { LearnerProgressService } from '../../coverage/learner-progress.service';
import { CHECKLIST_COLUMNS } from '../../common/checklist-columns';
import { SqlParams } from '../../common/sql-params';

const CHUNK = 20_000;

/** Inserts rows given as columns with one `INSERT … SELECT FROM unnest(...)` per chunk. */
async function insertColumns(
  manager: EntityManager,
  table: string,
  columns: { name: string; type: string; values: unknown[] }[],
): Promise<void> {
  const length = columns[0].values.length;
  // unnest flattens arrays of arrays, so text[] columns travel as JSON text and are rebuilt here.
  const select = columns.map((column, index) =>
    column.type === 'text[]' ? `ARRAY(SELECT jsonb_array_elements_text(c${index}::jsonb))` : `c${index}`,
  );
  const types = columns.map((column) => (column.type === 'text[]' ? 'text' : column.type));
  for (let start = 0; start < length; start += CHUNK) {
    const p = new SqlParams();
    const arrays = columns.map(
      (column, index) => `${p.add(column.values.slice(start, start + CHUNK))}::${types[index]}[]`,
    );
    await manager.query(
      `INSERT INTO ${table} (${columns.map((column) => column.name).join(', ')})
       SELECT ${select.join(', ')}
         FROM unnest(${arrays.join(', ')})
           AS t(${columns.map((_, index) => `c${index}`).join(', ')})`,
      p.values,
    );
  }
}

/**
 * Writes a generated trust with bulk SQL, then fills the coverage bookkeeping through the same service the
 * API's writes use. For benchmarks and large demonstrations: the whole trust goes in one transaction.
 */
export async function writeGeneratedTrust(
  dataSource: DataSource,
  progress: LearnerProgressService,
  trust: GeneratedTrust,
  log: (message: string) => void = () => undefined,
): Promise<void> {
  await dataSource.transaction(async (manager) => {
    let [existing] = await manager.query('SELECT id FROM trust ORDER BY created_at LIMIT 1');
    existing ??= (
      await manager.query(`INSERT INTO trust (name) VALUES ('Generated Learning Trust') RETURNING id`)
    )[0];
    const academyIds = trust.academies.map(() => randomUUID());
    await insertColumns(manager, 'academy', [
      { name: 'id', type: 'uuid', values: academyIds },
      { name: 'trust_id', type: 'uuid', values: academyIds.map(() => existing.id) },
      { name: 'name', type: 'text', values: trust.academies.map((a) => a.name) },
      { name: 'urn', type: 'text', values: trust.academies.map((a) => a.urn) },
      { name: 'phase', type: 'text', values: trust.academies.map((a) => a.phase) },
    ]);
    const groupIds = trust.groups.map(() => randomUUID());
    await insertColumns(manager, 'learning_group', [
      { name: 'id', type: 'uuid', values: groupIds },
      { name: 'academy_id', type: 'uuid', values: trust.groups.map((g) => academyIds[g.academy]) },
      { name: 'academic_year', type: 'smallint', values: trust.groups.map((g) => g.academicYear) },
      { name: 'name', type: 'text', values: trust.groups.map((g) => g.name) },
      { name: 'year_group', type: 'smallint', values: trust.groups.map((g) => g.yearGroup) },
    ]);
    const learnerIds = trust.learners.map(() => randomUUID());
    await insertColumns(manager, 'learner', [
      { name: 'id', type: 'uuid', values: learnerIds },
      { name: 'upn', type: 'text', values: trust.learners.map((l) => l.upn) },
      { name: 'legal_surname', type: 'text', values: trust.learners.map((l) => l.legalSurname) },
      { name: 'legal_forename', type: 'text', values: trust.learners.map((l) => l.legalForename) },
      { name: 'preferred_forename', type: 'text', values: trust.learners.map((l) => l.preferredForename) },
      { name: 'date_of_birth', type: 'date', values: trust.learners.map((l) => l.dateOfBirth) },
      { name: 'gender', type: 'text', values: trust.learners.map((l) => l.gender) },
      {
        name: 'consent_to_follow_up',
        type: 'boolean',
        values: trust.learners.map((l) => l.consentToFollowUp),
      },
    ]);
    log(`${trust.learners.length} learners`);
    const e = trust.enrolments;
    await insertColumns(manager, 'enrolment', [
      { name: 'learner_id', type: 'uuid', values: e.map((x) => learnerIds[x.learner]) },
      { name: 'academic_year', type: 'smallint', values: e.map((x) => x.academicYear) },
      { name: 'academy_id', type: 'uuid', values: e.map((x) => academyIds[x.academy]) },
      { name: 'year_group', type: 'smallint', values: e.map((x) => x.yearGroup) },
      { name: 'registration_group_id', type: 'uuid', values: e.map((x) => groupIds[x.group]) },
      { name: 'pupil_premium', type: 'boolean', values: e.map((x) => x.pupilPremium) },
      { name: 'sen_status', type: 'text', values: e.map((x) => x.senStatus) },
      { name: 'eal', type: 'boolean', values: e.map((x) => x.eal) },
      { name: 'looked_after', type: 'boolean', values: e.map((x) => x.lookedAfter) },
      {
        name: 'considering_higher_education',
        type: 'boolean',
        values: e.map((x) => x.consideringHigherEducation),
      },
      { name: 'admission_date', type: 'date', values: e.map((x) => x.admissionDate) },
      { name: 'leaving_date', type: 'date', values: e.map((x) => x.leavingDate) },
    ]);
    await insertColumns(manager, 'group_membership', [
      { name: 'group_id', type: 'uuid', values: e.map((x) => groupIds[x.group]) },
      { name: 'learner_id', type: 'uuid', values: e.map((x) => learnerIds[x.learner]) },
    ]);
    log(`${e.length} enrolments`);
    const organisationIds = trust.organisations.map(() => randomUUID());
    await insertColumns(manager, 'organisation', [
      { name: 'id', type: 'uuid', values: organisationIds },
      { name: 'name', type: 'text', values: trust.organisations.map((o) => o.name) },
      { name: 'type', type: 'text', values: trust.organisations.map((o) => o.type) },
      { name: 'sectors', type: 'text[]', values: trust.organisations.map((o) => JSON.stringify(o.sectors)) },
      { name: 'size_band', type: 'text', values: trust.organisations.map((o) => o.sizeBand) },
      {
        name: 'offers_technical_education',
        type: 'boolean',
        values: trust.organisations.map((o) => o.offersTechnicalEducation),
      },
    ]);
    const encounterIds = trust.encounters.map(() => randomUUID());
    const derived = trust.encounters.map((x) =>
      deriveEncounterCategories({
        format: x.format,
        duringSchoolDay: x.duringSchoolDay,
        adviserLevel: x.adviserLevel,
        organisations: x.organisations.map((index) => trust.organisations[index]),
      }),
    );
    const checklist = (item: string) =>
      trust.encounters.map((x) => (x.checklist as Record<string, boolean>)[item] === true);
    const n = trust.encounters;
    await insertColumns(manager, 'encounter', [
      { name: 'id', type: 'uuid', values: encounterIds },
      { name: 'academy_id', type: 'uuid', values: n.map((x) => academyIds[x.academy]) },
      { name: 'academic_year', type: 'smallint', values: n.map((x) => x.academicYear) },
      { name: 'title', type: 'text', values: n.map((x) => x.title) },
      { name: 'date', type: 'date', values: n.map((x) => x.date) },
      { name: 'end_date', type: 'date', values: n.map((x) => x.endDate) },
      { name: 'format', type: 'text', values: n.map((x) => x.format) },
      { name: 'delivery', type: 'text', values: n.map(() => 'in_person') },
      { name: 'during_school_day', type: 'boolean', values: n.map((x) => x.duringSchoolDay) },
      { name: 'duration_minutes', type: 'integer', values: n.map((x) => x.durationMinutes) },
      { name: 'days', type: 'smallint', values: n.map((x) => x.days) },
      { name: 'adviser_level', type: 'smallint', values: n.map((x) => x.adviserLevel) },
      ...Object.entries(CHECKLIST_COLUMNS).map(([item, column]) => ({
        name: column,
        type: 'boolean',
        values: checklist(item),
      })),
      { name: 'categories', type: 'text[]', values: derived.map((d) => JSON.stringify(d.categories)) },
      {
        name: 'education_types',
        type: 'text[]',
        values: derived.map((d) => JSON.stringify(d.educationTypes)),
      },
      {
        name: 'organisation_key',
        type: 'text',
        values: n.map((x) =>
          x.organisations
            .map((i) => organisationIds[i])
            .sort()
            .join(','),
        ),
      },
    ]);
    await insertColumns(manager, 'encounter_organisation', [
      {
        name: 'encounter_id',
        type: 'uuid',
        values: n.flatMap((x, i) => x.organisations.map(() => encounterIds[i])),
      },
      {
        name: 'organisation_id',
        type: 'uuid',
        values: n.flatMap((x) => x.organisations.map((o) => organisationIds[o])),
      },
    ]);
    log(`${n.length} encounters`);
    const a = trust.attendances;
    const attendanceColumns = {
      encounters: [] as string[],
      learners: [] as string[],
      statuses: [] as string[],
    };
    for (let i = 0; i < a.length; i += 1) {
      attendanceColumns.encounters.push(encounterIds[a.encounter[i]]);
      attendanceColumns.learners.push(learnerIds[a.learner[i]]);
      attendanceColumns.statuses.push(ATTENDANCE_STATUS_CODES[a.status[i]]);
    }
    await insertColumns(manager, 'attendance', [
      { name: 'encounter_id', type: 'uuid', values: attendanceColumns.encounters },
      { name: 'learner_id', type: 'uuid', values: attendanceColumns.learners },
      { name: 'status', type: 'text', values: attendanceColumns.statuses },
    ]);
    log(`${a.length} attendances`);
    const g = trust.guidanceMeetings;
    await insertColumns(manager, 'guidance_meeting', [
      { name: 'learner_id', type: 'uuid', values: g.map((x) => learnerIds[x.learner]) },
      { name: 'academy_id', type: 'uuid', values: g.map((x) => academyIds[x.academy]) },
      { name: 'academic_year', type: 'smallint', values: g.map((x) => x.academicYear) },
      { name: 'date', type: 'date', values: g.map((x) => x.date) },
      { name: 'adviser_name', type: 'text', values: g.map((x) => x.adviserName) },
      { name: 'adviser_level', type: 'smallint', values: g.map((x) => x.adviserLevel) },
      { name: 'mode', type: 'text', values: g.map(() => 'in_person') },
    ]);
    log(`${g.length} guidance meetings`);
    const d = trust.intendedDestinations;
    const destinationIds = d.map(() => randomUUID());
    await insertColumns(manager, 'intended_destination', [
      { name: 'id', type: 'uuid', values: destinationIds },
      { name: 'learner_id', type: 'uuid', values: d.map((x) => learnerIds[x.learner]) },
      { name: 'academic_year', type: 'smallint', values: d.map((x) => x.academicYear) },
      { name: 'category', type: 'text', values: d.map((x) => x.category) },
      { name: 'provider_name', type: 'text', values: d.map((x) => x.providerName) },
      { name: 'status', type: 'text', values: d.map((x) => x.history[x.history.length - 1].status) },
    ]);
    // In the order the changes were made: the identity orders the changes of one day.
    await insertColumns(manager, 'destination_status_change', [
      {
        name: 'destination_id',
        type: 'uuid',
        values: d.flatMap((x, i) => x.history.map(() => destinationIds[i])),
      },
      { name: 'status', type: 'text', values: d.flatMap((x) => x.history.map((change) => change.status)) },
      { name: '"on"', type: 'date', values: d.flatMap((x) => x.history.map((change) => change.on)) },
    ]);
    const actual = trust.actualDestinations;
    await insertColumns(manager, 'actual_destination', [
      { name: 'learner_id', type: 'uuid', values: actual.map((x) => learnerIds[x.learner]) },
      { name: 'anniversary', type: 'smallint', values: actual.map((x) => x.anniversary) },
      { name: 'category', type: 'text', values: actual.map((x) => x.category) },
      { name: 'provider', type: 'text', values: actual.map((x) => x.provider) },
      { name: 'source', type: 'text', values: actual.map((x) => x.source) },
    ]);
    log(
      `${d.length} intended destinations, ${actual.length} actual destinations; computing coverage for ${RULE_IDS.length} rules`,
    );
    // Statistics of the rows just written, so that reading each batch's records uses the indexes.
    await manager.query(
      'ANALYZE learner, enrolment, encounter, attendance, guidance_meeting, intended_destination, destination_status_change',
    );
    await progress.learnersChanged(manager, learnerIds);
    log('coverage computed');
  });
  // Fresh statistics, or the planner judges the next queries by the empty tables it last saw.
  await dataSource.query('ANALYZE');
}
