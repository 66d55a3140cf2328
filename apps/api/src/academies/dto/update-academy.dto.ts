import { PartialType } from '@nestjs/swagger';
import { ServerOwned } from '../../common/server-owned';
import { CreateAcademyDto } from './create-academy.dto';

@ServerOwned({
  id: { type: String, format: 'uuid' },
  trustId: { type: String, format: 'uuid' },
  createdAt: { type: String, format: 'date-time' },
  updatedAt: { type: String, format: 'date-time' },
})
export class UpdateAcademyDto extends PartialType(CreateAcademyDto) {}
