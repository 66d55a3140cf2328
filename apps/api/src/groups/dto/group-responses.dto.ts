import {
  type GroupDetailResponse,
  GROUP_KINDS,
  type GroupKind,
  type GroupResponse,
} from '@encounters/domain';
import { ApiProperty } from '@nestjs/swagger';
import { LearnerListItemDto } from '../../learners/dto/learner-responses.dto';

export class GroupResponseDto implements GroupResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  academyId: string;

  @ApiProperty({ example: 2025 })
  academicYear: number;

  @ApiProperty({ example: '10K' })
  name: string;

  @ApiProperty({ enum: GROUP_KINDS })
  kind: GroupKind;

  @ApiProperty({ type: Number, nullable: true, description: 'Null when the group mixes year groups.' })
  yearGroup: number | null;

  @ApiProperty({ type: [String], format: 'uuid' })
  teacherIds: string[];

  @ApiProperty()
  learnerCount: number;
}

export class GroupDetailDto extends GroupResponseDto implements GroupDetailResponse {
  @ApiProperty({ type: [LearnerListItemDto], description: "The group's learners, by surname." })
  learners: LearnerListItemDto[];
}
