import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/');

/**
 * Serves the built web app from `folder`, when it holds one: its files for GET and HEAD, and `index.html`
 * (the single-page app's fallback) only for a GET or HEAD that accepts `text/html` and is not under `/api/`.
 * Everything else goes to the API's not-found answer, a JSON 404.
 */
export async function serveWebApp(app: NestFastifyApplication, folder: string): Promise<boolean> {
  const root = resolve(folder);
  if (!existsSync(join(root, 'index.html'))) return false;
  // One route per file of the build, found at start-up; no wildcard of its own, the fallback below is it.
  await app.register(fastifyStatic, { root, index: false, wildcard: false });
  app
    .getHttpAdapter()
    .getInstance()
    .get('/*', (request, reply) => {
      const path = request.url.split('?', 1)[0];
      if (isApiPath(path) || !/\btext\/html\b/i.test(request.headers.accept ?? '')) {
        return reply.callNotFound();
      }
      // Asked again on every visit, so that a new release's page (naming its new scripts) is never missed.
      reply.header('Cache-Control', 'no-cache');
      return reply.sendFile('index.html', { cacheControl: false });
    });
  return true;
}
