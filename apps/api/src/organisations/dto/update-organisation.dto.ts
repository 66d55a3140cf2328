import type { UpdateOrganisationRequest } from '@encounters/domain';
import { PartialType } from '@nestjs/swagger';
import { ServerOwned } from '../../common/server-owned';
import { CreateOrganisationDto } from './create-organisation.dto';

@ServerOwned({
  id: { type: String, format: 'uuid' },
  usedBy: { type: 'array', items: { type: 'object' } },
  editable: { enum: ['all', 'contact', 'none'] },
  engagement: { type: 'object', additionalProperties: true },
  createdAt: { type: String, format: 'date-time' },
  updatedAt: { type: String, format: 'date-time' },
})
export class UpdateOrganisationDto
  extends PartialType(CreateOrganisationDto, { skipNullProperties: false })
  implements UpdateOrganisationRequest {}
