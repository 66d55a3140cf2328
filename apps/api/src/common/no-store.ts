import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';

/**
 * Answers of the API are never kept by a browser, a shared computer's cache or a proxy: most carry
 * learners' personal data, and the rest are not worth telling apart. A hook on every request under `/api`
 * (not an interceptor, which would run only after the guard), so that every answer carries it, a refusal or
 * an error (which may still name a learner) too.
 */
export function noStore() {
  return (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    if (request.url.startsWith('/api/') || request.url === '/api' || request.url.startsWith('/api?')) {
      reply.header('Cache-Control', 'no-store');
      reply.header('Pragma', 'no-cache');
    }
    done();
  };
}
