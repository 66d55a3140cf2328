import {
  academicYearOf,
  type CoverageResponse,
  type CoverageRow,
  RULE_IDS,
  type RuleId,
  todayIsoDate,
} from '@encounters/domain';
import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { type AccessScope, accessScope, type AuthUser, seesWholeAcademy } from '../common/access/policy';
import { CoverageService } from '../coverage/coverage.service';
import type { CoverageQueryDto } from '../coverage/dto/coverage-query.dto';
import { CoverageSnapshot } from './coverage-snapshot.entity';
import type { CreateSnapshotDto, SnapshotListQueryDto } from './dto/snapshot.dto';
import { resolveReportScope } from './report-scope';

export interface SnapshotView {
  id: string;
  scope: 'trust' | 'academy';
  academyId: string | null;
  label: string;
  academicYear: number;
  asAt: string;
  createdAt: string;
}

interface Figure {
  met: number;
  applicable: number;
  percent: number | null;
}

export interface SnapshotComparison {
  snapshot: SnapshotView;
  academicYear: number;
  asAt: string;
  rows: {
    key: string;
    label: string;
    learners: { frozen: number | null; now: number | null };
    rules: Record<RuleId, { frozen: Figure | null; now: Figure | null; changePoints: number | null }>;
  }[];
}

const UNIQUE_VIOLATION = '23505';

function figure(row: CoverageRow | undefined, rule: RuleId): Figure | null {
  // A snapshot frozen before a rule existed (WEX_KS3, WEX_KS4 came with the 2025 revision) has no figure for it.
  const tally = row?.rules[rule] as CoverageRow['rules'][RuleId] | undefined;
  if (!tally) return null;
  const { met, applicable, percent } = tally;
  return { met, applicable, percent };
}

@Injectable()
export class SnapshotsService {
  constructor(
    @InjectRepository(CoverageSnapshot) private readonly snapshots: Repository<CoverageSnapshot>,
    private readonly coverage: CoverageService,
    private readonly audit: AuditService,
  ) {}

  /** Freezes the coverage figures of a scope on a measurement date that has come. */
  async create(dto: CreateSnapshotDto, user: AuthUser, ip: string | null): Promise<SnapshotView> {
    const access = accessScope(user);
    const academicYear = academicYearOf(dto.asAt);
    const scope = await resolveReportScope(
      this.snapshots.manager,
      { academicYear, asAt: dto.asAt, academyId: dto.academyId },
      access,
    );
    if (dto.asAt > todayIsoDate()) {
      throw new UnprocessableEntityException(
        'The figures of a date still to come cannot be frozen: try again on or after that date.',
      );
    }
    const figures = await this.figures(scope.academy?.id ?? null, academicYear, dto.asAt, access);
    return this.snapshots.manager.transaction(async (manager) => {
      let snapshot: CoverageSnapshot;
      try {
        snapshot = await manager.save(
          manager.create(CoverageSnapshot, {
            scope: scope.academy ? 'academy' : 'trust',
            academyId: scope.academy?.id ?? null,
            academicYear,
            asAt: dto.asAt,
            figures,
            createdBy: user.id,
          }),
        );
      } catch (error) {
        if ((error as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION) {
          throw new ConflictException(
            `The figures of ${scope.academy?.name ?? 'the trust'} on ${dto.asAt} are already frozen.`,
          );
        }
        throw error;
      }
      await this.audit.record(
        {
          userId: user.id,
          action: 'report.snapshot',
          entityType: 'coverage_snapshot',
          entityId: snapshot.id,
          academyId: snapshot.academyId,
          details: { scope: snapshot.scope, academicYear, asAt: dto.asAt },
          ip,
        },
        manager,
      );
      return this.view(snapshot);
    });
  }

  async list(query: SnapshotListQueryDto, access: AccessScope): Promise<SnapshotView[]> {
    if (query.academyId && !seesWholeAcademy(access, query.academyId))
      throw new NotFoundException('No such academy.');
    const builder = this.snapshots
      .createQueryBuilder('s')
      .orderBy('s.as_at', 'DESC')
      .addOrderBy('s.created_at', 'DESC');
    if (!access.trustWide)
      builder.andWhere('s.academy_id = ANY(:academyIds::uuid[])', { academyIds: access.academyIds });
    if (query.academicYear)
      builder.andWhere('s.academic_year = :academicYear', { academicYear: query.academicYear });
    if (query.academyId) builder.andWhere('s.academy_id = :academyId', { academyId: query.academyId });
    return (await builder.getMany()).map((snapshot) => this.view(snapshot));
  }

  /** The figures at a later date against the frozen ones, row by row and rule by rule, in points. */
  async compare(id: string, asAt: string | undefined, access: AccessScope): Promise<SnapshotComparison> {
    const snapshot = await this.snapshots.findOneBy({ id });
    if (
      !snapshot ||
      (snapshot.academyId ? !seesWholeAcademy(access, snapshot.academyId) : !access.trustWide)
    ) {
      throw new NotFoundException('No such snapshot.');
    }
    const later = asAt ?? todayIsoDate();
    if (later < snapshot.asAt) {
      throw new BadRequestException({
        message: `asAt must be on or after the snapshot's date, ${snapshot.asAt}`,
        details: [{ field: 'asAt', reason: `before ${snapshot.asAt}` }],
      });
    }
    const now = await this.figures(snapshot.academyId, snapshot.academicYear, later, access);
    const frozenRows = new Map(snapshot.figures.rows.map((row) => [row.key, row]));
    const nowRows = new Map(now.rows.map((row) => [row.key, row]));
    const keys = [...new Set([...frozenRows.keys(), ...nowRows.keys()])];
    return {
      snapshot: this.view(snapshot),
      academicYear: snapshot.academicYear,
      asAt: later,
      rows: keys.map((key) => {
        const frozen = frozenRows.get(key);
        const current = nowRows.get(key);
        return {
          key,
          label: current?.label ?? frozen?.label ?? key,
          learners: { frozen: frozen?.learners ?? null, now: current?.learners ?? null },
          rules: Object.fromEntries(
            RULE_IDS.map((rule) => {
              const before = figure(frozen, rule);
              const after = figure(current, rule);
              const changePoints =
                before?.percent != null && after?.percent != null
                  ? Math.round((after.percent - before.percent) * 10) / 10
                  : null;
              return [rule, { frozen: before, now: after, changePoints }];
            }),
          ) as SnapshotComparison['rows'][number]['rules'],
        };
      }),
    };
  }

  private figures(
    academyId: string | null,
    academicYear: number,
    asAt: string,
    access: AccessScope,
  ): Promise<CoverageResponse> {
    return this.coverage.coverage(
      (academyId
        ? { scope: 'academy', id: academyId, academicYear, asAt }
        : { scope: 'trust', academicYear, asAt }) as CoverageQueryDto,
      access,
    );
  }

  private view(snapshot: CoverageSnapshot): SnapshotView {
    return {
      id: snapshot.id,
      scope: snapshot.scope,
      academyId: snapshot.academyId,
      label: snapshot.figures.rows[0]?.label ?? '',
      academicYear: snapshot.academicYear,
      asAt: snapshot.asAt,
      createdAt: new Date(snapshot.createdAt).toISOString(),
    };
  }
}
