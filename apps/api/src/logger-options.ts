import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppConfig } from './config/config';

/** The levels at which pino-http's request lines (written at `info` in JSON logs) reach the log. */
const REQUEST_LINES_AT = ['trace', 'debug', 'info'];

/** Nest's start-up chatter (modules loaded, ~100 routes mapped): noise in a terminal, kept in JSON logs. */
const START_UP_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestApplication',
]);

const LEVEL_NAMES: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};

/**
 * One pino JSON line as a person reads it in a terminal: the time, the level when it is not plain
 * information, the message and any error's class and code (`LOG_FORMAT=text`). Returns null for Nest's
 * start-up chatter.
 */
export function humanLogLine(json: string): string | null {
  let entry: {
    level?: number;
    time?: number;
    msg?: string;
    context?: string;
    responseTime?: number;
    err?: { type?: string; name?: string; code?: string; message?: string };
  };
  try {
    entry = JSON.parse(json);
  } catch {
    return json.trimEnd();
  }
  const level = entry.level ?? 30;
  if (level <= 30 && entry.context && START_UP_CONTEXTS.has(entry.context)) return null;
  const time = new Date(entry.time ?? Date.now()).toTimeString().slice(0, 8);
  const parts = [time];
  if (level !== 30) parts.push(LEVEL_NAMES[level] ?? String(level));
  parts.push(entry.msg ?? '');
  if (entry.responseTime !== undefined) parts.push(`(${entry.responseTime} ms)`);
  const err = entry.err;
  if (err) {
    const what = [err.name ?? err.type, err.code].filter(Boolean).join(' ');
    if (what) parts.push(`[${what}]`);
  }
  return parts.join(' ');
}

/** A pino destination writing `humanLogLine`s to `out`. */
export function humanLogStream(out: NodeJS.WritableStream = process.stdout): { write(line: string): void } {
  return {
    write(chunk: string) {
      for (const json of chunk.split('\n')) {
        if (!json.trim()) continue;
        const line = humanLogLine(json);
        if (line !== null) out.write(`${line}\n`);
      }
    },
  };
}

/**
 * Request logs carry the method, the path without its query (a search may hold a learner's name),
 * the status and the time taken. Never bodies, cookies or tokens.
 * With `LOG_FORMAT=text` (the default in development) a terminal stays quiet: a request gets its line at
 * `debug` only, unless the server failed it (`error`), and Nest's start-up lines are left out.
 */
function logLevel(config: AppConfig): string {
  return config.NODE_ENV === 'test' ? 'silent' : config.LOG_LEVEL;
}

/**
 * Whether pino-http writes request lines: JSON lines at `info` and below, text logs always (for the requests
 * the server failed). When it does not, nestjs-pino's per-request middleware is not installed and
 * the exception filter's own lines carry the request's id, method and path.
 */
export function requestLinesLogged(config: AppConfig): boolean {
  return config.LOG_FORMAT === 'text' || REQUEST_LINES_AT.includes(logLevel(config));
}

export function loggerOptions(config: AppConfig): Params {
  const text = config.LOG_FORMAT === 'text';
  const level = logLevel(config);
  const options: NonNullable<Exclude<Params['pinoHttp'], unknown[]>> = {
    level,
    // JSON request lines are written at `info`: at a quieter level none could be written, so the per-request
    // listeners are not installed at all (issue 20); text logs still write the requests the server failed.
    // Probes and scrapes come every few seconds; their lines would drown the rest.
    autoLogging: requestLinesLogged(config) && {
      ignore: (request: IncomingMessage) =>
        ['/api/health', '/api/health/live', '/api/health/ready', '/api/metrics'].includes(
          (request.url ?? '').split('?')[0],
        ),
    },
    ...(text
      ? {
          customLogLevel: (_request: IncomingMessage, response: ServerResponse, error?: Error) =>
            error || response.statusCode >= 500 ? 'error' : 'debug',
        }
      : {}),
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
  };
  return {
    // Every route, in the wildcard syntax of Nest 11's paths (nestjs-pino's default '*' makes Nest warn);
    // none when no request line is written.
    forRoutes: requestLinesLogged(config) ? [{ path: '{*path}', method: RequestMethod.ALL }] : [],
    pinoHttp: text ? [options, humanLogStream()] : options,
  };
}
