import {
  BadRequestException,
  type CallHandler,
  createParamDecorator,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { mediaTypeOf } from '../common/http/media-type';
import {
  MAX_ROSTER_BYTES,
  readRosterFile,
  type RosterFile,
  rosterTooLarge,
} from '../roster-import/roster-csv-reader';
import { readMultipartFile } from '../roster-import/multipart-file';

/**
 * The destinations file as sent, decoded to UTF-8 with its delimiter found, read by the roster import's
 * reader: the same encodings (UTF-8, Windows-1252, UTF-16), delimiters and refusals of workbooks.
 */
export type DestinationUpload = Extract<RosterFile, { format: 'csv' }>;

type UploadRequest = FastifyRequest & { destinationUpload?: DestinationUpload };

const CSV_BODY_TYPES = ['text/csv', 'application/csv', 'text/plain'];

const MULTIPART_LIMITS = { fileSize: MAX_ROSTER_BYTES, fields: 5, fieldSize: 1024, parts: 6 };

/** Reads the file of `POST /destinations/import` from a multipart `file` field or a `text/csv` body. */
@Injectable()
export class DestinationUploadInterceptor implements NestInterceptor {
  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<UploadRequest>();
    const type = mediaTypeOf(request.headers['content-type']);
    let file: RosterFile | undefined;
    if (type === 'multipart/form-data') {
      file = (await readMultipartFile(request, 'file', MULTIPART_LIMITS)).file;
      if (!file) throw new BadRequestException('Attach the CSV file in a form field named "file".');
    } else if (CSV_BODY_TYPES.includes(type)) {
      if (Number(request.headers['content-length'] ?? 0) > MAX_ROSTER_BYTES) throw rosterTooLarge();
      file = await readRosterFile(request.raw);
    } else {
      throw new UnsupportedMediaTypeException(
        'Send the file as multipart/form-data with the CSV in a field named "file", or as a text/csv body.',
      );
    }
    if (file.format !== 'csv')
      throw new UnsupportedMediaTypeException('Send the destinations as a CSV file.');
    request.destinationUpload = file;
    return next.handle();
  }
}

/** The file read by {@link DestinationUploadInterceptor}. */
export const UploadedDestinations = createParamDecorator(
  (_data: unknown, context: ExecutionContext): DestinationUpload => {
    const upload = context.switchToHttp().getRequest<UploadRequest>().destinationUpload;
    if (!upload) throw new Error('UploadedDestinations used without DestinationUploadInterceptor');
    return upload;
  },
);
