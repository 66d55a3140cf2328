import type { GuidanceMeetingListQuery } from '@encounters/domain';
import { Uuid } from '../../common/body-fields';
import { PagingQueryDto } from '../../common/paging.dto';

export class GuidanceMeetingListQueryDto extends PagingQueryDto implements GuidanceMeetingListQuery {
  @Uuid({}, { optional: true })
  learnerId?: string;

  @Uuid({}, { optional: true })
  academyId?: string;
}
