import { ApiProperty } from '@nestjs/swagger';

export class TrustResponseDto {
  @ApiProperty({ format: 'uuid', readOnly: true }) id: string;
  @ApiProperty() name: string;
}
