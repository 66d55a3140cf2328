import type { NextFunction, Request, Response } from 'express';
import { PinoLogger } from 'nestjs-pino';
import { storage, type Store } from 'nestjs-pino/storage';
import type { Logger } from 'pino';

/**
 * What nestjs-pino does for every request when no request line is written (`LOG_LEVEL` above `info`, and
 * in tests): a line logged while the request is handled (an unhandled error, say) still carries the
 * request's `req` (its id, method and path, through the request serializer of logger-options.ts), as
 * pino-http's request logger would give it. But that logger, a child of the root logger with the request
 * bound, is made only when such a line is written, not for every request (issue 20): pino serialises the
 * bindings of a child as it makes it. With request lines on, nestjs-pino's own middleware does it all.
 */
export function requestBoundLogger() {
  return (request: Request, _response: Response, next: NextFunction): void => {
    let bound: Logger | undefined;
    const store = {
      get logger(): Logger {
        bound ??= (PinoLogger.root as Logger).child({ req: request });
        return bound;
      },
      // nestjs-pino's PinoLogger.assign replaces it with a child of its own.
      set logger(logger: Logger) {
        bound = logger;
      },
      responseLogger: undefined,
    };
    storage.run(store as Store, next);
  };
}
