import { loadConfig } from './config/config';
import { humanLogLine, humanLogStream, loggerOptions } from './logger-options';

const at = new Date(2026, 10, 30, 9, 5, 7).getTime();

describe(humanLogLine.name, () => {
  it('writes the time and the message, and the level only when it is not plain information', () => {
    expect(humanLogLine(JSON.stringify({ level: 30, time: at, msg: 'Seeded the demo trust' }))).toBe(
      '09:05:07 Seeded the demo trust',
    );
    expect(
      humanLogLine(
        JSON.stringify({
          level: 50,
          time: at,
          msg: 'GET /api/encounters 500',
          responseTime: 12,
          err: { name: 'QueryFailedError', code: '23505', message: 'duplicate key value (Smith)' },
        }),
      ),
    ).toBe('09:05:07 ERROR GET /api/encounters 500 (12 ms) [QueryFailedError 23505]');
  });

  it("leaves out Nest's start-up lines, but not its warnings", () => {
    expect(
      humanLogLine(JSON.stringify({ level: 30, context: 'RouterExplorer', msg: 'Mapped {/api, GET}' })),
    ).toBeNull();
    expect(
      humanLogLine(
        JSON.stringify({ level: 30, context: 'InstanceLoader', msg: 'AppModule dependencies initialized' }),
      ),
    ).toBeNull();
    expect(
      humanLogLine(JSON.stringify({ level: 40, time: at, context: 'NestApplication', msg: 'Careful' })),
    ).toBe('09:05:07 WARN Careful');
  });

  it('passes a line that is not JSON through as it is', () => {
    expect(humanLogLine('plain words\n')).toBe('plain words');
  });
});

describe(humanLogStream.name, () => {
  it('writes one readable line per entry, and nothing for a dropped one', () => {
    const written: string[] = [];
    const sut = humanLogStream({
      write: (text: string) => written.push(text),
    } as unknown as NodeJS.WritableStream);
    sut.write(
      `${JSON.stringify({ level: 30, time: at, context: 'RoutesResolver', msg: 'AuthController {/api/auth}' })}\n` +
        `${JSON.stringify({ level: 30, time: at, msg: 'Migrations are up to date' })}\n`,
    );
    expect(written).toEqual(['09:05:07 Migrations are up to date\n']);
  });
});

describe(loggerOptions.name, () => {
  const base = { DATABASE_URL: 'postgres://u@localhost/db' };

  it('writes human lines in development and JSON otherwise, unless LOG_FORMAT says', () => {
    expect(loadConfig({ ...base }).LOG_FORMAT).toBe('text');
    expect(loadConfig({ ...base, NODE_ENV: 'production' }).LOG_FORMAT).toBe('json');
    expect(loadConfig({ ...base, NODE_ENV: 'test' }).LOG_FORMAT).toBe('json');
    expect(loadConfig({ ...base, LOG_FORMAT: 'json' }).LOG_FORMAT).toBe('json');
    expect(() => loadConfig({ ...base, LOG_FORMAT: 'pretty' })).toThrow(/LOG_FORMAT/);

    expect(Array.isArray(loggerOptions(loadConfig({ ...base })).pinoHttp)).toBe(true);
    expect(Array.isArray(loggerOptions(loadConfig({ ...base, NODE_ENV: 'production' })).pinoHttp)).toBe(
      false,
    );
  });

  it('in text format, gives a request a line at debug only, unless the server failed it', () => {
    const [options] = loggerOptions(loadConfig({ ...base })).pinoHttp as [
      { customLogLevel: (request: unknown, response: { statusCode: number }, error?: Error) => string },
    ];
    expect(options.customLogLevel({}, { statusCode: 200 })).toBe('debug');
    expect(options.customLogLevel({}, { statusCode: 401 })).toBe('debug');
    expect(options.customLogLevel({}, { statusCode: 503 })).toBe('error');
    expect(options.customLogLevel({}, { statusCode: 200 }, new Error('aborted'))).toBe('error');
  });
});
