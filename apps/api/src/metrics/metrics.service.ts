import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { authorisationTotals } from '../common/access/authorisation-time';
import { replicaRouterOf } from '../database/replicas';

interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * The app's Prometheus metrics, in a registry of its own: requests by route template and status, the
 * database pool, the event loop (with Node's default metrics), roster imports and reports. Route templates
 * (`/api/learners/:id`), never the paths themselves, so no id or name becomes a label.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'encounters_http_requests_total',
    help: 'HTTP requests answered, by method, route template and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly durations = new Histogram({
    name: 'encounters_http_request_duration_seconds',
    help: 'Time to answer HTTP requests, by method, route template and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: SECONDS,
    registers: [this.registry],
  });
  private readonly imports = new Histogram({
    name: 'encounters_roster_import_duration_seconds',
    help: 'Time to read, check and (unless a dry run) write a roster file, by status.',
    labelNames: ['status'] as const,
    buckets: SECONDS,
    registers: [this.registry],
  });
  private readonly reports = new Histogram({
    name: 'encounters_report_duration_seconds',
    help: 'Time to produce a report, by route template and status.',
    labelNames: ['route', 'status'] as const,
    buckets: SECONDS,
    registers: [this.registry],
  });

  constructor(@InjectDataSource() dataSource: DataSource) {
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 20 });
    new Gauge({
      name: 'encounters_db_pool_connections',
      help: 'Connections of the database pool: total open, idle, and requests waiting for one.',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const pool = (dataSource.driver as unknown as { master?: PgPool }).master;
        this.set({ state: 'total' }, pool?.totalCount ?? 0);
        this.set({ state: 'idle' }, pool?.idleCount ?? 0);
        this.set({ state: 'waiting' }, pool?.waitingCount ?? 0);
      },
    });
    // With read replicas: where the reads went (the primary's share, and each replica's).
    const router = replicaRouterOf(dataSource);
    if (router.configured) {
      new Counter({
        name: 'encounters_db_reads_total',
        help: 'Reads a replica may answer (coverage, reports, lists; every read while the primary is down), by the server asked (primary, replica-N).',
        labelNames: ['server'] as const,
        registers: [this.registry],
        collect() {
          this.reset();
          for (const [server, reads] of router.reads) this.inc({ server }, reads);
        },
      });
    }
    // The time spent deciding access, and the signed-in requests it was spent on (authorisation-time.ts).
    const authorisationCounter = (name: string, help: string, total: 'seconds' | 'checks') =>
      new Counter({
        name,
        help,
        registers: [this.registry],
        collect() {
          this.reset();
          this.inc(authorisationTotals()[total]);
        },
      });
    authorisationCounter(
      'encounters_authorisation_seconds_total',
      'Time spent signing requests in, applying their access rules and scoping their reads.',
      'seconds',
    );
    authorisationCounter(
      'encounters_authorisation_checks_total',
      'Requests to routes that need a signed-in user, checked by the access guard.',
      'checks',
    );
  }

  /** Counts and times every answer, once it is sent (Fastify's `onResponse`). */
  install(fastify: FastifyInstance): void {
    fastify.addHook('onResponse', (request, reply, done) => {
      const seconds = reply.elapsedTime / 1000;
      const route = routeTemplate(request);
      const status = String(reply.statusCode);
      const labels = { method: request.method, route, status };
      this.requests.inc(labels);
      this.durations.observe(labels, seconds);
      if (/\/roster(\/|$)/.test(route) && request.method === 'POST')
        this.imports.observe({ status }, seconds);
      if (route.startsWith('/api/reports/')) this.reports.observe({ route, status }, seconds);
      done();
    });
  }
}

/** The matched route's template, or what kind of unmatched request it was. */
function routeTemplate(request: FastifyRequest): string {
  const route = request.routeOptions.url;
  // The web app's files and its fallback (`/*`) are no route template of the API.
  if (route && route.startsWith('/api')) return route;
  return request.url.startsWith('/api') ? 'unmatched' : 'web-app';
}
