import { academicYearEnd, academicYearLabel, todayIsoDate } from '@encounters/domain';
import { ForbiddenException, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type AccessScope, seesWholeAcademy } from '../common/access/policy';

/** What a report covers: the whole trust or one academy, for an academic year at an as-at date. */
export interface ReportScope {
  academicYear: number;
  asAt: string;
  trustName: string;
  /** null: the whole trust. */
  academy: { id: string; name: string } | null;
}

/** Today, or the last day of the year when the year is over: a past year's report shows the year's end. */
export function defaultAsAt(academicYear: number): string {
  const today = todayIsoDate();
  const end = academicYearEnd(academicYear);
  return today > end ? end : today;
}

/**
 * Resolves the academy of a report, refusing what the caller may not see with 404 (never revealing that
 * another academy exists) and the whole trust to anyone but trust-wide roles with 403.
 */
export async function resolveReportScope(
  manager: EntityManager,
  query: { academicYear: number; asAt?: string; academyId?: string },
  access: AccessScope,
): Promise<ReportScope> {
  const asAt = query.asAt ?? defaultAsAt(query.academicYear);
  if (!query.academyId) {
    if (!access.trustWide) {
      throw new ForbiddenException(
        'Only trust-wide roles report on the whole trust: give academyId for your academy.',
      );
    }
    const [trust] = await manager.query(`SELECT name FROM trust ORDER BY created_at LIMIT 1`);
    return { academicYear: query.academicYear, asAt, trustName: trust?.name ?? 'Trust', academy: null };
  }
  const [academy] = await manager.query(
    `SELECT a.id, a.name, t.name AS trust_name FROM academy a JOIN trust t ON t.id = a.trust_id WHERE a.id = $1`,
    [query.academyId],
  );
  if (!academy || !seesWholeAcademy(access, query.academyId)) throw new NotFoundException('No such academy.');
  return {
    academicYear: query.academicYear,
    asAt,
    trustName: academy.trust_name,
    academy: { id: academy.id, name: academy.name },
  };
}

/** A file name that says what the file holds: `compliance-2025-26-trust-2026-03-31.csv`. */
export function reportFileName(kind: string, scope: ReportScope, extension: string): string {
  const who = scope.academy ? slug(scope.academy.name) : 'trust';
  return `${kind}-${academicYearLabel(scope.academicYear).replace('/', '-')}-${who}-${scope.asAt}.${extension}`;
}

export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'report'
  );
}

/** The audit details of an export: what and for which scope, never a learner's data. */
export function exportDetails(report: string, format: string, scope: ReportScope): Record<string, unknown> {
  return {
    report,
    format,
    scope: scope.academy ? 'academy' : 'trust',
    academicYear: scope.academicYear,
    asAt: scope.asAt,
  };
}
