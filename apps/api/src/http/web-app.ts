import type { INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/');

/**
 * Serves the built web app from `folder`, when it holds one: its files for GET and HEAD, and `index.html`
 * (the single-page app's fallback) only for a GET or HEAD that accepts `text/html` and is not under `/api/`.
 * Everything else falls through to the API, whose unknown paths answer a JSON 404.
 */
export function serveWebApp(app: INestApplication, folder: string): boolean {
  const root = resolve(folder);
  const index = join(root, 'index.html');
  if (!existsSync(index)) return false;
  const files = express.static(root, { index: false, fallthrough: true });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (isApiPath(request.path) || (request.method !== 'GET' && request.method !== 'HEAD')) return next();
    files(request, response, () => {
      if (!/\btext\/html\b/i.test(request.headers.accept ?? '')) return next();
      response.setHeader('Cache-Control', 'no-cache');
      response.sendFile(index, (error) => error && next(error));
    });
  });
  return true;
}
