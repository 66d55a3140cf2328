/**
 * Answers a service keeps and hands out again unchanged (the trust view's, issue 20): their JSON is written
 * once, as the bytes sent, and reused by the reply (`http/json-reply.ts`) for as long as the answer lives. A
 * kept answer must never be changed after it is kept; nothing in the app changes an answer it has been given.
 */
const written = new WeakMap<object, Buffer>();
const kept = new WeakSet<object>();

/** Marks `answer` as kept: its JSON may be written once and reused. */
export function keepAnswer<T extends object>(answer: T): T {
  kept.add(answer);
  return answer;
}

/**
 * The JSON of `value`: a string, or for a kept answer the UTF-8 bytes of its first writing (a trust view of a
 * hundred academies is 160 kB; encoding it again and measuring its length cost as much as sending it).
 */
export function answerJson(value: unknown): string | Buffer | undefined {
  if (typeof value !== 'object' || value === null || !kept.has(value)) {
    return JSON.stringify(value) as string | undefined;
  }
  let json = written.get(value);
  if (json === undefined) {
    json = Buffer.from(JSON.stringify(value), 'utf8');
    written.set(value, json);
  }
  return json;
}
