import {
  BadRequestException,
  type CallHandler,
  createParamDecorator,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request } from 'express';
import type { Readable } from 'node:stream';
import { type Observable, of } from 'rxjs';
import {
  MAX_ROSTER_BYTES,
  readRosterFile,
  type RosterFile,
  rosterTooLarge,
} from '../roster-import/roster-csv-reader';

/**
 * The destinations file as sent, decoded to UTF-8 with its delimiter found, read by the roster import's
 * reader: the same encodings (UTF-8, Windows-1252, UTF-16), delimiters and refusals of workbooks.
 */
export type DestinationUpload = Extract<RosterFile, { format: 'csv' }>;

type UploadRequest = Request & { destinationUpload?: DestinationUpload; file?: { upload?: RosterFile } };

const CSV_BODY_TYPES = ['text/csv', 'application/csv', 'text/plain'];

/** A multer storage engine that reads the uploaded file as it streams in, instead of storing it. */
const streamedStorage = {
  _handleFile(
    _request: Request,
    file: { stream: Readable },
    callback: (error: Error | null, info?: { upload: RosterFile }) => void,
  ): void {
    readRosterFile(file.stream).then(
      (upload) => callback(null, { upload }),
      (error: Error) => callback(error),
    );
  },
  _removeFile(_request: Request, _file: unknown, callback: (error: Error | null) => void): void {
    callback(null);
  },
};

const MultipartFile = FileInterceptor('file', {
  storage: streamedStorage,
  limits: { fileSize: MAX_ROSTER_BYTES, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
});

/** Reads the file of `POST /destinations/import` from a multipart `file` field or a `text/csv` body. */
@Injectable()
export class DestinationUploadInterceptor implements NestInterceptor {
  private readonly multipart = new MultipartFile();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<UploadRequest>();
    let file: RosterFile | undefined;
    if (request.is('multipart/form-data')) {
      try {
        await this.multipart.intercept(context, { handle: () => of(null) });
      } catch (error) {
        throw error instanceof PayloadTooLargeException ? rosterTooLarge() : error;
      }
      file = request.file?.upload;
      if (!file) throw new BadRequestException('Attach the CSV file in a form field named "file".');
    } else if (request.is(CSV_BODY_TYPES)) {
      if (Number(request.headers['content-length'] ?? 0) > MAX_ROSTER_BYTES) throw rosterTooLarge();
      file = await readRosterFile(request);
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
