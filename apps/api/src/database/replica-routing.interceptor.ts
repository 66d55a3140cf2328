import {
  CallHandler,
  ExecutionContext,
  Inject,
  Injectable,
  NestInterceptor,
  ServiceUnavailableException,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isSecure } from '../common/http/secure';
import { catchError, Observable, tap, throwError } from 'rxjs';
import { APP_CONFIG, AppConfig } from '../config/config';
import { isDatabaseUnavailable } from '../common/database-outage';
import { readingFromReplica, ReplicaRouter } from './replicas';

/** Set on the answer to a write, for as long as the writer's reads stay on the primary. */
export const RECENT_WRITE_COOKIE = 'encounters_recent_write';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Coverage, reports and lists: the reads a replica may answer. Sign-in, set-up and health stay on the primary. */
const REPLICA_READS =
  /^\/api\/(coverage|reports|learners|groups|academies|encounters|guidance-meetings|organisations|policy|trust|audit)(\/|$|\?)/;
const RETRY_AFTER_SECONDS = 5;

/**
 * Decides, per request, where its reads go (see ReplicaRouter), and keeps the writer's own reads on the
 * primary for REPLICA_READ_OWN_WRITES_MS after a write: by a short-lived cookie, which every API process
 * behind the same address reads, and by the user's id in this process for clients without cookies.
 * With the primary down, a write answers 503 with Retry-After rather than an error of the database.
 * Does nothing without replicas.
 */
@Injectable()
export class ReplicaRoutingInterceptor implements NestInterceptor {
  private readonly recentWriters = new Map<string, number>();

  constructor(
    private readonly router: ReplicaRouter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.router.configured || context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: { id: string } }>();
    const response = context.switchToHttp().getResponse<FastifyReply>();
    const userId = request.user?.id;

    if (!SAFE_METHODS.has(request.method)) {
      if (!this.router.primaryUp) return throwError(() => this.unavailable(response));
      return next.handle().pipe(
        tap(() => this.rememberWrite(request, response, userId)),
        catchError((error: unknown) =>
          throwError(() => (isDatabaseUnavailable(error) ? this.unavailable(response) : error)),
        ),
      );
    }

    const ownWriteIsRecent =
      Boolean((request.cookies as Record<string, string> | undefined)?.[RECENT_WRITE_COOKIE]) ||
      (userId !== undefined && (this.recentWriters.get(userId) ?? 0) > Date.now());
    if (ownWriteIsRecent || !REPLICA_READS.test(request.originalUrl)) return next.handle();
    return new Observable((subscriber) => readingFromReplica(() => next.handle().subscribe(subscriber)));
  }

  private rememberWrite(request: FastifyRequest, response: FastifyReply, userId: string | undefined): void {
    const window = this.config.REPLICA_READ_OWN_WRITES_MS;
    if (userId !== undefined) {
      if (this.recentWriters.size > 10_000) this.recentWriters.clear();
      this.recentWriters.set(userId, Date.now() + window);
    }
    if (!response.sent) {
      response.setCookie(RECENT_WRITE_COOKIE, '1', {
        // The cookie's Max-Age is in seconds.
        maxAge: Math.max(1, Math.ceil(window / 1000)),
        httpOnly: true,
        sameSite: 'strict',
        secure: isSecure(request),
        path: '/',
      });
    }
  }

  private unavailable(response: FastifyReply): ServiceUnavailableException {
    if (!response.sent) void response.header('Retry-After', String(RETRY_AFTER_SECONDS));
    return new ServiceUnavailableException(
      'The database cannot take changes at the moment; reading still works. Please try again shortly.',
    );
  }
}
