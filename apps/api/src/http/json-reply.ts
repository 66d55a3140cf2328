import { answerJson } from '../common/kept-answer';

/**
 * Fastify's reply serializer for the API's JSON answers: `JSON.stringify`, as Fastify's own without a
 * response schema, except for an answer a service keeps (`common/kept-answer.ts`, the trust view), whose
 * JSON is written once and then sent as the same bytes each time (issue 20).
 */
export function keptAnswerSerializer(payload: unknown): string {
  // A Buffer is sent as it is; Fastify's type says string only.
  return answerJson(payload) as string;
}
