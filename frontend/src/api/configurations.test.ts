import { afterEach, describe, expect, it, vi } from 'vitest';

const go = vi.hoisted(() => ({
  ListConfigurations: vi.fn(),
  CreateConfiguration: vi.fn(),
  TestConfigurationConnection: vi.fn(),
  CancelConfigurationSignIn: vi.fn(),
}));
vi.mock('../../wailsjs/go/main/App', () => go);

import {
  ApiError,
  cancelConfigurationSignIn,
  createConfiguration,
  EVENT_SIGNIN_STARTED,
  listConfigurations,
  onSignInStarted,
  testConfigurationConnection,
} from './index';

type RuntimeWindow = { runtime?: unknown };

afterEach(() => {
  delete (window as RuntimeWindow).runtime;
});

describe('configuration calls', () => {
  it('fill in what Go leaves out and turn times into dates', async () => {
    go.ListConfigurations.mockResolvedValueOnce([
      {
        id: 'c1',
        integrationId: 'i1',
        name: 'Acme',
        organization: '',
        secretFields: null,
        status: { method: 'oauth2', state: 'signed_in', authenticated: true, expiresAt: '2026-01-01T10:00:00Z' },
        originChange: { trustedHostname: 'a.test', hostname: 'b.test' },
        createdAt: '2026-01-01T09:00:00Z',
        updatedAt: '2026-01-01T09:00:00Z',
      },
    ]);
    const [c] = await listConfigurations('i1');
    expect(c).toMatchObject({
      username: '',
      clientId: '',
      redirectPort: 0,
      overrides: {},
      secretFields: [],
      status: { method: 'oauth2', state: 'signed_in', authenticated: true, lastError: '' },
      originChange: { trustedHostname: 'a.test', hostname: 'b.test' },
    });
    expect(c!.status.expiresAt).toEqual(new Date('2026-01-01T10:00:00Z'));
    go.ListConfigurations.mockResolvedValueOnce(null);
    expect(await listConfigurations('i1')).toEqual([]);
  });

  it('turn a field error into an ApiError naming the field', async () => {
    go.CreateConfiguration.mockRejectedValueOnce(JSON.stringify({ code: 'invalid', message: 'The fixed redirect port must be 1 to 65535.', field: 'values.redirectPort' }));
    const err = await createConfiguration('i1', { name: 'A', organization: '', values: { redirectPort: 70000 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'invalid', field: 'values.redirectPort' });
  });

  it('normalise a connection result and a cancel', async () => {
    go.TestConfigurationConnection.mockResolvedValueOnce({ ok: false, status: 401, statusText: 'Unauthorized', url: 'https://a.test/x', durationMs: 12, bodyPreview: null, auth: null });
    expect(await testConfigurationConnection('i1', 'c1', 'a1')).toEqual({
      ok: false,
      status: 401,
      statusText: 'Unauthorized',
      url: 'https://a.test/x',
      durationMs: 12,
      contentType: '',
      bodyPreview: '',
      truncated: false,
      auth: { method: '', state: 'signed_out', authenticated: false, expiresAt: null, lastError: '' },
    });
    go.CancelConfigurationSignIn.mockResolvedValueOnce(true);
    expect(await cancelConfigurationSignIn('c1')).toBe(true);
  });

  it('subscribe to auth:signin-started through the runtime', () => {
    expect(EVENT_SIGNIN_STARTED).toBe('auth:signin-started');
    expect(() => onSignInStarted(() => {})()).not.toThrow();
    const off = vi.fn();
    const EventsOnMultiple = vi.fn((_name: string, _cb: (...data: unknown[]) => void, _max: number) => off);
    (window as RuntimeWindow).runtime = { EventsOnMultiple };
    const seen: unknown[] = [];
    const unsubscribe = onSignInStarted((s) => seen.push(s));
    expect(EventsOnMultiple).toHaveBeenCalledWith('auth:signin-started', expect.any(Function), -1);
    EventsOnMultiple.mock.calls[0]![1]({ integrationId: 'i1', configurationId: 'c1', url: 'https://login.test/a', redirectUri: 'http://127.0.0.1:5/' });
    expect(seen).toEqual([{ integrationId: 'i1', configurationId: 'c1', url: 'https://login.test/a', redirectUri: 'http://127.0.0.1:5/', browserError: '' }]);
    unsubscribe();
    expect(off).toHaveBeenCalled();
  });
});
