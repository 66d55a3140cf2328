export interface PagingQuery {
  /** 1-based. */
  page?: number;
  pageSize?: number;
}

export interface PagedResult<T> {
  items: T[];
  /** Items matching the query across all pages. */
  total: number;
  page: number;
  pageSize: number;
}
