import {
  BadRequestException,
  CallHandler,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request } from 'express';
import type { Readable } from 'node:stream';
import { Observable, of } from 'rxjs';
import { MAX_ROSTER_BYTES, type ParsedRoster, readRosterCsv, rosterTooLarge } from './roster-csv-reader';

type RosterRequest = Request & { roster?: ParsedRoster; file?: { roster?: ParsedRoster } };

const CSV_BODY_TYPES = ['text/csv', 'application/csv', 'text/plain'];

/** A multer storage engine that parses the uploaded file as it streams in, instead of storing it. */
const rosterStorage = {
  _handleFile(
    _request: Request,
    file: { stream: Readable },
    callback: (error: Error | null, info?: { roster: ParsedRoster }) => void,
  ): void {
    readRosterCsv(file.stream).then(
      (roster) => callback(null, { roster }),
      (error: Error) => callback(error),
    );
  },
  _removeFile(_request: Request, _file: unknown, callback: (error: Error | null) => void): void {
    callback(null);
  },
};

const MultipartRoster = FileInterceptor('file', {
  storage: rosterStorage,
  limits: { fileSize: MAX_ROSTER_BYTES, files: 1, fields: 10, parts: 12 },
});

/**
 * Reads the roster of `POST /academies/{id}/roster` from a multipart `file` field or a `text/csv` body,
 * streaming either through the CSV reader, and leaves the result for {@link UploadedRoster}.
 */
@Injectable()
export class RosterUploadInterceptor implements NestInterceptor {
  private readonly multipart = new MultipartRoster();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<RosterRequest>();
    if (request.is('multipart/form-data')) {
      try {
        await this.multipart.intercept(context, { handle: () => of(null) });
      } catch (error) {
        throw error instanceof PayloadTooLargeException ? rosterTooLarge() : error;
      }
      request.roster = request.file?.roster;
      if (!request.roster) {
        throw new BadRequestException('Attach the roster CSV file in a form field named "file".');
      }
    } else if (request.is(CSV_BODY_TYPES)) {
      if (Number(request.headers['content-length'] ?? 0) > MAX_ROSTER_BYTES) throw rosterTooLarge();
      request.roster = await readRosterCsv(request);
    } else {
      throw new UnsupportedMediaTypeException(
        'Send the roster as multipart/form-data with the CSV in a field named "file", or as a text/csv body.',
      );
    }
    return next.handle();
  }
}

/** The roster read by {@link RosterUploadInterceptor}. */
export const UploadedRoster = createParamDecorator(
  (_data: unknown, context: ExecutionContext): ParsedRoster => {
    const roster = context.switchToHttp().getRequest<RosterRequest>().roster;
    if (!roster) throw new Error('UploadedRoster used without RosterUploadInterceptor');
    return roster;
  },
);
