import type { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import type { PagedResult } from '@encounters/domain';
import { WholeNumber } from './body-fields';

export class PagingQueryDto {
  @WholeNumber({ default: 1, minimum: 1, maximum: 1_000_000 }, { optional: true, fromQuery: true })
  page = 1;

  @WholeNumber({ default: 50, minimum: 1, maximum: 500 }, { optional: true, fromQuery: true })
  pageSize = 50;
}

/**
 * The answer of a paged list: one page of `item`s, and the whole list's size. A DTO extends it, so that the
 * OpenAPI document names it: `class EncounterPageDto extends PageOf(EncounterListItemDto) {}`.
 */
export function PageOf<T>(item: Type<T>): Type<PagedResult<T>> {
  class Page implements PagedResult<T> {
    @ApiProperty({ type: [item] }) items: T[];
    @ApiProperty() total: number;
    @ApiProperty() page: number;
    @ApiProperty() pageSize: number;
  }
  return Page;
}
