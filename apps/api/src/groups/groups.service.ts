import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AccessScope } from '../common/access/policy';
import { SqlParams } from '../common/sql-params';
import { LEARNER_LIST_COLUMNS, type LearnerListRow, toLearnerListItem } from '../learners/learners.service';
import type { GroupListQueryDto } from './dto/group-list-query.dto';
import type { GroupDetailDto, GroupResponseDto } from './dto/group-responses.dto';

const GROUP_COLUMNS = `
  g.id, g.academy_id AS "academyId", g.academic_year AS "academicYear", g.name, g.kind, g.year_group AS "yearGroup",
  COALESCE((SELECT array_agg(ug.user_id ORDER BY ug.user_id) FROM user_group ug WHERE ug.group_id = g.id), '{}') AS "teacherIds",
  (SELECT count(*)::int FROM group_membership gm WHERE gm.group_id = g.id) AS "learnerCount"`;

/** Trust-wide roles see every group, academy-wide roles their academies', teachers the groups they teach. */
function groupVisibleSql(scope: AccessScope, p: SqlParams): string {
  if (scope.trustWide) return 'TRUE';
  return `(g.academy_id = ANY(${p.add(scope.academyIds)}::uuid[]) OR g.id = ANY(${p.add(scope.groupIds)}::uuid[]))`;
}

@Injectable()
export class GroupsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(query: GroupListQueryDto, scope: AccessScope): Promise<GroupResponseDto[]> {
    const p = new SqlParams();
    const where: string[] = [];
    if (query.academyId) where.push(`g.academy_id = ${p.add(query.academyId)}`);
    if (query.academicYear) where.push(`g.academic_year = ${p.add(query.academicYear)}`);
    where.push(groupVisibleSql(scope, p));
    return this.dataSource.query(
      `SELECT ${GROUP_COLUMNS}
         FROM learning_group g
        WHERE ${where.join(' AND ')}
        ORDER BY g.academic_year DESC, g.year_group NULLS LAST, lower(g.name), g.id`,
      p.values,
    );
  }

  async get(id: string, scope: AccessScope): Promise<GroupDetailDto> {
    const p = new SqlParams([id]);
    const [group] = await this.dataSource.query(
      `SELECT ${GROUP_COLUMNS} FROM learning_group g WHERE g.id = $1 AND ${groupVisibleSql(scope, p)}`,
      p.values,
    );
    if (!group) throw new NotFoundException('No such group.');
    const learners: LearnerListRow[] = await this.dataSource.query(
      `SELECT ${LEARNER_LIST_COLUMNS}
         FROM group_membership gm
         JOIN learner l ON l.id = gm.learner_id
         JOIN learning_group mg ON mg.id = gm.group_id
         JOIN enrolment e ON e.learner_id = l.id AND e.academic_year = mg.academic_year
           AND e.academy_id = mg.academy_id
         LEFT JOIN learning_group g ON g.id = e.registration_group_id
        WHERE gm.group_id = $1
        ORDER BY lower(l.legal_surname), lower(l.legal_forename), l.upn`,
      [id],
    );
    return { ...group, learners: learners.map(toLearnerListItem) };
  }
}
