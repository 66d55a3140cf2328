/** The media type of a `Content-Type` header, lower case and without parameters ('' when there is none). */
export function mediaTypeOf(header: string | undefined): string {
  if (!header) return '';
  const end = header.indexOf(';');
  return (end < 0 ? header : header.slice(0, end)).trim().toLowerCase();
}
