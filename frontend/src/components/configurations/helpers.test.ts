import { describe, expect, it } from 'vitest';
import { overrideKeyOf, overrideKeysFor, overridesOf, rowsOf } from './overrides';
import { formatExpiresIn, statusLook } from './status';

const NOW = new Date('2026-01-01T10:00:00Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);

describe('formatExpiresIn', () => {
  it('rounds down to minutes, hours and days', () => {
    expect(formatExpiresIn(later(52 * 60_000 + 59_000), NOW)).toBe('52 min');
    expect(formatExpiresIn(later(30_000), NOW)).toBe('under a minute');
    expect(formatExpiresIn(later(3 * 3600_000 + 10 * 60_000), NOW)).toBe('3 h 10 min');
    expect(formatExpiresIn(later(2 * 3600_000), NOW)).toBe('2 h');
    expect(formatExpiresIn(later(5 * 86400_000), NOW)).toBe('5 days');
    expect(formatExpiresIn(later(-1), NOW)).toBeNull();
  });
});

describe('statusLook', () => {
  const st = (state: 'ready' | 'missing_secret' | 'signed_out' | 'signed_in' | 'needs_sign_in', expiresAt: Date | null = null) => ({
    method: 'oauth2',
    state,
    authenticated: state === 'signed_in',
    expiresAt,
    lastError: '',
  });
  it('says where the credentials stand', () => {
    expect(statusLook(st('signed_in', later(52 * 60_000)), NOW).label).toBe('Signed in · expires in 52 min');
    expect(statusLook(st('signed_in'), NOW).label).toBe('Signed in');
    expect(statusLook(st('signed_in', later(-60_000)), NOW).label).toBe('Signed in · token expired');
    expect(statusLook(st('needs_sign_in'), NOW).label).toBe('Needs sign-in');
    expect(statusLook(st('signed_out'), NOW).label).toBe('Signed out');
    expect(statusLook(st('ready'), NOW).label).toBe('Ready');
    expect(statusLook(st('missing_secret'), NOW).label).toBe('Secret missing');
  });
});

describe('overrides', () => {
  it('send JSON values parsed and text as text, dropping empty keys', () => {
    expect(
      overridesOf([
        { key: ' oauth2.scope ', value: 'read write' },
        { key: 'oauth2.refresh_buffer_seconds', value: '300' },
        { key: 'oauth2.basic_auth_on_exchange', value: 'true' },
        { key: 'extra_headers', value: '[{"name":"X-Tenant","value":"acme"}]' },
        { key: 'oauth2.token_url', value: '[not json' },
        { key: '', value: 'ignored' },
      ]),
    ).toEqual({
      'oauth2.scope': 'read write',
      'oauth2.refresh_buffer_seconds': 300,
      'oauth2.basic_auth_on_exchange': true,
      extra_headers: [{ name: 'X-Tenant', value: 'acme' }],
      'oauth2.token_url': '[not json',
    });
  });

  it('show stored values as typed, by key', () => {
    expect(rowsOf({ 'oauth2.scope': 'read', extra_headers: [{ name: 'A', value: 'b' }] })).toEqual([
      { key: 'extra_headers', value: '[{"name":"A","value":"b"}]' },
      { key: 'oauth2.scope', value: 'read' },
    ]);
  });

  it('offer only the keys that mean something for the grant', () => {
    expect(overrideKeysFor('oauth2', 'client_credentials')).not.toContain('oauth2.authorization_url');
    expect(overrideKeysFor('oauth2', 'authorization_code')).toContain('oauth2.authorization_extra_params');
    expect(overrideKeysFor('api_key', '')).toEqual(['api_key.header_name', 'api_key.preamble', 'extra_headers']);
    expect(overrideKeysFor('basic', '')).toEqual([]);
  });

  it('find the override key an error names', () => {
    expect(overrideKeyOf('overrides.oauth2.scope')).toBe('oauth2.scope');
    expect(overrideKeyOf('auth.oauth2.token_url')).toBe('oauth2.token_url');
    expect(overrideKeyOf('name')).toBeNull();
    expect(overrideKeyOf(undefined)).toBeNull();
  });
});
