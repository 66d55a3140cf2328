import { isRosterField, type RosterHeaderMapping } from '@encounters/domain';
import {
  BadRequestException,
  CallHandler,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { mediaTypeOf } from '../common/http/media-type';
import { MAX_ROSTER_BYTES, readRosterFile, type RosterFile, rosterTooLarge } from './roster-csv-reader';
import { rosterFileFromJson } from './roster-json';
import { readMultipartFile } from './multipart-file';

/** What `POST /academies/{id}/roster` was sent: the roster's records and the careers lead's header mapping. */
export interface RosterUpload {
  readonly file: RosterFile;
  readonly mapping: RosterHeaderMapping;
}

type RosterRequest = FastifyRequest & { rosterUpload?: RosterUpload };

const CSV_BODY_TYPES = ['text/csv', 'application/csv', 'text/plain'];

/** More headers than any MIS export has. */
const MAX_MAPPED_HEADERS = 500;

const MULTIPART_LIMITS = { fileSize: MAX_ROSTER_BYTES, fields: 10, fieldSize: 256 * 1024, parts: 12 };

/**
 * Reads the roster of `POST /academies/{id}/roster` from a multipart `file` field (with an optional `mapping`
 * field holding JSON), a `text/csv` body, or an `application/json` body `{ rows, mapping? }`, and leaves the
 * result for {@link UploadedRoster}.
 */
@Injectable()
export class RosterUploadInterceptor implements NestInterceptor {
  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<RosterRequest>();
    const type = mediaTypeOf(request.headers['content-type']);
    if (type === 'multipart/form-data') {
      const { file, fields } = await readMultipartFile(request, 'file', MULTIPART_LIMITS);
      if (!file) {
        throw new BadRequestException('Attach the roster CSV file in a form field named "file".');
      }
      const field = fields['mapping'];
      request.rosterUpload = {
        file,
        mapping: readMapping(field === undefined ? undefined : parseJson(field)),
      };
    } else if (type === 'application/json') {
      const body: unknown = request.body;
      const bytes = Number(request.headers['content-length'] ?? 0);
      const mapping =
        typeof body === 'object' && body !== null ? (body as { mapping?: unknown }).mapping : undefined;
      request.rosterUpload = { file: rosterFileFromJson(body, bytes), mapping: readMapping(mapping) };
    } else if (CSV_BODY_TYPES.includes(type)) {
      if (Number(request.headers['content-length'] ?? 0) > MAX_ROSTER_BYTES) throw rosterTooLarge();
      request.rosterUpload = { file: await readRosterFile(request.raw), mapping: {} };
    } else {
      throw new UnsupportedMediaTypeException(
        'Send the roster as multipart/form-data with the CSV in a field named "file", as a text/csv body, or as an application/json body { rows }.',
      );
    }
    return next.handle();
  }
}

function parseJson(field: unknown): unknown {
  if (typeof field !== 'string') throw new BadRequestException('mapping must be JSON text.');
  try {
    return JSON.parse(field);
  } catch {
    throw new BadRequestException('mapping must be JSON text: an object of header → field or "ignore".');
  }
}

/** Validates `mapping`: an object whose keys are headers and whose values are fields or "ignore". */
export function readMapping(value: unknown): RosterHeaderMapping {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new BadRequestException('mapping must be an object of header → field or "ignore".');
  }
  const entries = Object.entries(value);
  if (entries.length > MAX_MAPPED_HEADERS) {
    throw new BadRequestException(`mapping must name at most ${MAX_MAPPED_HEADERS} headers.`);
  }
  for (const [header, field] of entries) {
    if (header.trim() === '' || header.length > 200) {
      throw new BadRequestException('each header of mapping must be 1 to 200 characters.');
    }
    if (field !== 'ignore' && !isRosterField(field)) {
      throw new BadRequestException(`mapping of "${header}" must be a roster field or "ignore".`);
    }
  }
  return value as RosterHeaderMapping;
}

/** The roster read by {@link RosterUploadInterceptor}. */
export const UploadedRoster = createParamDecorator(
  (_data: unknown, context: ExecutionContext): RosterUpload => {
    const upload = context.switchToHttp().getRequest<RosterRequest>().rosterUpload;
    if (!upload) throw new Error('UploadedRoster used without RosterUploadInterceptor');
    return upload;
  },
);
