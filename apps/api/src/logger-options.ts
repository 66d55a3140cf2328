import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppConfig } from './config/config';

/** The levels at which pino-http's request lines (written at `info`) reach the log. */
const REQUEST_LINES_AT = ['trace', 'debug', 'info'];

/**
 * Request logs carry the method, the path without its query (a search may hold a learner's name),
 * the status and the time taken. Never bodies, cookies or tokens.
 */
export function loggerOptions(config: AppConfig): Params {
  const level = config.NODE_ENV === 'test' ? 'silent' : config.LOG_LEVEL;
  return {
    // Every route, in the wildcard syntax of Express 5's router (nestjs-pino's default '*' makes Nest warn).
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level,
      // Request lines are written at `info`: at a quieter level no request line could be written, so the
      // per-request listeners are not installed at all (issue 20). Probes and scrapes come every few
      // seconds; their lines would drown the rest.
      autoLogging: REQUEST_LINES_AT.includes(level) && {
        ignore: (request: IncomingMessage) =>
          ['/api/health', '/api/health/live', '/api/health/ready', '/api/metrics'].includes(
            (request.url ?? '').split('?')[0],
          ),
      },
      serializers: {
        req: (request: IncomingMessage & { id?: unknown }) => ({
          id: request.id,
          method: request.method,
          path: (request.url ?? '').split('?')[0],
        }),
        res: (response: ServerResponse) => ({ statusCode: response.statusCode }),
      },
      redact: { paths: ['req.headers', 'res.headers'], remove: true },
      customSuccessMessage: (request, response) =>
        `${request.method} ${(request.url ?? '').split('?')[0]} ${response.statusCode}`,
    },
  };
}
