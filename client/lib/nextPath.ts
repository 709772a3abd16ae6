/** The in-app path to go to after signing in: only same-origin paths, never `//evil.test`. */
export function safeNextPath(value: string | null): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value.startsWith('/login') || value.startsWith('/auth/')) return '/';
  return value;
}
