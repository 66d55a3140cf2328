import { ApiErrorBody } from './error';

/** Answer of `GET /api/health` when the API and its database answer. */
export interface HealthResponse {
  status: 'ok';
  database: 'up';
}

/** Answer of `GET /api/health` with status 503. */
export interface HealthDownResponse extends ApiErrorBody {
  status: 'error';
  database: 'down';
}
