import type { DestinationBatchRequest, DestinationBatchResult } from '@encounters/domain';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray } from 'class-validator';
import { AcademicYearField } from '../../common/query-fields';
import { DestinationEntryDto } from './create-intended-destination.dto';

/** The most items of one batch: a year group of a large academy. */
export const MAX_BATCH_ITEMS = 1000;

/** R-DEST-1 quick entry for a class: each item merges into the learner's destination of the year. */
export class DestinationBatchDto implements DestinationBatchRequest {
  @AcademicYearField(
    { description: 'The academic year of every item.' },
    { required: true, fromQuery: false },
  )
  academicYear: number;

  /** Checked item by item by `DestinationBatchPipe`, which names each bad field `items[i].field`. */
  @ApiProperty({ type: [DestinationEntryDto], minItems: 1, maxItems: MAX_BATCH_ITEMS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_ITEMS)
  items: DestinationEntryDto[];
}

export class DestinationBatchResultDto implements DestinationBatchResult {
  @ApiProperty({ description: 'Learners who had no destination for the year.' }) created: number;
  @ApiProperty({ description: 'Destinations changed (a new status adds a dated change).' }) updated: number;
  @ApiProperty({ description: 'Items that changed nothing.' }) unchanged: number;
}
