import {
  applyDecorators,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  type Type,
} from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';

/** A route's `:id` (or another named) path parameter, which must be a UUID (400 otherwise). */
export const UuidParam = (name = 'id') => Param(name, ParseUUIDPipe);

/** `DELETE path` answering 204 with no body. */
export const Deletes = (path = ':id', description = 'Deleted.') =>
  applyDecorators(Delete(path), HttpCode(204), ApiNoContentResponse({ description }));

/** `POST path` that performs an action and answers 200 (not 201: nothing new is addressable). */
export const PostAction = (path: string) => applyDecorators(Post(path), HttpCode(200));

/**
 * `GET path` answering 200 with `type` (`[Dto]` for a list), and what it does in a line; the access
 * decorator stands above it: `@SignedIn() @Reads('Read an encounter', EncounterResponseDto, ':id')`.
 */
export const Reads = (summary: string, type: Type<unknown> | [Type<unknown>], path?: string) =>
  applyDecorators(Get(path), ApiOperation({ summary }), ApiOkResponse({ type }));
