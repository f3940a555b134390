import { notifications } from '@mantine/notifications';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../api';
import { ApiError } from '../../api/errors';
import { IntegrationsPage } from '../../pages/IntegrationsPage';
import { integration } from '../../test/fixtures';
import { renderWithProviders } from '../../test/render';
import { BundleImportProvider } from './BundleImport';
import { ExportBundleModal } from './ExportBundleModal';

vi.mock('../../api', async () => (await import('../../test/apiMock')).apiMock());

const m = vi.mocked(api);
const PATH = '/home/me/Downloads/Acme CRM.isbundle';
const FINGERPRINT = 'SHA256:8f2a:91c0:4b7e:d3a1:0e55:6c2f:b9d4:1a73';

function preview(over: Partial<api.BundlePreview> = {}): api.BundlePreview {
  return {
    id: 'b1',
    name: 'Acme CRM',
    description: 'Contacts and deals.',
    hostname: 'api.acme.test',
    authMethod: 'oauth2',
    grantType: 'client_credentials',
    pagination: 'page',
    status: 'hidden',
    blueprints: [],
    actions: 12,
    signedBy: FINGERPRINT,
    appVersion: '0.1.0',
    configurations: [
      { name: 'Contoso', organization: 'Contoso Ltd', settings: { clientId: 'contoso' }, secretsNeeded: ['client_secret'] },
      { name: 'Public', organization: '', settings: {}, secretsNeeded: [] },
    ],
    lint: { errors: 0, warnings: 3, infos: 1 },
    conflict: null,
    ignored: [],
    ...over,
  };
}

beforeEach(() => {
  vi.clearAllMocks();
  window.location.hash = '#/integrations';
  m.listIntegrations.mockResolvedValue([]);
});

afterEach(() => {
  notifications.clean();
});

describe('Export modal', () => {
  const it1 = integration({ id: 'i1', name: 'Acme CRM', actionCount: 12 });

  function renderModal() {
    const onClose = vi.fn();
    renderWithProviders(<ExportBundleModal integration={it1} opened onClose={onClose} />);
    return { onClose, dialog: screen.getByRole('dialog') };
  }

  it('says what a bundle holds and that it never holds secrets', () => {
    const { dialog } = renderModal();
    expect(dialog).toHaveTextContent('Export “Acme CRM”');
    expect(dialog).toHaveTextContent('12 actions');
    expect(dialog).toHaveTextContent('configurations as names and non-secret values, with the list of secrets each one needs');
    expect(within(dialog).getByTestId('export-no-secrets')).toHaveTextContent('Never a secret');
    expect(within(dialog).getByRole('switch', { name: /Sign with this computer's key/ })).not.toBeChecked();
  });

  it('exports unsigned by default and says where the file went', async () => {
    const user = userEvent.setup();
    m.exportBundle.mockResolvedValue({ path: '/home/me/Acme CRM.isbundle', bytes: 4096, signed: false, cancelled: false });
    const { onClose, dialog } = renderModal();
    await user.click(within(dialog).getByTestId('export-confirm'));
    expect(m.exportBundle).toHaveBeenCalledWith('i1', false);
    expect(await screen.findByText('Saved to /home/me/Acme CRM.isbundle (4.0 KB).')).toBeInTheDocument();
    expect(screen.getByText('Bundle exported')).toBeInTheDocument();
    expect(onClose).toHaveBeenCalled();
  });

  it('signs when the switch is on', async () => {
    const user = userEvent.setup();
    m.exportBundle.mockResolvedValue({ path: '/tmp/a.isbundle', bytes: 100, signed: true, cancelled: false });
    const { dialog } = renderModal();
    await user.click(within(dialog).getByRole('switch', { name: /Sign with this computer's key/ }));
    await user.click(within(dialog).getByTestId('export-confirm'));
    expect(m.exportBundle).toHaveBeenCalledWith('i1', true);
    expect(await screen.findByText('Signed bundle exported')).toBeInTheDocument();
  });

  it('says nothing when the save dialog is cancelled and stays open', async () => {
    const user = userEvent.setup();
    m.exportBundle.mockResolvedValue({ path: '', bytes: 0, signed: false, cancelled: true });
    const { onClose, dialog } = renderModal();
    await user.click(within(dialog).getByTestId('export-confirm'));
    await waitFor(() => expect(within(dialog).getByTestId('export-confirm')).not.toHaveAttribute('data-loading'));
    expect(m.exportBundle).toHaveBeenCalledTimes(1);
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.queryByText(/Saved to/)).not.toBeInTheDocument();
    expect(screen.queryByTestId('export-error')).not.toBeInTheDocument();
  });

  it('shows an error with its message', async () => {
    const user = userEvent.setup();
    m.exportBundle.mockRejectedValue(new ApiError('invalid', 'The bundle could not be written to /ro/a.isbundle: permission denied'));
    const { onClose, dialog } = renderModal();
    await user.click(within(dialog).getByTestId('export-confirm'));
    expect(await within(dialog).findByTestId('export-error')).toHaveTextContent('permission denied');
    expect(onClose).not.toHaveBeenCalled();
  });
});

describe('Import bundle', () => {
  let dropped: ((path: string) => void) | null = null;

  function renderList() {
    m.onBundleFileDrop.mockImplementation((cb) => {
      dropped = cb;
      return () => {
        dropped = null;
      };
    });
    return renderWithProviders(
      <BundleImportProvider>
        <IntegrationsPage />
      </BundleImportProvider>,
    );
  }

  async function pickBundle(user: ReturnType<typeof userEvent.setup>, p: api.BundlePreview | Error = preview()) {
    m.pickBundleFile.mockResolvedValue(PATH);
    if (p instanceof Error) m.inspectBundleFile.mockRejectedValue(p);
    else m.inspectBundleFile.mockResolvedValue(p);
    renderList();
    await user.click(await screen.findByTestId('import-bundle'));
    return screen.findByRole('dialog');
  }

  it('offers Import bundle in the empty state and shows a cancelled pick as nothing', async () => {
    const user = userEvent.setup();
    m.pickBundleFile.mockResolvedValue('');
    renderList();
    await user.click(await screen.findByTestId('import-bundle'));
    expect(m.pickBundleFile).toHaveBeenCalled();
    expect(m.inspectBundleFile).not.toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('previews a signed bundle: what it holds, the signer and the secrets each configuration needs', async () => {
    const user = userEvent.setup();
    const dialog = await pickBundle(user);
    expect(m.inspectBundleFile).toHaveBeenCalledWith(PATH);
    await within(dialog).findByTestId('bundle-preview');
    expect(dialog).toHaveTextContent('Acme CRM.isbundle');
    expect(within(dialog).getByTestId('bundle-name')).toHaveTextContent('Acme CRM');
    expect(within(dialog).getByTestId('bundle-description')).toHaveTextContent('Contacts and deals.');
    expect(within(dialog).getByTestId('bundle-hostname')).toHaveTextContent('api.acme.test');
    expect(within(dialog).getByTestId('bundle-auth')).toHaveTextContent('OAuth 2.0 · Client Credentials');
    expect(within(dialog).getByTestId('bundle-pagination')).toHaveTextContent('Page');
    expect(within(dialog).getByTestId('bundle-actions')).toHaveTextContent('12');
    expect(within(dialog).getByTestId('bundle-lint')).toHaveTextContent('3 warnings');
    expect(within(dialog).getByText('Hidden')).toBeInTheDocument();
    const sig = within(dialog).getByTestId('bundle-signature');
    expect(sig).toHaveTextContent(`Signed by ${FINGERPRINT}`);
    expect(sig).toHaveAttribute('data-signed', 'true');
    const configs = within(dialog).getAllByTestId('bundle-configuration');
    expect(configs[0]).toHaveTextContent('Contoso · Contoso Ltd');
    expect(configs[0]).toHaveTextContent('needs client_secret');
    expect(configs[1]).toHaveTextContent('no secrets');
    expect(within(dialog).queryByTestId('bundle-ignored')).not.toBeInTheDocument();
    expect(within(dialog).queryByTestId('bundle-conflict')).not.toBeInTheDocument();
  });

  it('marks an unsigned bundle and warns about what it carried that is not imported', async () => {
    const user = userEvent.setup();
    const dialog = await pickBundle(user, preview({ signedBy: '', ignored: ['authDefaults: credential-like values', 'configuration "Contoso": client_secret'] }));
    const sig = await within(dialog).findByTestId('bundle-signature');
    expect(sig).toHaveTextContent(/^Unsigned$/);
    expect(sig).toHaveAttribute('data-signed', 'false');
    const ignored = within(dialog).getByTestId('bundle-ignored');
    expect(ignored).toHaveTextContent('These were in the file and will not be imported');
    expect(ignored).toHaveTextContent('configuration "Contoso": client_secret');
  });

  it('imports a new integration, notifies and opens it', async () => {
    const user = userEvent.setup();
    m.importBundleFile.mockResolvedValue({ id: 'b1', name: 'Acme CRM', mode: 'new', preview: preview() });
    const dialog = await pickBundle(user);
    await user.click(await within(dialog).findByTestId('bundle-import'));
    expect(m.importBundleFile).toHaveBeenCalledWith(PATH, 'fail');
    expect(await screen.findByText('Integration imported')).toBeInTheDocument();
    expect(screen.getByText(/“Acme CRM” was imported with 12 actions\. Enter the secrets of 1 configuration/)).toBeInTheDocument();
    await waitFor(() => expect(window.location.hash).toBe('#/integrations/b1'));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('asks what to do on a conflict and sends the choice', async () => {
    const user = userEvent.setup();
    const p = preview({ conflict: { id: 'old', name: 'Acme CRM', sameId: true } });
    m.importBundleFile.mockResolvedValue({ id: 'old', name: 'Acme CRM', mode: 'replace', preview: p });
    const dialog = await pickBundle(user, p);
    const conflict = await within(dialog).findByTestId('bundle-conflict');
    expect(conflict).toHaveTextContent('This integration is already here, as “Acme CRM”.');
    expect(conflict).toHaveTextContent('Its configurations and their secrets are kept');
    expect(conflict).toHaveTextContent('held back from the new address until you confirm it');
    expect(conflict).toHaveTextContent('“Acme CRM (2)”');
    // Keep both is the default: nothing existing changes.
    expect(within(conflict).getByRole('radio', { name: /Keep both/ })).toBeChecked();
    await user.click(within(conflict).getByRole('radio', { name: /Replace it/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Replace and import' }));
    expect(m.importBundleFile).toHaveBeenCalledWith(PATH, 'replace');
    expect(await screen.findByText('Integration replaced')).toBeInTheDocument();
  });

  it('keeps both, or cancels without importing', async () => {
    const user = userEvent.setup();
    const p = preview({ conflict: { id: 'other', name: 'Acme CRM', sameId: false } });
    m.importBundleFile.mockResolvedValue({ id: 'copy', name: 'Acme CRM (2)', mode: 'copy', preview: p });
    const dialog = await pickBundle(user, p);
    const conflict = await within(dialog).findByTestId('bundle-conflict');
    expect(conflict).toHaveTextContent('An integration named “Acme CRM” already exists.');
    await user.click(within(conflict).getByRole('radio', { name: /Cancel/ }));
    expect(within(dialog).queryByTestId('bundle-import')).not.toBeInTheDocument();
    await user.click(within(conflict).getByRole('radio', { name: /Keep both/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Import as a copy' }));
    expect(m.importBundleFile).toHaveBeenCalledWith(PATH, 'keep-both');
    expect(await screen.findByText(/was imported as “Acme CRM \(2\)”/)).toBeInTheDocument();
    await waitFor(() => expect(window.location.hash).toBe('#/integrations/copy'));
  });

  it('cancel on a conflict closes without importing', async () => {
    const user = userEvent.setup();
    const dialog = await pickBundle(user, preview({ conflict: { id: 'other', name: 'Acme CRM', sameId: false } }));
    await user.click(within(await within(dialog).findByTestId('bundle-conflict')).getByRole('radio', { name: /Cancel/ }));
    await user.click(within(dialog).getByTestId('bundle-cancel'));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(m.importBundleFile).not.toHaveBeenCalled();
  });

  it('shows why a bundle cannot be read', async () => {
    const user = userEvent.setup();
    const dialog = await pickBundle(user, new ApiError('invalid', 'The bundle was changed after it was made: integration.json does not match its SHA-256 in the manifest.'));
    const error = await within(dialog).findByTestId('bundle-error');
    expect(error).toHaveTextContent('This bundle cannot be imported');
    expect(error).toHaveTextContent('integration.json does not match its SHA-256');
    expect(error).toHaveTextContent('Nothing was stored.');
    expect(within(dialog).queryByTestId('bundle-import')).not.toBeInTheDocument();
  });

  it('shows an import error in the modal and keeps the preview', async () => {
    const user = userEvent.setup();
    m.importBundleFile.mockRejectedValue(new ApiError('conflict', 'An integration with the name "Acme CRM" already exists.', 'onConflict'));
    const dialog = await pickBundle(user);
    await user.click(await within(dialog).findByTestId('bundle-import'));
    expect(await within(dialog).findByTestId('bundle-error')).toHaveTextContent('An integration with the name "Acme CRM" already exists.');
    expect(within(dialog).getByTestId('bundle-preview')).toBeInTheDocument();
    expect(window.location.hash).toBe('#/integrations');
  });

  it('opens the preview for a bundle dropped on the window', async () => {
    m.inspectBundleFile.mockResolvedValue(preview({ signedBy: '' }));
    renderList();
    await screen.findByTestId('import-bundle');
    expect(dropped).not.toBeNull();
    act(() => dropped!('/home/me/Desktop/Acme CRM.isbundle'));
    const dialog = await screen.findByRole('dialog');
    expect(m.inspectBundleFile).toHaveBeenCalledWith('/home/me/Desktop/Acme CRM.isbundle');
    expect(await within(dialog).findByTestId('bundle-signature')).toHaveTextContent('Unsigned');
    expect(m.pickBundleFile).not.toHaveBeenCalled();
  });
});
