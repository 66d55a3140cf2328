import { applyDecorators, Delete, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiNoContentResponse } from '@nestjs/swagger';

/** A route's `:id` (or another named) path parameter, which must be a UUID (400 otherwise). */
export const UuidParam = (name = 'id') => Param(name, ParseUUIDPipe);

/** `DELETE path` answering 204 with no body. */
export const Deletes = (path = ':id', description = 'Deleted.') =>
  applyDecorators(Delete(path), HttpCode(204), ApiNoContentResponse({ description }));

/** `POST path` that performs an action and answers 200 (not 201: nothing new is addressable). */
export const PostAction = (path: string) => applyDecorators(Post(path), HttpCode(200));
