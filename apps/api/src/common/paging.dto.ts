import { WholeNumber } from './body-fields';

export class PagingQueryDto {
  @WholeNumber({ default: 1, minimum: 1, maximum: 1_000_000 }, { optional: true, fromQuery: true })
  page = 1;

  @WholeNumber({ default: 50, minimum: 1, maximum: 500 }, { optional: true, fromQuery: true })
  pageSize = 50;
}
