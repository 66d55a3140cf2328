import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable, OutageLog } from './database-outage';

interface BodyParserError {
  type?: string;
  status?: number;
}

/**
 * The one place that turns an exception into the error body of spec/api.md:
 * `{ statusCode, error, message, details }`. No stack trace, SQL or path ever reaches a client.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpExceptionFilter.name);
  private readonly outage = new OutageLog();

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (isDatabaseUnavailable(exception)) {
      this.databaseUnavailable(exception, response);
      return;
    }
    const { status, message, details, extra } = this.describe(exception);
    const request = host.switchToHttp().getRequest<Request & { id?: string }>();
    if (!request.route && status >= 400 && status < 500 && status !== HttpStatus.NOT_FOUND) {
      // Refused before any route ran (a body that is malformed, too large or of the wrong type), so the
      // request logger never saw it: one line, never the body.
      this.logger.warn(
        // What the request logger's serializer reads (id, method, url), so the line looks like its own.
        { req: { id: request.id, method: request.method, url: request.path }, statusCode: status },
        `${request.method} ${request.path} ${status}: ${message}`,
      );
    } else if (status >= 500) {
      // Only the kind of failure: messages of database errors can quote the values that failed.
      const name = exception instanceof Error ? exception.name : typeof exception;
      const code = (exception as { code?: string })?.code;
      this.logger.error({ err: { name, code } }, 'Unhandled error');
    }
    if (response.headersSent) {
      response.end();
      return;
    }
    if (status === HttpStatus.TOO_MANY_REQUESTS && !response.getHeader('Retry-After')) {
      // Every 429 says when to come back: the seconds its thrower gave, else a minute.
      const seconds = Number(extra.retryAfterSeconds);
      response.setHeader('Retry-After', String(Number.isInteger(seconds) && seconds > 0 ? seconds : 60));
    }
    response.status(status).json({
      statusCode: status,
      error: STATUS_CODES[status] ?? 'Error',
      message,
      details,
      ...extra,
    });
  }

  /**
   * The database does not answer: 503 with Retry-After, which clients and proxies understand as "come back
   * soon", rather than a 500 per request; and one log line per interval rather than one per request.
   */
  private databaseUnavailable(exception: unknown, response: Response): void {
    const refused = this.outage.refused();
    if (refused !== null) {
      const code = (exception as { code?: string }).code;
      this.logger.error(
        { err: { name: (exception as Error).name, code }, refused },
        `The database is not answering: ${refused} request(s) answered 503 since the last line`,
      );
    }
    if (response.headersSent) {
      response.end();
      return;
    }
    response.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    const status = HttpStatus.SERVICE_UNAVAILABLE;
    response.status(status).json({
      statusCode: status,
      error: STATUS_CODES[status],
      message: 'Encounters cannot reach its database just now. Try again in a few seconds.',
      details: [],
    });
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
    const bodyParserError = exception as BodyParserError;
    if (bodyParserError?.type === 'entity.too.large') {
      return {
        status: HttpStatus.PAYLOAD_TOO_LARGE,
        message: 'The request body is too large.',
        details: [],
        extra: {},
      };
    }
    if (
      typeof bodyParserError?.status === 'number' &&
      bodyParserError.status >= 400 &&
      bodyParserError.status < 500
    ) {
      const status = bodyParserError.status;
      return { status, message: STATUS_CODES[status] ?? 'Bad request', details: [], extra: {} };
    }
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      message: 'Something went wrong on our side. Please try again.',
      details: [],
      extra: {},
    };
  }
}
