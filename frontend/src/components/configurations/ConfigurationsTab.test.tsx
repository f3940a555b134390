import { notifications } from '@mantine/notifications';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../api';
import { ApiError } from '../../api/errors';
import { integration as integrationFixture } from '../../test/fixtures';
import { renderWithProviders } from '../../test/render';
import { ConfigurationsTab, REFRESH_MS } from './ConfigurationsTab';

vi.mock('../../api', async () => (await import('../../test/apiMock')).apiMock());

const m = vi.mocked(api);

const oauthIntegration = integrationFixture({
  id: 'i1',
  name: 'Zephyr',
  hostname: 'api.zephyr.test',
  authMethod: 'oauth2',
  authDefaults: { oauth2: { grant_type: 'authorization_code' } } as api.AuthDefaults,
});

function config(over: Partial<api.Configuration> = {}): api.Configuration {
  return {
    id: 'c1',
    integrationId: 'i1',
    name: 'Acme Corp',
    organization: 'Acme',
    username: '',
    clientId: 'client-1',
    redirectPort: 0,
    overrides: {},
    secretFields: [],
    status: { method: 'oauth2', state: 'signed_out', authenticated: false, expiresAt: null, lastError: '' },
    originChange: null,
    createdAt: new Date('2026-01-01T00:00:00Z'),
    updatedAt: new Date('2026-01-01T00:00:00Z'),
    ...over,
  };
}

let signInListener: ((s: api.SignInStarted) => void) | null = null;

function setup(list: api.Configuration[] | Error = [], it: api.Integration = oauthIntegration) {
  if (list instanceof Error) m.listConfigurations.mockRejectedValue(list);
  else m.listConfigurations.mockResolvedValue(list);
  m.configurationSecretFields.mockResolvedValue(it.authMethod === 'oauth2' ? ['client_secret'] : it.authMethod === 'basic' ? ['password'] : []);
  m.getOrgMapping.mockResolvedValue({ actionId: 'a1', idField: 'id', nameField: 'name', entries: [{ vendorOrgId: '7', vendorOrgName: 'ACME Inc', localOrg: 'Acme' }] });
  m.onSignInStarted.mockImplementation((cb) => {
    signInListener = cb;
    return () => {
      signInListener = null;
    };
  });
  return renderWithProviders(<ConfigurationsTab integration={it} />);
}

beforeEach(() => {
  vi.clearAllMocks();
  signInListener = null;
});

afterEach(() => {
  vi.useRealTimers();
  notifications.clean();
});

describe('Configurations tab', () => {
  it('says a configuration without its secrets needs credentials, with a link to enter them', async () => {
    const user = userEvent.setup();
    setup([
      config({ status: { method: 'oauth2', state: 'missing_secret', authenticated: false, expiresAt: null, lastError: '' } }),
      config({ id: 'c2', name: 'Globex', secretFields: ['client_secret'] }),
    ]);
    const rows = await screen.findAllByTestId('configuration-row');
    expect(within(rows[0]!).getByTestId('configuration-status')).toHaveTextContent('Secret missing');
    const needs = await within(rows[0]!).findByTestId('configuration-needs-credentials');
    expect(needs).toHaveTextContent('Needs credentials: enter its client secret before it can sign in or call the vendor.');
    expect(within(rows[1]!).queryByTestId('configuration-needs-credentials')).not.toBeInTheDocument();
    await user.click(within(needs).getByRole('button', { name: 'Enter client secret' }));
    expect(await screen.findByTestId('configuration-form')).toBeInTheDocument();
  });

  it('lists configurations with their sign-in state', async () => {
    const soon = new Date(Date.now() + 52 * 60_000 + 30_000);
    setup([
      config({ status: { method: 'oauth2', state: 'signed_in', authenticated: true, expiresAt: soon, lastError: '' } }),
      config({
        id: 'c2',
        name: 'Globex',
        organization: '',
        status: { method: 'oauth2', state: 'needs_sign_in', authenticated: false, expiresAt: null, lastError: 'The refresh token was revoked (invalid_grant).' },
      }),
      config({ id: 'c3', name: 'Initech', status: { method: 'oauth2', state: 'missing_secret', authenticated: false, expiresAt: null, lastError: '' } }),
    ]);
    const rows = await screen.findAllByTestId('configuration-row');
    expect(rows).toHaveLength(3);
    expect(within(rows[0]!).getByTestId('configuration-status')).toHaveTextContent('Signed in · expires in 52 min');
    expect(within(rows[0]!).getByText(/Acme · client client-1/)).toBeInTheDocument();
    expect(within(rows[0]!).getByTestId('configuration-signout')).toBeInTheDocument();
    expect(within(rows[1]!).getByTestId('configuration-status')).toHaveTextContent('Needs sign-in');
    expect(within(rows[1]!).getByTestId('configuration-last-error')).toHaveTextContent('invalid_grant');
    expect(within(rows[2]!).getByTestId('configuration-status')).toHaveTextContent('Secret missing');
    expect(within(rows[2]!).queryByTestId('configuration-signout')).not.toBeInTheDocument();
  });

  it('shows an empty state that adds a configuration', async () => {
    const user = userEvent.setup();
    setup([]);
    const empty = await screen.findByTestId('configurations-empty');
    expect(empty).toHaveTextContent('No configurations yet');
    await user.click(within(empty).getByRole('button', { name: 'Add configuration' }));
    expect(await screen.findByTestId('configuration-form')).toBeInTheDocument();
  });

  it('shows why the list cannot be read, and tries again', async () => {
    const user = userEvent.setup();
    setup(new ApiError('unavailable', 'The database is locked by another program.'));
    expect(await screen.findByTestId('configurations-error')).toHaveTextContent('The database is locked by another program.');
    m.listConfigurations.mockResolvedValue([config()]);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('configuration-row')).toBeInTheDocument();
  });

  it('shows a field error from create on its field and keeps what was typed', async () => {
    const user = userEvent.setup();
    setup([config()]);
    await user.click(await screen.findByTestId('add-configuration'));
    const form = await screen.findByTestId('configuration-form');
    await user.type(within(form).getByRole('textbox', { name: /^Name/ }), 'acme corp');
    await user.type(within(form).getByRole('textbox', { name: 'Client ID' }), 'cid');
    await user.type(within(form).getByLabelText('Client secret'), 'not-a-real-secret');
    m.createConfiguration.mockRejectedValueOnce(new ApiError('conflict', 'This integration already has a configuration named "Acme Corp".', 'name'));
    await user.click(within(form).getByTestId('configuration-save'));
    const name = within(form).getByRole('textbox', { name: /^Name/ });
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    expect(name).toHaveAccessibleDescription(/already has a configuration named "Acme Corp"/);
    expect(name).toHaveValue('acme corp');
    expect(m.createConfiguration).toHaveBeenCalledWith('i1', {
      name: 'acme corp',
      organization: '',
      values: { clientId: 'cid' },
      secrets: { client_secret: 'not-a-real-secret' },
      clearSecrets: [],
    });

    // Fixed: saved, added to the list, the drawer closes.
    m.createConfiguration.mockResolvedValueOnce(config({ id: 'c9', name: 'Acme EU' }));
    await user.clear(name);
    await user.type(name, 'Acme EU');
    expect(name).not.toHaveAttribute('aria-invalid');
    await user.click(within(form).getByTestId('configuration-save'));
    await waitFor(() => expect(screen.getAllByTestId('configuration-row')).toHaveLength(2));
    expect(screen.queryByTestId('configuration-form')).not.toBeInTheDocument();
  });

  it('offers the organisations of the org mapping and sends overrides, with their errors on the row', async () => {
    const user = userEvent.setup();
    setup([config()]);
    await user.click(await screen.findByTestId('add-configuration'));
    const form = await screen.findByTestId('configuration-form');
    await user.type(within(form).getByRole('textbox', { name: /^Name/ }), 'Acme EU');
    await user.click(within(form).getByRole('combobox', { name: 'Organisation' }));
    await user.click(await screen.findByRole('option', { name: 'Acme' }));
    await user.click(within(form).getByTestId('add-override'));
    await user.type(within(form).getByRole('combobox', { name: 'Override 1 key' }), 'oauth2.refresh_buffer_seconds');
    await user.type(within(form).getByRole('textbox', { name: 'Override 1 value' }), '10');
    m.createConfiguration.mockRejectedValueOnce(
      new ApiError('invalid', 'With this configuration\'s overrides: Refresh Buffer must be 30 to 3600 seconds; it is 10.', 'auth.oauth2.refresh_buffer_seconds'),
    );
    await user.click(within(form).getByTestId('configuration-save'));
    const value = within(form).getByRole('textbox', { name: 'Override 1 value' });
    await waitFor(() => expect(value).toHaveAttribute('aria-invalid', 'true'));
    expect(value).toHaveAccessibleDescription(/Refresh Buffer must be 30 to 3600/);
    expect(m.createConfiguration).toHaveBeenCalledWith(
      'i1',
      expect.objectContaining({ organization: 'Acme', values: { overrides: { 'oauth2.refresh_buffer_seconds': 10 } } }),
    );
  });

  it('never pre-fills a saved secret: it is marked saved, kept when left empty, and can be removed', async () => {
    const user = userEvent.setup();
    const saved = config({ secretFields: ['client_secret'], redirectPort: 8400, overrides: { 'oauth2.scope': 'read' } });
    setup([saved]);
    await user.click(await screen.findByTestId('configuration-edit'));
    const form = await screen.findByTestId('configuration-form');
    const secret = within(form).getByLabelText('Client secret');
    expect(secret).toHaveValue('');
    expect(secret).toHaveAttribute('placeholder', expect.stringMatching(/saved/));
    expect(within(form).getByRole('textbox', { name: 'Fixed redirect port' })).toHaveValue('8400');
    expect(within(form).getByRole('textbox', { name: 'Override 1 value' })).toHaveValue('read');

    m.updateConfiguration.mockResolvedValue(saved);
    await user.click(within(form).getByTestId('configuration-save'));
    expect(m.updateConfiguration).toHaveBeenLastCalledWith('i1', 'c1', {
      name: 'Acme Corp',
      organization: 'Acme',
      values: { clientId: 'client-1', redirectPort: 8400, overrides: { 'oauth2.scope': 'read' } },
      secrets: {},
      clearSecrets: [],
    });

    await user.click(await screen.findByTestId('configuration-edit'));
    const again = await screen.findByTestId('configuration-form');
    await user.click(within(again).getByTestId('clear-client_secret'));
    await user.click(within(again).getByTestId('configuration-save'));
    expect(m.updateConfiguration).toHaveBeenLastCalledWith('i1', 'c1', expect.objectContaining({ secrets: {}, clearSecrets: ['client_secret'] }));
  });

  it('shows the waiting panel when the browser sign-in starts, and Cancel stops it', async () => {
    const user = userEvent.setup();
    setup([config()]);
    let reject: (err: unknown) => void = () => {};
    m.authenticateConfiguration.mockImplementation(() => new Promise((_res, rej) => (reject = rej)));
    m.cancelConfigurationSignIn.mockResolvedValue(true);
    await user.click(await screen.findByTestId('configuration-authenticate'));
    expect(m.authenticateConfiguration).toHaveBeenCalledWith('i1', 'c1');
    expect(screen.queryByTestId('signin-waiting')).not.toBeInTheDocument();

    // Another integration's sign-in is not ours.
    act(() => signInListener!({ integrationId: 'other', configurationId: 'x', url: 'https://elsewhere.test', redirectUri: 'http://127.0.0.1:1/', browserError: '' }));
    expect(screen.queryByTestId('signin-waiting')).not.toBeInTheDocument();

    act(() =>
      signInListener!({
        integrationId: 'i1',
        configurationId: 'c1',
        url: 'https://login.zephyr.test/authorize?client_id=client-1&state=s',
        redirectUri: 'http://127.0.0.1:8400/callback',
        browserError: 'no browser found',
      }),
    );
    const panel = await screen.findByTestId('signin-waiting');
    expect(screen.getByText('Waiting for the browser…')).toBeInTheDocument();
    expect(within(panel).getByLabelText('Redirect URI')).toHaveTextContent('http://127.0.0.1:8400/callback');
    expect(within(panel).getByLabelText('Sign-in address')).toHaveTextContent('https://login.zephyr.test/authorize');
    expect(within(panel).getByTestId('signin-browser-error')).toHaveTextContent('no browser found');

    m.openExternal.mockResolvedValue();
    await user.click(within(panel).getByTestId('signin-open-again'));
    expect(m.openExternal).toHaveBeenCalledWith('https://login.zephyr.test/authorize?client_id=client-1&state=s');

    await user.click(within(panel).getByTestId('signin-cancel'));
    expect(m.cancelConfigurationSignIn).toHaveBeenCalledWith('c1');
    await act(async () => reject(new ApiError('invalid', 'The sign-in was cancelled.')));
    await waitFor(() => expect(screen.queryByTestId('signin-waiting')).not.toBeInTheDocument());
    expect(await screen.findByText('Sign-in of “Acme Corp” cancelled')).toBeInTheDocument();
  });

  it('submits a pasted address and shows its error on the field', async () => {
    const user = userEvent.setup();
    setup([config()]);
    let resolve: (c: api.Configuration) => void = () => {};
    m.authenticateConfiguration.mockImplementation(() => new Promise((res) => (resolve = res)));
    await user.click(await screen.findByTestId('configuration-authenticate'));
    act(() => signInListener!({ integrationId: 'i1', configurationId: 'c1', url: 'https://login.test/a', redirectUri: 'http://127.0.0.1:5000/', browserError: '' }));
    const panel = await screen.findByTestId('signin-waiting');
    m.submitConfigurationSignInCode.mockRejectedValueOnce(new ApiError('invalid', 'The pasted address has no code.'));
    await user.type(within(panel).getByRole('textbox', { name: /error page/ }), 'http://127.0.0.1:5000/?state=s');
    await user.click(within(panel).getByTestId('signin-paste-submit'));
    expect(m.submitConfigurationSignInCode).toHaveBeenCalledWith('c1', 'http://127.0.0.1:5000/?state=s');
    expect(await within(panel).findByText('The pasted address has no code.')).toBeInTheDocument();

    m.submitConfigurationSignInCode.mockResolvedValueOnce();
    await user.click(within(panel).getByTestId('signin-paste-submit'));
    const expiresAt = new Date(Date.now() + 3600_000 - 30_000);
    await act(async () => resolve(config({ status: { method: 'oauth2', state: 'signed_in', authenticated: true, expiresAt, lastError: '' } })));
    await waitFor(() => expect(screen.queryByTestId('signin-waiting')).not.toBeInTheDocument());
    expect(screen.getByTestId('configuration-status')).toHaveTextContent('Signed in · expires in 59 min');
  });

  it('tests the connection with a GET action and shows the result', async () => {
    const user = userEvent.setup();
    setup([config({ status: { method: 'oauth2', state: 'signed_in', authenticated: true, expiresAt: null, lastError: '' } })]);
    m.listActions.mockResolvedValue({
      actions: [
        { id: 'a1', name: 'Get contact', method: 'GET', path: '/contacts/{id}' } as api.Action,
        { id: 'a2', name: 'List contacts', method: 'GET', path: '/contacts' } as api.Action,
      ],
      total: 2,
      tags: [],
    });
    await user.click(await screen.findByTestId('configuration-test'));
    const picker = await screen.findByRole('combobox', { name: 'Action' });
    // Starts on the first action without path parameters.
    await waitFor(() => expect(picker).toHaveValue('List contacts — GET /contacts'));
    expect(m.listActions).toHaveBeenCalledWith('i1', expect.objectContaining({ method: 'GET' }));

    m.testConfigurationConnection.mockResolvedValueOnce({
      ok: true,
      status: 200,
      statusText: 'OK',
      url: 'https://api.zephyr.test/contacts',
      durationMs: 142,
      contentType: 'application/json',
      bodyPreview: '{"contacts":[{"id":1}]}',
      truncated: true,
      auth: { method: 'oauth2', state: 'signed_in', authenticated: true, expiresAt: null, lastError: '' },
    });
    await user.click(screen.getByTestId('test-send'));
    const result = await screen.findByTestId('test-result');
    expect(m.testConfigurationConnection).toHaveBeenCalledWith('i1', 'c1', 'a2');
    expect(within(result).getByTestId('test-status')).toHaveTextContent('200 OK');
    expect(within(result).getByTestId('test-duration')).toHaveTextContent('142 ms');
    expect(within(result).getByTestId('test-body')).toHaveTextContent('{"contacts":[{"id":1}]}');
    expect(result).toHaveTextContent('Only the start of the response is shown.');

    // An action the test cannot send: the backend's reason shows on the picker.
    await user.click(picker);
    await user.click(await screen.findByRole('option', { name: 'Get contact — GET /contacts/{id}' }));
    m.testConfigurationConnection.mockRejectedValueOnce(
      new ApiError('invalid', '"Get contact" needs the path parameter {id}; pick an action without one (the Test page fills parameters).', 'actionId'),
    );
    await user.click(screen.getByTestId('test-send'));
    await waitFor(() => expect(picker).toHaveAttribute('aria-invalid', 'true'));
    expect(picker).toHaveAccessibleDescription(/needs the path parameter \{id\}/);
  });

  it('confirms a changed address, signs out and deletes with the keyring entries', async () => {
    const user = userEvent.setup();
    const c = config({
      secretFields: ['client_secret'],
      status: { method: 'oauth2', state: 'signed_in', authenticated: true, expiresAt: null, lastError: '' },
      originChange: { trustedHostname: 'api.zephyr.test', hostname: 'api.zephyr.example', trustedTokenUrl: 'https://a/token', tokenUrl: 'https://a/token' },
    });
    setup([c]);
    const origin = await screen.findByTestId('configuration-origin');
    expect(origin).toHaveTextContent('The hostname changed since the secrets were saved');
    expect(origin).toHaveTextContent('api.zephyr.test → api.zephyr.example');
    m.trustConfigurationOrigin.mockResolvedValue({ ...c, originChange: null });
    await user.click(within(origin).getByTestId('configuration-trust'));
    expect(m.trustConfigurationOrigin).toHaveBeenCalledWith('i1', 'c1');
    await waitFor(() => expect(screen.queryByTestId('configuration-origin')).not.toBeInTheDocument());

    m.signOutConfiguration.mockResolvedValue({ ...c, originChange: null, status: { method: 'oauth2', state: 'signed_out', authenticated: false, expiresAt: null, lastError: '' } });
    await user.click(screen.getByTestId('configuration-signout'));
    await waitFor(() => expect(screen.getByTestId('configuration-status')).toHaveTextContent('Signed out'));

    m.deleteConfiguration.mockResolvedValue();
    await user.click(screen.getByTestId('configuration-delete'));
    expect(await screen.findByRole('dialog', { name: /Delete “Acme Corp”/ })).toHaveTextContent('keyring entries are deleted too');
    await user.click(screen.getByTestId('confirm-delete-configuration'));
    expect(m.deleteConfiguration).toHaveBeenCalledWith('i1', 'c1');
    expect(await screen.findByTestId('configurations-empty')).toBeInTheDocument();
  });

  it('re-reads the list every 30 seconds so "expires in" stays true', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    setup([config()]);
    await screen.findByTestId('configuration-row');
    expect(m.listConfigurations).toHaveBeenCalledTimes(1);
    m.listConfigurations.mockResolvedValue([config({ status: { method: 'oauth2', state: 'needs_sign_in', authenticated: false, expiresAt: null, lastError: 'Token refresh failed.' } })]);
    await act(async () => vi.advanceTimersByTime(REFRESH_MS));
    expect(m.listConfigurations).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(screen.getByTestId('configuration-status')).toHaveTextContent('Needs sign-in'));
  });

  it('asks Basic auth for a username and password, without OAuth fields or overrides', async () => {
    const user = userEvent.setup();
    setup([], integrationFixture({ id: 'i1', authMethod: 'basic' }));
    await user.click(await screen.findByTestId('add-configuration'));
    const form = await screen.findByTestId('configuration-form');
    expect(within(form).getByRole('textbox', { name: 'Username' })).toBeInTheDocument();
    expect(within(form).getByLabelText('Password')).toHaveValue('');
    expect(within(form).queryByRole('textbox', { name: 'Client ID' })).not.toBeInTheDocument();
    expect(within(form).queryByTestId('add-override')).not.toBeInTheDocument();
    expect(screen.queryByTestId('configuration-authenticate')).not.toBeInTheDocument();
  });
});
