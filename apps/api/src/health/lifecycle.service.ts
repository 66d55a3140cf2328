import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';

/**
 * Knows the requests in flight and whether the app is stopping. Once stopping, new requests get 503
 * (and `Connection: close`) while those in flight finish.
 */
@Injectable()
export class Lifecycle {
  private inFlight = 0;
  private stoppingSince: number | null = null;
  private idleWaiters: (() => void)[] = [];

  get stopping(): boolean {
    return this.stoppingSince !== null;
  }

  get requestsInFlight(): number {
    return this.inFlight;
  }

  /** Counts every request in flight until its connection is done with it, and refuses new ones once stopping. */
  install(fastify: FastifyInstance): void {
    fastify.addHook('onRequest', (_request, reply, done) => {
      if (this.stopping) {
        reply.header('Connection', 'close');
        reply.header('Retry-After', '5');
        return done(new ServiceUnavailableException('Encounters is stopping; try again in a moment.'));
      }
      this.inFlight += 1;
      reply.raw.once('close', () => {
        this.inFlight -= 1;
        if (this.inFlight === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
      });
      done();
    });
  }

  /** Stops taking requests and resolves once none is in flight, or after `timeoutMs` (false then). */
  drain(timeoutMs: number): Promise<boolean> {
    this.stoppingSince ??= Date.now();
    if (this.inFlight === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      timer.unref();
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
