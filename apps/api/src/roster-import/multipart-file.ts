import { BadRequestException, HttpException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { readRosterFile, type RosterFile, rosterTooLarge } from './roster-csv-reader';

export interface MultipartLimits {
  /** Bytes of the file. */
  readonly fileSize: number;
  /** Fields besides the file. */
  readonly fields: number;
  /** Bytes of a field. */
  readonly fieldSize: number;
  /** Parts in all. */
  readonly parts: number;
}

/** What a multipart upload held: the file of the named field, read as it streamed in, and its text fields. */
export interface MultipartUpload {
  readonly file: RosterFile | undefined;
  readonly fields: Readonly<Record<string, string>>;
}

/** @fastify/multipart's errors for a limit reached (`FST_PARTS_LIMIT`, `FST_FILES_LIMIT`, …). */
const LIMIT_CODES = new Set(['FST_PARTS_LIMIT', 'FST_FILES_LIMIT', 'FST_FIELDS_LIMIT']);

/**
 * Reads a `multipart/form-data` upload with @fastify/multipart: the one file of `fileField` through the roster
 * reader (its encodings, delimiters and refusal of workbooks) as it streams in, never stored, and the text
 * fields. A file larger than `fileSize` is the roster reader's 413; too many parts, files or fields 413; a file
 * in another field or a second file 400; a body that is not multipart 400.
 */
export async function readMultipartFile(
  request: FastifyRequest,
  fileField: string,
  limits: MultipartLimits,
): Promise<MultipartUpload> {
  const fields: Record<string, string> = {};
  let file: RosterFile | undefined;
  try {
    for await (const part of request.parts({ limits: { ...limits, files: 1 } })) {
      if (part.type === 'file') {
        if (part.fieldname !== fileField) {
          part.file.resume();
          throw new BadRequestException(`Send the file in a form field named "${fileField}".`);
        }
        file = await readRosterFile(part.file, limits.fileSize);
      } else {
        fields[part.fieldname] = typeof part.value === 'string' ? part.value : String(part.value);
      }
    }
  } catch (error) {
    // The rest of the body is read and dropped, so that the client hears the answer.
    request.raw.resume();
    throw uploadError(error);
  }
  return { file, fields };
}

function uploadError(error: unknown): unknown {
  if (error instanceof HttpException) return error;
  const code = (error as { code?: unknown })?.code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return rosterTooLarge();
  if (typeof code === 'string' && LIMIT_CODES.has(code)) {
    return new HttpException('The form has more parts than this upload takes.', 413);
  }
  if (typeof code === 'string' && code.startsWith('FST_')) {
    return new BadRequestException('The multipart form could not be read.');
  }
  // Busboy's own (a form cut short, a malformed part).
  if (error instanceof Error && /multipart|boundary|Unexpected end of form/i.test(error.message)) {
    return new BadRequestException('The multipart form could not be read.');
  }
  return error;
}
