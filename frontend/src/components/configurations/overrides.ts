// The overrides editor's rows: a configuration replaces some of the
// integration's auth defaults by dotted key ("oauth2.scope"). Values are
// typed as text; JSON (numbers, true/false, lists like extra_headers) is
// sent parsed, anything else as a string — the backend's SetField reads
// them the same way the CLI's `--set key=value` does.

export interface OverrideRow {
  key: string;
  value: string;
}

/** The keys each auth method lets a configuration override (configuration.overridable). */
export const OVERRIDE_KEYS: Record<string, string[]> = {
  oauth2: [
    'oauth2.scope',
    'oauth2.token_url',
    'oauth2.authorization_url',
    'oauth2.authorization_extra_params',
    'oauth2.access_token_scheme',
    'oauth2.token_key',
    'oauth2.token_expiration_key',
    'oauth2.refresh_token_key',
    'oauth2.token_request_content_type',
    'oauth2.token_request_method',
    'oauth2.basic_auth_on_exchange',
    'oauth2.refresh_strategy',
    'oauth2.refresh_buffer_seconds',
    'oauth2.custom_refresh_interval_seconds',
    'oauth2.include_client_config_on_refresh',
    'oauth2.include_redirect_uri_on_refresh',
    'extra_headers',
  ],
  api_key: ['api_key.header_name', 'api_key.preamble', 'extra_headers'],
};

/** Example values shown as placeholders, so lists are typed in the right shape. */
export const OVERRIDE_EXAMPLES: Record<string, string> = {
  'oauth2.scope': 'read write',
  'oauth2.authorization_extra_params': '[{"name":"prompt","value":"consent"}]',
  extra_headers: '[{"name":"X-Tenant","value":"acme"}]',
  'oauth2.refresh_buffer_seconds': '300',
  'oauth2.basic_auth_on_exchange': 'true',
  'api_key.header_name': 'X-API-Key',
};

export function rowsOf(overrides: Record<string, unknown>): OverrideRow[] {
  return Object.keys(overrides)
    .sort()
    .map((key) => {
      const v = overrides[key];
      return { key, value: typeof v === 'string' ? v : JSON.stringify(v) };
    });
}

function parseValue(text: string): unknown {
  const t = text.trim();
  if (/^(\[|\{|true$|false$|-?\d)/.test(t)) {
    try {
      return JSON.parse(t);
    } catch {
      // not JSON: sent as typed, the backend says what is wrong with it
    }
  }
  return t;
}

/** The overrides to send: rows with a key, later rows winning; empty rows are dropped. */
export function overridesOf(rows: OverrideRow[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const r of rows) {
    const key = r.key.trim();
    if (key === '') continue;
    out[key] = parseValue(r.value);
  }
  return out;
}

/**
 * The override key an error names, if it names one: "overrides.oauth2.scope" and
 * "auth.oauth2.scope" (validation with the overrides applied) both → "oauth2.scope".
 */
export function overrideKeyOf(field: string | undefined): string | null {
  if (!field) return null;
  if (field.startsWith('overrides.')) return field.slice('overrides.'.length);
  if (field.startsWith('auth.')) return field.slice('auth.'.length);
  return null;
}

// Keys that mean nothing to the client-credentials grant (no consent page, no refresh token).
const AUTHORIZATION_CODE_ONLY = new Set([
  'oauth2.authorization_url',
  'oauth2.authorization_extra_params',
  'oauth2.refresh_token_key',
  'oauth2.include_redirect_uri_on_refresh',
]);

/** The keys to offer for an integration's method and OAuth 2.0 grant. */
export function overrideKeysFor(method: string, grantType: string): string[] {
  const keys = OVERRIDE_KEYS[method] ?? [];
  return grantType === 'client_credentials' ? keys.filter((k) => !AUTHORIZATION_CODE_ONLY.has(k)) : keys;
}
