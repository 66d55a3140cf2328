import {
  DEMO_ORGANISATIONS,
  type DemoEnrolment,
  planDemoDestinations,
  type PlannedDemoDestination,
  type PlannedDemoLeaver,
} from '@encounters/demo-data';
import { academicYearOf, todayIsoDate } from '@encounters/domain';
import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { LearnerProgressService } from '../../coverage/learner-progress.service';

/** A day's time of writing in England, for the timestamps of what the demo says was recorded that day. */
const AT_TEN = (column: string) => `((${column})::date + time '10:00') AT TIME ZONE 'Europe/London'`;

/** Whose name the demo's records carry: the demo careers lead, at the academy they serve. */
const DEMO_CAREERS_LEAD = 'careers@demo.encounters';

/**
 * Writes the destinations that tools/demo-data plans for the demo trust (R-DEST-1..4): Years 11 and 13's
 * intended destinations with their dated changes, NEET-risk marks, and the leavers of the two years before
 * (learners, their last enrolment, consent and actual destinations). Each academy's part is written only
 * while it has none, so seeding again adds nothing and a trust in use keeps what it recorded. One
 * transaction, ending with the coverage bookkeeping of every learner written (`DEST_16`, `DEST_18`).
 */
export class DemoDestinationsSeeder {
  private readonly logger = new Logger(DemoDestinationsSeeder.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly coverage: LearnerProgressService,
  ) {}

  async seed(today = todayIsoDate()): Promise<void> {
    const academicYear = academicYearOf(today);
    await this.dataSource.transaction(async (manager) => {
      const enrolments: DemoEnrolment[] = await manager.query(
        `SELECT en.academy_id AS "academyId", a.urn AS "academyUrn", en.learner_id AS "learnerId", l.upn,
                en.year_group AS "yearGroup", g.name AS "groupName"
           FROM enrolment en
           JOIN academy a ON a.id = en.academy_id
           JOIN learner l ON l.id = en.learner_id
           LEFT JOIN learning_group g ON g.id = en.registration_group_id
          WHERE en.academic_year = $1 AND en.leaving_date IS NULL`,
        [academicYear],
      );
      const plan = planDemoDestinations(enrolments, today);
      const [{ recorded, followed, lead }]: {
        recorded: string[];
        followed: string[];
        lead: { id: string; academyIds: string[] } | null;
      }[] = await manager.query(
        `SELECT
           ARRAY(SELECT DISTINCT en.academy_id FROM enrolment en
                   JOIN intended_destination d ON d.learner_id = en.learner_id AND d.academic_year = en.academic_year
                  WHERE en.academic_year = $1)::text[] AS recorded,
           ARRAY(SELECT DISTINCT en.academy_id FROM enrolment en
                  WHERE en.academic_year BETWEEN $1 - 2 AND $1 - 1)::text[] AS followed,
           (SELECT json_build_object('id', u.id, 'academyIds',
                     ARRAY(SELECT ua.academy_id FROM user_academy ua WHERE ua.user_id = u.id))
              FROM app_user u WHERE lower(u.email) = $2) AS lead`,
        [academicYear, DEMO_CAREERS_LEAD],
      );
      const academyOf = new Map(enrolments.map((row) => [row.learnerId, row.academyId]));
      const destinations = plan.destinations.filter((row) => !recorded.includes(row.academyId));
      const neetRisks = plan.neetRisks.filter(
        (row) => !recorded.includes(academyOf.get(row.learnerId) ?? ''),
      );
      const leavers = plan.leavers.filter((row) => !followed.includes(row.academyId));
      const recorder = (academyId: string | undefined) =>
        lead && academyId && lead.academyIds.includes(academyId) ? lead.id : null;

      const leaverRows = await this.writeLeavers(manager, leavers, recorder);
      const written = await this.writeIntentions(
        manager,
        [
          ...destinations,
          ...leaverRows.flatMap((leaver) =>
            leaver.intended
              ? [
                  {
                    ...leaver.intended,
                    learnerId: leaver.learnerId,
                    academyId: leaver.academyId,
                    academicYear: leaver.leftIn,
                  },
                ]
              : [],
          ),
        ],
        recorder,
      );
      if (neetRisks.length) {
        await manager.query(
          `INSERT INTO neet_risk (learner_id, reason, support, review_on, marked_by, marked_at)
           SELECT "learnerId", reason, support, "reviewOn", "markedBy", ${AT_TEN('"markedOn"')}
             FROM jsonb_to_recordset($1::jsonb) AS t("learnerId" uuid, reason text, support text,
               "reviewOn" date, "markedBy" uuid, "markedOn" date)
           ON CONFLICT (learner_id) DO NOTHING`,
          [
            JSON.stringify(
              neetRisks.map((mark) => ({ ...mark, markedBy: recorder(academyOf.get(mark.learnerId)) })),
            ),
          ],
        );
      }
      await this.coverage.learnersChanged(manager, [
        ...new Set([
          ...destinations.map((destination) => destination.learnerId),
          ...leaverRows.map((leaver) => leaver.learnerId),
        ]),
      ]);
      this.logger.log(
        `Seeded ${written} intended destinations, ${neetRisks.length} NEET-risk marks and ${leaverRows.length} leavers`,
      );
    });
  }

  /** Intended destinations with their changes in the order made (the identity orders a day's changes). */
  private async writeIntentions(
    manager: EntityManager,
    destinations: PlannedDemoDestination[],
    recorder: (academyId: string) => string | null,
  ): Promise<number> {
    if (!destinations.length) return 0;
    const organisationIds = await this.organisationIds(manager);
    const rows = destinations.map((destination) => ({
      id: randomUUID(),
      learnerId: destination.learnerId,
      academicYear: destination.academicYear,
      category: destination.category,
      providerName: destination.providerName,
      organisationId: destination.organisation
        ? (organisationIds.get(destination.organisation.toLowerCase()) ?? null)
        : null,
      status: destination.history[destination.history.length - 1].status,
      notes: destination.notes,
      createdBy: recorder(destination.academyId),
      createdOn: destination.history[0].on,
      updatedOn: destination.history[destination.history.length - 1].on,
    }));
    await manager.query(
      `INSERT INTO intended_destination (id, learner_id, academic_year, category, provider_name, organisation_id,
         status, notes, created_by, created_at, updated_at)
       SELECT id, "learnerId", "academicYear", category, "providerName", "organisationId", status, notes,
              "createdBy", ${AT_TEN('"createdOn"')}, ${AT_TEN('"updatedOn"')}
         FROM jsonb_to_recordset($1::jsonb) AS t(id uuid, "learnerId" uuid, "academicYear" smallint,
           category text, "providerName" text, "organisationId" uuid, status text, notes text,
           "createdBy" uuid, "createdOn" date, "updatedOn" date)`,
      [JSON.stringify(rows)],
    );
    const changes = destinations
      .flatMap((destination, index) =>
        destination.history.map((change) => ({
          destinationId: rows[index].id,
          status: change.status,
          on: change.on,
          recordedBy: rows[index].createdBy,
        })),
      )
      .map((change, position) => ({ ...change, position }));
    await manager.query(
      `INSERT INTO destination_status_change (destination_id, status, "on", recorded_by, recorded_at)
       SELECT "destinationId", status, "on", "recordedBy", ${AT_TEN('"on"')}
         FROM jsonb_to_recordset($1::jsonb)
           AS t("destinationId" uuid, status text, "on" date, "recordedBy" uuid, position integer)
        ORDER BY position`,
      [JSON.stringify(changes)],
    );
    return rows.length;
  }

  /** The leavers: learners (a UPN already held is left alone), their last enrolment and what they did. */
  private async writeLeavers(
    manager: EntityManager,
    leavers: PlannedDemoLeaver[],
    recorder: (academyId: string) => string | null,
  ): Promise<(PlannedDemoLeaver & { learnerId: string })[]> {
    if (!leavers.length) return [];
    const written: { id: string; upn: string }[] = await manager.query(
      `INSERT INTO learner (upn, legal_surname, legal_forename, date_of_birth, gender, consent_to_follow_up)
       SELECT upn, "legalSurname", "legalForename", "dateOfBirth", gender, "consentToFollowUp"
         FROM jsonb_to_recordset($1::jsonb) AS t(upn text, "legalSurname" text, "legalForename" text,
           "dateOfBirth" date, gender text, "consentToFollowUp" boolean)
       ON CONFLICT (upn) DO NOTHING
       RETURNING id, upn`,
      [JSON.stringify(leavers)],
    );
    const idOf = new Map(written.map((row) => [row.upn, row.id]));
    const added = leavers.flatMap((leaver) => {
      const learnerId = idOf.get(leaver.upn);
      return learnerId ? [{ ...leaver, learnerId }] : [];
    });
    await manager.query(
      `INSERT INTO enrolment (learner_id, academic_year, academy_id, year_group, pupil_premium, sen_status,
         admission_date, leaving_date)
       SELECT "learnerId", "leftIn", "academyId", "yearGroup", "pupilPremium", "senStatus", "admissionDate",
              "leavingDate"
         FROM jsonb_to_recordset($1::jsonb) AS t("learnerId" uuid, "leftIn" smallint, "academyId" uuid,
           "yearGroup" smallint, "pupilPremium" boolean, "senStatus" text, "admissionDate" date,
           "leavingDate" date)`,
      [JSON.stringify(added)],
    );
    const destinations = added.flatMap((leaver) =>
      leaver.destinations.map((destination) => ({
        ...destination,
        learnerId: leaver.learnerId,
        recordedBy: recorder(leaver.academyId),
      })),
    );
    if (destinations.length) {
      await manager.query(
        `INSERT INTO actual_destination (learner_id, anniversary, category, provider, source, recorded_by, recorded_at)
         SELECT "learnerId", anniversary, category, provider, source, "recordedBy", ${AT_TEN('"recordedOn"')}
           FROM jsonb_to_recordset($1::jsonb) AS t("learnerId" uuid, anniversary smallint, category text,
             provider text, source text, "recordedBy" uuid, "recordedOn" date)`,
        [JSON.stringify(destinations)],
      );
    }
    return added;
  }

  /** The demo directory's organisations, by lower-cased name (DemoEncountersSeeder writes them first). */
  private async organisationIds(manager: EntityManager): Promise<Map<string, string>> {
    const rows: { id: string; name: string }[] = await manager.query(
      `SELECT id, lower(name) AS name FROM organisation WHERE lower(name) = ANY($1::text[])`,
      [DEMO_ORGANISATIONS.map((organisation) => organisation.name.toLowerCase())],
    );
    return new Map(rows.map((row) => [row.name, row.id]));
  }
}
