import {
  type OrganisationDetailResponse,
  type OrganisationEngagement,
  type OrganisationResponse,
  type OrganisationUsedBy,
  type PagedResult,
} from '@encounters/domain';
import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { accessScope, type AuthUser, may } from '../common/access/policy';
import { SqlParams } from '../common/sql-params';
import { EncountersService } from '../encounters/encounters.service';
import { CreateOrganisationDto } from './dto/create-organisation.dto';
import { OrganisationListQueryDto } from './dto/organisation-list-query.dto';
import { UpdateOrganisationDto } from './dto/update-organisation.dto';

export interface OrganisationView extends OrganisationResponse {
  engagement: OrganisationEngagement;
  createdAt: string;
  updatedAt: string;
}

/** One organisation, as its page and edit form read it: who else a change would reach (`mayChangeAll`). */
export type OrganisationDetail = OrganisationView & OrganisationDetailResponse;

interface OrganisationRow {
  id: string;
  name: string;
  type: OrganisationView['type'];
  sectors: OrganisationView['sectors'];
  size_band: OrganisationView['sizeBand'];
  offers_technical_education: boolean;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  notes: string | null;
  created_at: Date;
  updated_at: Date;
  encounters: number;
  learners: number;
  last_encounter_on: string | null;
}

/** Fields whose change alters what the organisation's encounters evidence (R-C-1..7). */
const CLASSIFYING_FIELDS = ['type', 'offersTechnicalEducation'] as const;
/** What a careers lead may change of an organisation other academies use. */
const CONTACT_FIELDS = ['contactName', 'contactEmail', 'contactPhone'] as const;

/**
 * The directory is shared by the trust: a change of an organisation reaches every academy whose
 * encounters name it (a new type or technical-education flag reclassifies them, R-C-1..7, and moves
 * their coverage figures). A trust administrator may change anything; a careers lead may change
 * everything of an organisation only their own academies use, and only its contact details otherwise.
 */
export function mayChangeAll(user: AuthUser, usedBy: readonly OrganisationUsedBy[]): boolean {
  return (
    may(user, 'manageOrganisations') &&
    usedBy.every((academy) => may(user, 'manageOrganisations', academy.id))
  );
}

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly encounters: EncountersService,
  ) {}

  async list(query: OrganisationListQueryDto, user: AuthUser): Promise<PagedResult<OrganisationView>> {
    const p = new SqlParams();
    const where: string[] = [];
    const typed = query.q?.trim().toLowerCase();
    if (typed) where.push(`lower(o.name) LIKE ${p.add(`%${escapeLike(typed)}%`)}`);
    if (query.type) where.push(`o.type = ${p.add(query.type)}`);
    if (query.sector) where.push(`o.sectors @> ${p.add([query.sector])}::text[]`);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM organisation o ${filter}`,
      p.values,
    );
    let order = 'lower(o.name), o.id';
    // Names that start with what was typed come first.
    if (typed) order = `(lower(o.name) LIKE ${p.add(`${escapeLike(typed)}%`)}) DESC, ${order}`;
    const page = `SELECT o.* FROM organisation o ${filter}
      ORDER BY ${order} LIMIT ${p.add(query.pageSize)} OFFSET ${p.add((query.page - 1) * query.pageSize)}`;
    const rows = await this.select(page, `ORDER BY ${order}`, p, user);
    return { items: rows.map(toView), total, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string, user: AuthUser): Promise<OrganisationDetail> {
    const [row] = await this.select(
      'SELECT * FROM organisation WHERE id = $1',
      '',
      new SqlParams([id]),
      user,
    );
    if (!row) throw new NotFoundException('No such organisation.');
    const usedBy = await this.usedBy(this.dataSource.manager, id);
    let editable: OrganisationDetail['editable'] = 'none';
    if (may(user, 'manageOrganisations')) editable = mayChangeAll(user, usedBy) ? 'all' : 'contact';
    return { ...toView(row), usedBy, editable };
  }

  async create(dto: CreateOrganisationDto, user: AuthUser, ip: string | null): Promise<OrganisationDetail> {
    const id = await this.refusingDuplicateNames(dto.name, () =>
      this.dataSource.transaction(async (manager) => {
        await this.assertNameFree(manager, dto.name);
        const [{ id }] = await manager.query(
          `INSERT INTO organisation (name, type, sectors, size_band, offers_technical_education,
             contact_name, contact_email, contact_phone, notes)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
          [
            dto.name,
            dto.type,
            dto.sectors ?? [],
            dto.sizeBand ?? null,
            dto.offersTechnicalEducation ?? false,
            dto.contact?.name ?? null,
            dto.contact?.email ?? null,
            dto.contact?.phone ?? null,
            dto.notes || null,
          ],
        );
        await this.audit.record(
          {
            userId: user.id,
            action: 'organisation.create',
            entityType: 'organisation',
            entityId: id,
            details: {
              name: dto.name,
              type: dto.type,
              offersTechnicalEducation: !!dto.offersTechnicalEducation,
            },
            ip,
          },
          manager,
        );
        return id as string;
      }),
    );
    return this.get(id, user);
  }

  async update(
    id: string,
    dto: UpdateOrganisationDto,
    user: AuthUser,
    ip: string | null,
  ): Promise<OrganisationDetail> {
    await this.refusingDuplicateNames(dto.name, () =>
      this.dataSource.transaction(async (manager) => {
        const [before] = await manager.query(`SELECT * FROM organisation WHERE id = $1 FOR UPDATE`, [id]);
        if (!before) throw new NotFoundException('No such organisation.');
        const next = {
          name: dto.name ?? before.name,
          type: dto.type ?? before.type,
          sectors: dto.sectors === undefined ? before.sectors : (dto.sectors ?? []),
          sizeBand: dto.sizeBand === undefined ? before.size_band : dto.sizeBand,
          offersTechnicalEducation: dto.offersTechnicalEducation ?? before.offers_technical_education,
          contactName: dto.contact === undefined ? before.contact_name : (dto.contact?.name ?? null),
          contactEmail: dto.contact === undefined ? before.contact_email : (dto.contact?.email ?? null),
          contactPhone: dto.contact === undefined ? before.contact_phone : (dto.contact?.phone ?? null),
          // The edit form sends blank notes as ''; stored, as on create, as null.
          notes: dto.notes === undefined ? before.notes : dto.notes || null,
        };
        const previous = {
          name: before.name,
          type: before.type,
          sectors: before.sectors,
          sizeBand: before.size_band,
          offersTechnicalEducation: before.offers_technical_education,
          contactName: before.contact_name,
          contactEmail: before.contact_email,
          contactPhone: before.contact_phone,
          notes: before.notes,
        };
        const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
          (key) => JSON.stringify(next[key]) !== JSON.stringify(previous[key]),
        );
        if (!changed.length) return;
        const usedBy = await this.usedBy(manager, id);
        if (!mayChangeAll(user, usedBy)) {
          const refused = changed.filter((key) => !(CONTACT_FIELDS as readonly string[]).includes(key));
          if (refused.length) throw sharedOrganisation(refused, usedBy, user);
        }
        if (changed.includes('name') && next.name.toLowerCase() !== before.name.toLowerCase()) {
          await this.assertNameFree(manager, next.name);
        }
        await manager.query(
          `UPDATE organisation SET name = $2, type = $3, sectors = $4, size_band = $5,
             offers_technical_education = $6, contact_name = $7, contact_email = $8, contact_phone = $9,
             notes = $10, updated_at = now()
           WHERE id = $1`,
          [
            id,
            next.name,
            next.type,
            next.sectors,
            next.sizeBand,
            next.offersTechnicalEducation,
            next.contactName,
            next.contactEmail,
            next.contactPhone,
            next.notes,
          ],
        );
        const classifying = changed.filter((key) => (CLASSIFYING_FIELDS as readonly string[]).includes(key));
        await this.audit.record(
          {
            userId: user.id,
            action: 'organisation.update',
            entityType: 'organisation',
            entityId: id,
            details: {
              changed,
              ...Object.fromEntries(
                changed
                  .filter((key) => !key.startsWith('contact') && key !== 'notes')
                  .map((key) => [key, { from: previous[key], to: next[key] }]),
              ),
            },
            ip,
          },
          manager,
        );
        if (classifying.length) await this.encounters.organisationReclassified(manager, id, user, ip);
      }),
    );
    return this.get(id, user);
  }

  /** The organisations `page` selects, with engagement counted over the academies the reader can see. */
  private async select(
    page: string,
    order: string,
    p: SqlParams,
    user: AuthUser,
  ): Promise<OrganisationRow[]> {
    const scope = accessScope(user);
    const academies = [...new Set([...scope.academyIds, ...scope.memberAcademyIds])];
    const trustWide = `${p.add(scope.trustWide)}::boolean`;
    const academyIds = `${p.add(academies)}::uuid[]`;
    return this.dataSource.query(
      `SELECT o.id, o.name, o.type, o.sectors, o.size_band, o.offers_technical_education,
         o.contact_name, o.contact_email, o.contact_phone, o.notes, o.created_at, o.updated_at,
         engagement.encounters, engagement.learners, engagement.last_encounter_on
       FROM (${page}) o
       CROSS JOIN LATERAL (
         SELECT count(DISTINCT e.id)::int AS encounters,
           count(DISTINCT a.learner_id) FILTER (WHERE a.status = 'attended')::int AS learners,
           to_char(max(e.date), 'YYYY-MM-DD') AS last_encounter_on
         FROM encounter_organisation eo
         JOIN encounter e ON e.id = eo.encounter_id AND e.deleted_at IS NULL
         LEFT JOIN attendance a ON a.encounter_id = e.id
         WHERE eo.organisation_id = o.id AND (${trustWide} OR e.academy_id = ANY(${academyIds}))
       ) engagement
       ${order}`,
      p.values,
    );
  }

  /** Academies with a live encounter naming the organisation, trust-wide: whom a change reaches. */
  private async usedBy(manager: EntityManager, id: string): Promise<OrganisationUsedBy[]> {
    return manager.query(
      `SELECT a.id, a.name FROM academy a
       WHERE EXISTS (SELECT 1 FROM encounter_organisation eo
         JOIN encounter e ON e.id = eo.encounter_id AND e.deleted_at IS NULL
         WHERE eo.organisation_id = $1 AND e.academy_id = a.id)
       ORDER BY lower(a.name), a.id`,
      [id],
    );
  }

  private async assertNameFree(manager: EntityManager, name: string): Promise<void> {
    const [existing] = await manager.query(`SELECT id FROM organisation WHERE lower(name) = lower($1)`, [
      name,
    ]);
    if (existing) throw duplicateName(name, existing.id);
  }

  /** Two people adding the same organisation at once: the unique index decides, and the loser gets a 409. */
  private async refusingDuplicateNames<T>(name: string | undefined, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const driverError =
        error instanceof QueryFailedError ? (error.driverError as { constraint?: string }) : null;
      if (name && driverError?.constraint === 'organisation_name_unique') {
        const [existing] = await this.dataSource.query(
          `SELECT id FROM organisation WHERE lower(name) = lower($1)`,
          [name],
        );
        throw duplicateName(name, existing?.id);
      }
      throw error;
    }
  }
}

function duplicateName(name: string, existingId: string): ConflictException {
  return new ConflictException({
    message: `An organisation called "${name}" is already in the directory.`,
    details: [{ field: 'name', reason: 'already in the directory' }],
    existingId,
  });
}

/** A careers lead changing more than the contact details of an organisation other academies use. */
function sharedOrganisation(
  refused: string[],
  usedBy: OrganisationUsedBy[],
  user: AuthUser,
): ForbiddenException {
  const others = usedBy
    .filter((academy) => !user.academyIds.includes(academy.id))
    .map((academy) => academy.name);
  const fields = [...new Set(refused.map((key) => (key.startsWith('contact') ? 'contact' : key)))];
  return new ForbiddenException({
    message:
      `${others.join(', ')} also ${others.length === 1 ? 'uses' : 'use'} this organisation: only a trust ` +
      `administrator may change its ${fields.join(', ')}. You may change its contact details.`,
    details: fields.map((field) => ({ field, reason: 'used by other academies of the trust' })),
  });
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function toView(row: OrganisationRow): OrganisationView {
  const hasContact = row.contact_name || row.contact_email || row.contact_phone;
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    sectors: row.sectors,
    sizeBand: row.size_band,
    offersTechnicalEducation: row.offers_technical_education,
    contact: hasContact
      ? { name: row.contact_name, email: row.contact_email, phone: row.contact_phone }
      : null,
    notes: row.notes,
    engagement: {
      encounters: row.encounters,
      learners: row.learners,
      lastEncounterOn: row.last_encounter_on,
    },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
