/** The last path segment of a URI, decoded, for messages. */
export function fileName(uri: string): string {
  const seg = uri.replace(/[?#].*$/, '').split('/').pop() ?? uri;
  try {
    return decodeURIComponent(seg);
  } catch {
    return seg;
  }
}
