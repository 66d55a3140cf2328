import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { ServerOwned } from '../common/server-owned';

/** Body of `PATCH /api/trust`: what `GET /api/trust` answers may be sent back as it is. */
@ServerOwned({ id: { type: String, format: 'uuid' } })
export class UpdateTrustDto {
  @ApiProperty({ example: 'Kilnside Learning Trust' })
  @IsString()
  @Length(1, 200)
  name: string;
}
