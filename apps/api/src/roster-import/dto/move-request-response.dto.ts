import type { RosterMoveRequest } from '@encounters/domain';
import { ApiProperty } from '@nestjs/swagger';

/** A pending request of one academy's roster file to enrol a learner another academy holds (R-G-2). */
export class RosterMoveRequestDto implements RosterMoveRequest {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'A801200000001' }) upn: string;
  @ApiProperty({ example: 2025 }) academicYear: number;
  @ApiProperty({ format: 'uuid', description: 'The academy whose import asked for the learner.' })
  toAcademyId: string;
  @ApiProperty() toAcademyName: string;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({
    description:
      "True when the reader may confirm or decline it (a trust administrator, or the holding academy's careers lead).",
  })
  mayDecide: boolean;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Only for those who may decide.',
  })
  learnerId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Only for those who may decide.' })
  name: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: "The file's year group; only for those who may decide.",
  })
  yearGroup: number | null;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: "The file's admission date; only for those who may decide.",
  })
  admissionDate: string | null;
}
