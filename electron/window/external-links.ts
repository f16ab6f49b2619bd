// Which links the app hands to the system browser: only https pages on hosts listed here. Any
// other URL a page tries to open (a link pasted into a note, a crafted import) is refused.
const ALLOWED_HOSTS: ReadonlySet<string> = new Set([
  'www.12371.cn', // 共产党员网: the Party's own reference pages, linked from help texts
]);

export function externalAllowed(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return u.protocol === 'https:' && u.username === '' && u.password === '' && u.port === '' && ALLOWED_HOSTS.has(u.hostname);
}
