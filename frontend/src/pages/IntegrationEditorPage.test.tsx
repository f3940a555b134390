import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../api';
import { ApiError } from '../api/errors';
import { integration } from '../test/fixtures';
import { renderWithProviders } from '../test/render';
import { IntegrationEditorPage } from './IntegrationEditorPage';

vi.mock('../api', async () => (await import('../test/apiMock')).apiMock());
vi.mock('../components/actions/ActionsEditor', () => ({
  // Stands in for the actions editor; its button reports unsaved organisation-mapping edits.
  ActionsEditor: ({ onUnsavedChange }: { onUnsavedChange?: (unsaved: boolean) => void }) => (
    <button type="button" data-testid="actions-editor-stub" onClick={() => onUnsavedChange?.(true)}>
      edit mapping
    </button>
  ),
}));

const m = vi.mocked(api);

function formOfFixture(it: api.Integration): api.EditForm {
  return { name: it.name, description: it.description, hostname: it.hostname, auth: { method: it.authMethod }, pagination: { type: 'none' } };
}

const AUTH_CHOICES = [
  { method: 'api_key', label: 'API Key', advice: { summary: 'Static key.', choose_if: ['A header like X-API-Key'] } },
  { method: 'basic', label: 'Basic Auth', advice: { summary: 'User and password.', choose_if: ['Basic authentication'] } },
  { method: 'oauth2', grant_type: 'authorization_code', label: 'OAuth 2.0 Authorization Code', advice: { summary: 'Users log in.', choose_if: ['Consent screen'] } },
  { method: 'oauth2', grant_type: 'client_credentials', label: 'OAuth 2.0 Client Credentials', advice: { summary: 'Server to server.', choose_if: ['Token endpoint only'] } },
  { method: 'none', label: 'No Auth', advice: { summary: 'Public.', choose_if: ['No credentials'] } },
];
const TYPES = ['none', 'index', 'page', 'link', 'pointer'].map((t) => ({ type: t, label: t === 'none' ? 'No pagination' : t[0]!.toUpperCase() + t.slice(1), guidance: `Guidance for ${t}.` }));

function setup({ draft = null as api.EditorDraft | null, suggestions = { auth: [] } as api.FormSuggestions, it = integration({ id: 'i1', name: 'Acme' }) } = {}) {
  window.location.hash = '#/integrations/i1';
  m.getIntegration.mockResolvedValue(it);
  m.getEditorDraft.mockResolvedValue(draft);
  m.integrationSuggestions.mockResolvedValue(suggestions);
  m.authMethods.mockResolvedValue(AUTH_CHOICES);
  m.paginationTypes.mockResolvedValue(TYPES);
  m.authSharedWarning.mockResolvedValue('These defaults are copied into every configuration and every bundle you export.');
  m.oauth2Guidance.mockResolvedValue({ summary: 'Common for modern SaaS.', choose_if: ['Tokens expire and refresh automatically'] });
  m.checkEditForm.mockResolvedValue([]);
  m.saveEditorDraft.mockResolvedValue();
  m.updateIntegration.mockImplementation(async (_id, form) => ({ ...it, name: form.name, hostname: form.hostname, authMethod: form.auth.method, pagination: form.pagination }));
  m.paginationFields.mockResolvedValue([]);
  renderWithProviders(<IntegrationEditorPage />);
}

beforeEach(() => {
  vi.clearAllMocks();
});

async function onStep(title: string) {
  await waitFor(() => expect(screen.getByTestId('step-title')).toHaveTextContent(title));
}

describe('Integration editor', () => {
  it('blocks Next on a step with a problem and shows the message under its field', async () => {
    const user = userEvent.setup();
    setup();
    await onStep('Details');
    m.checkEditForm.mockResolvedValue([{ field: 'name', message: 'Name contains "/"; use only letters, digits, spaces, \'-\' and \'_\'.' }]);
    await user.click(screen.getByTestId('editor-next'));
    expect(await screen.findByTestId('step-problems')).toHaveTextContent('Name contains "/"');
    const name = screen.getByRole('textbox', { name: /Name/ });
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription(/Name contains/);
    expect(screen.getByTestId('step-title')).toHaveTextContent('Details');
    expect(m.updateIntegration).not.toHaveBeenCalled();
  });

  it('stores each section as it is passed, and Back keeps what was typed', async () => {
    const user = userEvent.setup();
    setup();
    await onStep('Details');
    const name = screen.getByRole('textbox', { name: /Name/ });
    await user.clear(name);
    await user.type(name, 'Acme CRM');
    await user.click(screen.getByTestId('editor-next'));
    await onStep('Hostname');
    expect(m.updateIntegration).toHaveBeenLastCalledWith('i1', expect.objectContaining({ name: 'Acme CRM', hostname: '' }));
    // A new step is saved at once, not after the typing pause (400 ms): quitting right away still resumes here.
    await waitFor(() => expect(m.saveEditorDraft).toHaveBeenCalledWith('i1', 'hostname', expect.objectContaining({ name: 'Acme CRM' })), {
      timeout: 150,
    });

    // An empty hostname is refused here, with the reason.
    await user.click(screen.getByTestId('editor-next'));
    expect(await screen.findByTestId('step-problems')).toHaveTextContent('Hostname is required');
    const host = screen.getByRole('textbox', { name: /Hostname/ });
    await user.type(host, 'https://api.acme.test/v2');
    await user.click(await screen.findByRole('button', { name: /Use “api.acme.test”/ }));
    expect(host).toHaveValue('api.acme.test');
    await user.click(screen.getByTestId('editor-next'));
    await onStep('Auth method');
    expect(m.updateIntegration).toHaveBeenLastCalledWith('i1', expect.objectContaining({ hostname: 'api.acme.test' }));

    await user.click(screen.getByTestId('editor-back'));
    await onStep('Hostname');
    expect(screen.getByRole('textbox', { name: /Hostname/ })).toHaveValue('api.acme.test');
  });

  it('autosaves the step and form as a draft, and resumes from one', async () => {
    const user = userEvent.setup();
    setup();
    await onStep('Details');
    await user.type(screen.getByRole('textbox', { name: /Description/ }), ' more');
    await waitFor(() => expect(m.saveEditorDraft).toHaveBeenCalled(), { timeout: 2000 });
    const [, step, form] = m.saveEditorDraft.mock.calls.at(-1)!;
    expect(step).toBe('details');
    expect(form.description).toBe('Contacts and deals. more');
    expect(await screen.findByTestId('autosave')).toHaveTextContent('Draft saved');
  });

  it('resumes at the draft step with the draft form', async () => {
    const draftForm: api.EditForm = {
      name: 'Acme',
      description: 'Half done',
      hostname: 'api.acme.test',
      auth: { method: 'oauth2', oauth2: { grant_type: 'client_credentials', token_url: '', token_key: 'access_token', token_expiration_key: 'expires_in', token_request_content_type: 'application/x-www-form-urlencoded', token_request_method: 'POST', basic_auth_on_exchange: false, include_client_config_on_refresh: true, include_redirect_uri_on_refresh: false, refresh_strategy: 'automatic', refresh_buffer_seconds: 300 } },
      pagination: { type: 'none' },
    };
    setup({ draft: { step: 'auth_defaults', form: draftForm, updatedAt: new Date() } });
    await onStep('Auth defaults');
    expect(screen.getByText(/Resumed where you left off/)).toBeInTheDocument();
    expect(screen.getByTestId('shared-warning')).toHaveTextContent('every bundle you export');
    expect(screen.getByRole('textbox', { name: /OAuth Access Token URL/ })).toHaveValue('');
    expect(screen.queryByRole('textbox', { name: /OAuth Authorization Code URL/ })).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Refresh Buffer/ })).toHaveValue('300 s');
  });

  it('pre-fills an imported integration from the spec and shows the evidence', async () => {
    setup({
      it: integration({ id: 'i1', name: 'Helpdesk', hostname: '' }),
      suggestions: {
        hostname: { hostname: 'api.helpdesk.example', basePath: '/v2', evidence: 'servers[0] is https://api.helpdesk.example/v2' },
        auth: [{ auth: { method: 'api_key', api_key: { header_name: 'X-Api-Key' } }, schemeName: 'apiKey', evidence: 'apiKey in header "X-Api-Key"' }],
        pagination: { pagination: { type: 'page', page_param: 'page' }, evidence: 'page and per_page on 3 list operations' },
      },
    });
    await onStep('Details');
    const user = userEvent.setup();
    await user.click(screen.getByTestId('editor-next'));
    await onStep('Hostname');
    expect(screen.getByRole('textbox', { name: /Hostname/ })).toHaveValue('api.helpdesk.example');
    const note = screen.getByTestId('hostname-suggestion');
    expect(note).toHaveTextContent('servers[0] is https://api.helpdesk.example/v2');
    expect(within(note).getByText('In use')).toBeInTheDocument();
    await user.click(screen.getByTestId('editor-next'));
    await onStep('Auth method');
    expect(screen.getByTestId('auth-suggestion')).toHaveTextContent('apiKey in header "X-Api-Key"');
    expect(screen.getByRole('radio', { name: 'API Key' })).toBeChecked();
    // The seed's general OAuth 2.0 guidance sits above its two grants.
    expect(screen.getByTestId('oauth-guidance')).toHaveTextContent('Tokens expire and refresh automatically');
  });

  it('never lets a suggestion change what a finalized integration keeps read-only', async () => {
    setup({
      it: integration({ id: 'i1', name: 'Helpdesk', hostname: 'api.helpdesk.example', finalizedAt: new Date(), status: 'hidden' }),
      suggestions: {
        hostname: { hostname: 'other.example', basePath: '', evidence: 'servers[0]' },
        auth: [{ auth: { method: 'api_key', api_key: { header_name: 'X-Api-Key' } }, schemeName: 'apiKey', evidence: 'apiKey' }],
        pagination: { pagination: { type: 'page', page_param: 'page' }, evidence: 'page' },
      },
      draft: { step: 'auth_method', form: { name: 'Helpdesk', description: 'x', hostname: 'api.helpdesk.example', auth: { method: 'api_key', api_key: { header_name: 'X' } }, pagination: { type: 'none' } }, updatedAt: new Date() },
    });
    await onStep('Auth method');
    // The draft said API Key, but No Auth is what was finalized: it stays chosen and the others are locked.
    expect(screen.getByRole('radio', { name: 'No Auth' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'API Key' })).toBeDisabled();
  });

  it('will not leave the actions step while the organisation mapping has unsaved edits', async () => {
    const user = userEvent.setup();
    setup({ draft: { step: 'actions', form: { name: 'Acme', description: 'x', hostname: 'api.acme.test', auth: { method: 'none' }, pagination: { type: 'none' } }, updatedAt: new Date() } });
    await onStep('Actions');
    await user.click(screen.getByTestId('actions-editor-stub'));
    await user.click(screen.getByTestId('editor-next'));
    expect(await screen.findByTestId('editor-form-error')).toHaveTextContent('organization mapping has changes that are not saved');
    expect(screen.getByTestId('step-title')).toHaveTextContent('Actions');
    await user.click(screen.getByTestId('editor-back'));
    expect(screen.getByTestId('step-title')).toHaveTextContent('Actions');
  });

  it('finalizes after a confirmation naming what becomes read-only, and shows a refused status change', async () => {
    const user = userEvent.setup();
    const it = integration({ id: 'i1', name: 'Acme', hostname: 'api.acme.test', authMethod: 'none', actionCount: 2 });
    setup({ it, draft: { step: 'finalize', form: { name: 'Acme', description: 'x', hostname: 'api.acme.test', auth: { method: 'none' }, pagination: { type: 'none' } }, updatedAt: new Date() } });
    await onStep('Finalize');
    const finalized = { ...it, status: 'hidden' as const, finalizedAt: new Date() };
    m.finalizeIntegration.mockResolvedValue(finalized);
    await user.click(screen.getByTestId('finalize'));
    const list = await screen.findByTestId('finalize-readonly');
    expect(list).toHaveTextContent('Hostname: api.acme.test');
    expect(list).toHaveTextContent('Authentication method: No Auth');
    expect(list).toHaveTextContent('Pagination type: No pagination');
    await user.click(screen.getByTestId('confirm-finalize'));
    expect(await screen.findByTestId('finalized-note')).toBeInTheDocument();
    expect(m.finalizeIntegration).toHaveBeenCalledWith('i1');

    m.setIntegrationStatus.mockRejectedValue(new ApiError('conflict', 'A finalized integration cannot go back to Draft.', 'status'));
    await user.click(screen.getByRole('radio', { name: 'Draft' }));
    expect(await screen.findByTestId('status-error')).toHaveTextContent('cannot go back to Draft');
    expect(m.setIntegrationStatus).toHaveBeenCalledWith('i1', 'draft');
  });

  it('Done leaves a draft of the stored form on the first step, so suggestions are not applied again', async () => {
    const user = userEvent.setup();
    const it = integration({ id: 'i1', name: 'Acme', hostname: 'api.acme.test', actionCount: 2 });
    setup({ it, draft: { step: 'finalize', form: formOfFixture(it), updatedAt: new Date() } });
    await onStep('Finalize');
    await user.click(screen.getByTestId('editor-done'));
    await waitFor(() => expect(window.location.hash).toBe('#/integrations'));
    expect(m.saveEditorDraft).toHaveBeenLastCalledWith('i1', 'details', formOfFixture(it));
  });

  it('names the problem when the integration cannot be opened', async () => {
    window.location.hash = '#/integrations/gone';
    m.getIntegration.mockRejectedValue(new ApiError('not_found', 'No integration with id "gone".'));
    m.getEditorDraft.mockResolvedValue(null);
    m.integrationSuggestions.mockResolvedValue({ auth: [] });
    m.authMethods.mockResolvedValue([]);
    m.paginationTypes.mockResolvedValue([]);
    m.authSharedWarning.mockResolvedValue('');
    m.oauth2Guidance.mockResolvedValue({ summary: '', choose_if: [] });
    renderWithProviders(<IntegrationEditorPage />);
    expect(await screen.findByTestId('editor-error')).toHaveTextContent('No integration with id "gone".');
  });

  it('has a Configurations tab that loads on its first visit and leaves the setup step as it was', async () => {
    const user = userEvent.setup();
    m.listConfigurations.mockResolvedValue([]);
    m.configurationSecretFields.mockResolvedValue([]);
    m.getOrgMapping.mockResolvedValue(null);
    m.onSignInStarted.mockReturnValue(() => {});
    setup();
    await onStep('Details');
    await user.click(screen.getByTestId('editor-next'));
    await onStep('Hostname');
    expect(m.listConfigurations).not.toHaveBeenCalled();
    await user.click(screen.getByRole('tab', { name: 'Configurations' }));
    expect(await screen.findByTestId('configurations-empty')).toBeInTheDocument();
    expect(m.listConfigurations).toHaveBeenCalledWith('i1');
    await user.click(screen.getByRole('tab', { name: 'Setup' }));
    await onStep('Hostname');
  });
});

describe('Integration page header', () => {
  it('Export opens the export modal and exports', async () => {
    const user = userEvent.setup();
    setup();
    await onStep('Details');
    m.exportBundle.mockResolvedValue({ path: '/home/me/Acme.isbundle', bytes: 900, signed: false, cancelled: false });
    await user.click(screen.getByTestId('export-integration'));
    const dialog = await screen.findByRole('dialog', { name: 'Export “Acme”' });
    await user.click(within(dialog).getByTestId('export-confirm'));
    expect(m.exportBundle).toHaveBeenCalledWith('i1', false);
    expect(await screen.findByText('Saved to /home/me/Acme.isbundle (900 B).')).toBeInTheDocument();
  });

  it('Delete confirms, says the keyring secrets go too, deletes and goes back to the list', async () => {
    const user = userEvent.setup();
    setup();
    await onStep('Details');
    m.listConfigurations.mockResolvedValue([{ id: 'c1' } as api.Configuration, { id: 'c2' } as api.Configuration]);
    m.deleteIntegration.mockResolvedValue();
    await user.click(screen.getByTestId('integration-menu'));
    await user.click(await screen.findByTestId('delete-integration'));
    const dialog = await screen.findByRole('dialog', { name: 'Delete “Acme”?' });
    expect(await within(dialog).findByTestId('delete-integration-configurations')).toHaveTextContent(
      'its 2 configurations, and their secrets and tokens in the OS keyring.',
    );
    expect(dialog).toHaveTextContent('This cannot be undone.');
    expect(m.deleteIntegration).not.toHaveBeenCalled();
    await user.click(within(dialog).getByTestId('confirm-delete-integration'));
    expect(m.deleteIntegration).toHaveBeenCalledWith('i1');
    await waitFor(() => expect(window.location.hash).toBe('#/integrations'));
    expect(await screen.findByText('Integration deleted')).toBeInTheDocument();
  });

  it('Delete can be cancelled, and a refusal is shown', async () => {
    const user = userEvent.setup();
    setup();
    await onStep('Details');
    m.listConfigurations.mockResolvedValue([]);
    m.deleteIntegration.mockRejectedValue(new ApiError('unavailable', 'The OS keyring cannot be reached: unlock it and try again.'));
    await user.click(screen.getByTestId('integration-menu'));
    await user.click(await screen.findByTestId('delete-integration'));
    let dialog = await screen.findByRole('dialog', { name: 'Delete “Acme”?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(m.deleteIntegration).not.toHaveBeenCalled();

    await user.click(screen.getByTestId('integration-menu'));
    await user.click(await screen.findByTestId('delete-integration'));
    dialog = await screen.findByRole('dialog', { name: 'Delete “Acme”?' });
    await user.click(within(dialog).getByTestId('confirm-delete-integration'));
    expect(await within(dialog).findByTestId('delete-integration-error')).toHaveTextContent('The OS keyring cannot be reached');
    expect(window.location.hash).toBe('#/integrations/i1');
  });
});
