import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isSecure } from '../common/http/secure';
import type { AppConfig } from '../config/config';
import { PrimaryDownError, readingFromReplica, type ReplicaRouter } from './replicas';

/** Set on the answer to a write, for as long as the writer's reads stay on the primary. */
export const RECENT_WRITE_COOKIE = 'encounters_recent_write';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Coverage, reports and lists: the reads a replica may answer. Sign-in, set-up and health stay on the primary. */
const REPLICA_READS =
  /^\/api\/(coverage|reports|learners|groups|academies|encounters|guidance-meetings|organisations|policy|trust|audit)(\/|$|\?)/;

type WithUser = FastifyRequest & { user?: { id: string } };

/**
 * Decides, per request, where its reads go (see ReplicaRouter), as Fastify hooks rather than a Nest
 * interceptor (which wraps every handler in observables and binds an async resource per request: with it a
 * trust view cost 0.5 ms more of the API's CPU with a replica than without, as hooks 0.16 ms; issue 21):
 *
 * - a read of coverage, reports or lists runs inside `readingFromReplica`, its reads routed once the access
 *   guard has signed the user in (the session's own look-up stays on the primary) and unless that user wrote
 *   in the last REPLICA_READ_OWN_WRITES_MS: by a short-lived cookie, which every API process behind the same
 *   address reads, and by the user's id in this process, for scripts that keep no cookie;
 * - a write while the primary does not answer is refused before it runs: 503 with Retry-After (the exception
 *   filter's answer for a database that does not answer), reads going on from a replica;
 * - a write that succeeded sets the cookie and notes the writer.
 *
 * Installed only with replicas configured.
 */
export function installReplicaRouting(
  fastify: FastifyInstance,
  router: ReplicaRouter,
  config: AppConfig,
): void {
  const window = config.REPLICA_READ_OWN_WRITES_MS;
  fastify.addHook('preHandler', (request: WithUser, _reply, done) => {
    if (!SAFE_METHODS.has(request.method)) return done(router.primaryUp ? undefined : new PrimaryDownError());
    const cookies = request.cookies as Record<string, string | undefined> | undefined;
    if (cookies?.[RECENT_WRITE_COOKIE] || !REPLICA_READS.test(request.url)) return done();
    // The rest of the request (Nest's guards, pipes and handler) runs inside, called from `done`.
    readingFromReplica(
      () => done(),
      () => request.user?.id,
    );
  });
  fastify.addHook('onSend', (request: WithUser, reply: FastifyReply, payload, done) => {
    if (!SAFE_METHODS.has(request.method) && reply.statusCode < 400) {
      router.noteWrite(request.user?.id, window);
      void reply.setCookie(RECENT_WRITE_COOKIE, '1', {
        // The cookie's Max-Age is in seconds.
        maxAge: Math.max(1, Math.ceil(window / 1000)),
        httpOnly: true,
        sameSite: 'strict',
        secure: isSecure(request),
        path: '/',
      });
    }
    done(null, payload);
  });
}
