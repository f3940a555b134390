// How a bundle's preview names what it holds.

export const AUTH_LABELS: Record<string, string> = {
  none: 'No Auth',
  api_key: 'API Key',
  basic: 'Basic Auth',
  oauth2: 'OAuth 2.0',
};

export const GRANT_LABELS: Record<string, string> = {
  client_credentials: 'Client Credentials',
  authorization_code: 'Authorization Code',
};

export const PAGINATION_LABELS: Record<string, string> = {
  none: 'No pagination',
  index: 'Index',
  page: 'Page',
  link: 'Link',
  pointer: 'Pointer',
};

/** "OAuth 2.0 · Client Credentials", "API Key". */
export function authLabel(method: string, grant: string): string {
  const m = AUTH_LABELS[method] ?? method;
  return grant ? `${m} · ${GRANT_LABELS[grant] ?? grant}` : m;
}

export function paginationLabel(type: string): string {
  return PAGINATION_LABELS[type] ?? type;
}

/** "2.4 KB": the size of a written bundle. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
