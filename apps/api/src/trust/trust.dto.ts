import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** Body of `PATCH /api/trust`. */
export class UpdateTrustDto {
  @ApiProperty({ example: 'Kilnside Learning Trust' })
  @IsString()
  @Length(1, 200)
  name: string;
}
