import type { GroupListQuery } from '@encounters/domain';
import { AcademicYearField, AcademyIdField } from '../../common/query-fields';

export class GroupListQueryDto implements GroupListQuery {
  @AcademyIdField()
  academyId?: string;

  @AcademicYearField({ description: 'Every year held when left out.' })
  academicYear?: number;
}
