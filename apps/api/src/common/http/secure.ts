import type { FastifyRequest } from 'fastify';

/**
 * Whether the request came over HTTPS, directly or through a proxy trusted to say so (`TRUST_PROXY`):
 * cookies set in answer to it are `Secure`, and never travel in clear.
 */
export const isSecure = (request: FastifyRequest): boolean => request.protocol === 'https';
