import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { STATUS_CODES } from 'node:http';
import { wasRefusedBeforeRoute } from './http/refused-before-route';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable, OutageLog } from './database-outage';

/** The request as the filter reads it: Fastify's, or the raw one (an error in a hook before Fastify's). */
interface FilteredRequest {
  id?: string;
  method?: string;
  url?: string;
}

/**
 * The one place that turns an exception into the error body of spec/api.md:
 * `{ statusCode, error, message, details }`. No stack trace, SQL or path ever reaches a client.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpExceptionFilter.name);
  private readonly outage = new OutageLog();

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const adapter = this.adapterHost.httpAdapter;
    const response: unknown = host.switchToHttp().getResponse();
    const request = host.switchToHttp().getRequest<FilteredRequest>();
    if (isDatabaseUnavailable(exception)) {
      this.databaseUnavailable(exception, response);
      return;
    }
    const { status, message, details, extra } = this.describe(exception);
    // What the request logger's serializer reads (id, method, path), so a line looks like its own.
    const path = (request.url ?? '').split('?', 1)[0];
    const req = { id: request.id, method: request.method, url: path };
    if (wasRefusedBeforeRoute(request) && status >= 400 && status < 500) {
      // Refused before any route ran (a body that is malformed, too large or of the wrong type), so the
      // request logger never saw it: one line, never the body.
      this.logger.warn({ req, statusCode: status }, `${request.method} ${path} ${status}: ${message}`);
    } else if (status >= 500) {
      // Only the kind of failure: messages of database errors can quote the values that failed.
      const name = exception instanceof Error ? exception.name : typeof exception;
      const code = (exception as { code?: string })?.code;
      this.logger.error({ req, err: { name, code } }, 'Unhandled error');
    }
    if (adapter.isHeadersSent(response)) {
      adapter.end(response);
      return;
    }
    if (status === HttpStatus.TOO_MANY_REQUESTS && !hasHeader(response, 'retry-after')) {
      // Every 429 says when to come back: the seconds its thrower gave, else a minute.
      const seconds = Number(extra.retryAfterSeconds);
      adapter.setHeader(
        response,
        'Retry-After',
        String(Number.isInteger(seconds) && seconds > 0 ? seconds : 60),
      );
    }
    adapter.reply(
      response,
      { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message, details, ...extra },
      status,
    );
  }

  /**
   * The database does not answer: 503 with Retry-After, which clients and proxies understand as "come back
   * soon", rather than a 500 per request; and one log line per interval rather than one per request.
   */
  private databaseUnavailable(exception: unknown, response: unknown): void {
    const adapter = this.adapterHost.httpAdapter;
    const refused = this.outage.refused();
    if (refused !== null) {
      const code = (exception as { code?: string }).code;
      this.logger.error(
        { err: { name: (exception as Error).name, code }, refused },
        `The database is not answering: ${refused} request(s) answered 503 since the last line`,
      );
    }
    if (adapter.isHeadersSent(response)) {
      adapter.end(response);
      return;
    }
    adapter.setHeader(response, 'Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    const status = HttpStatus.SERVICE_UNAVAILABLE;
    adapter.reply(
      response,
      {
        statusCode: status,
        error: STATUS_CODES[status],
        message: 'Encounters cannot reach its database just now. Try again in a few seconds.',
        details: [],
      },
      status,
    );
  }

  private describe(exception: unknown): {
    status: number;
    message: string;
    details: unknown[];
    extra: Record<string, unknown>;
  } {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      if (typeof body === 'string') return { status, message: body, details: [], extra: {} };
      const {
        message,
        details,
        statusCode: _statusCode,
        error: _error,
        ...extra
      } = body as Record<string, unknown>;
      const text = Array.isArray(message) ? message.join('; ') : String(message ?? STATUS_CODES[status]);
      return { status, message: text, details: Array.isArray(details) ? details : [], extra };
    }
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      message: 'Something went wrong on our side. Please try again.',
      details: [],
      extra: {},
    };
  }
}

/** Whether the answer already carries the header: a Fastify reply's, or a raw response's. */
function hasHeader(response: unknown, name: string): boolean {
  const reply = response as { getHeader(name: string): unknown };
  return reply.getHeader(name) !== undefined;
}
