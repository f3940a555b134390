import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../api';
import { ApiError } from '../api/errors';
import { integration, summary, SVG } from '../test/fixtures';
import { BundleImportProvider } from '../components/bundles/BundleImport';
import { renderWithProviders } from '../test/render';
import { IntegrationsPage } from './IntegrationsPage';

// Tests never load the Wails bindings: the whole api module is replaced.
vi.mock('../api', async () => (await import('../test/apiMock')).apiMock());

const list = vi.mocked(api.listIntegrations);
const create = vi.mocked(api.createIntegration);

function renderPage() {
  return renderWithProviders(
    <BundleImportProvider>
      <IntegrationsPage />
    </BundleImportProvider>,
  );
}

async function openModal(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'New integration' }));
  return screen.findByRole('dialog');
}

beforeEach(() => {
  list.mockResolvedValue([]);
});

describe('IntegrationsPage list', () => {
  it('shows a skeleton while loading', async () => {
    list.mockReturnValue(new Promise(() => {}));
    renderPage();
    expect(screen.getByTestId('integrations-loading')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Integrations' })).toBeInTheDocument();
  });

  it('shows the empty state with one New integration button', async () => {
    renderPage();
    expect(await screen.findByText('No integrations yet')).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'New integration' })).toHaveLength(1);
    expect(screen.queryAllByTestId('integration-row')).toHaveLength(0);
  });

  it('lists integrations with status, action count and icon', async () => {
    list.mockResolvedValue([
      summary({ id: 'a', name: 'Acme CRM', status: 'published', actionCount: 12, iconSvg: SVG }),
      summary({ id: 'b', name: 'Billing_v2', status: 'hidden', actionCount: 0 }),
      summary({ id: 'c', name: 'Calendar', status: 'draft', actionCount: 3 }),
    ]);
    renderPage();
    const rows = await screen.findAllByTestId('integration-row');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('Acme CRM');
    expect(rows[0]).toHaveTextContent('Published');
    expect(rows[0]).toHaveTextContent('12');
    expect(rows[1]).toHaveTextContent('Hidden');
    expect(rows[2]).toHaveTextContent('Draft');
    expect(rows[0]).toHaveTextContent('5 minutes ago');

    const img = rows[0]!.querySelector('img');
    expect(img).not.toBeNull();
    expect(img!.getAttribute('src')).toBe(`data:image/svg+xml;base64,${btoa(SVG)}`);
    // Stored SVG markup is never injected into the DOM.
    expect(rows[0]!.querySelector('circle')).toBeNull();
    expect(within(rows[1]!).getByTestId('icon-placeholder')).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'New integration' })).toHaveLength(1);
  });

  it('shows the error with a Retry that reloads', async () => {
    const user = userEvent.setup();
    list
      .mockRejectedValueOnce(new ApiError('unavailable', 'The data directory cannot be reached.'))
      .mockResolvedValueOnce([summary({ name: 'Recovered' })]);
    renderPage();
    expect(await screen.findByText('The data directory cannot be reached.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    const rows = await screen.findAllByTestId('integration-row');
    expect(rows[0]).toHaveTextContent('Recovered');
    expect(screen.queryByText('The data directory cannot be reached.')).not.toBeInTheDocument();
    expect(list).toHaveBeenCalledTimes(2);
  });
});

describe('IntegrationsPage import', () => {
  it('offers Import OpenAPI in the empty state and in the header, opening the import page', async () => {
    const user = userEvent.setup();
    renderPage();
    const empty = await screen.findByTestId('integrations-empty');
    expect(within(empty).getByRole('button', { name: 'Import OpenAPI' })).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Import OpenAPI' })).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Import OpenAPI' }));
    expect(window.location.hash).toBe('#/import');
  });

  it('keeps Import OpenAPI next to New integration once there is a list', async () => {
    list.mockResolvedValue([summary()]);
    renderPage();
    await screen.findAllByTestId('integration-row');
    expect(screen.getAllByRole('button', { name: 'Import OpenAPI' })).toHaveLength(1);
    expect(screen.getAllByRole('button', { name: 'New integration' })).toHaveLength(1);
  });
});

describe('IntegrationsPage create flow', () => {
  it('shows live validation and does not call the server for an invalid name', async () => {
    const user = userEvent.setup();
    renderPage();
    const dialog = await openModal(user);
    const name = within(dialog).getByLabelText(/^Name/);
    await user.type(name, 'Acme!');
    expect(
      await within(dialog).findByText(`Name contains "!"; use only letters, digits, spaces, '-' and '_'.`),
    ).toBeInTheDocument();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    await user.type(within(dialog).getByLabelText(/^Description/), 'A CRM.');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(create).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('flags both required fields when Create is pressed on an empty form', async () => {
    const user = userEvent.setup();
    renderPage();
    const dialog = await openModal(user);
    // The e2e suite relies on these exact accessible names.
    expect(dialog).toHaveAccessibleName('New integration');
    expect(within(dialog).getByRole('textbox', { name: 'Name' })).toBeRequired();
    expect(within(dialog).getByRole('textbox', { name: 'Description' })).toBeRequired();
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(within(dialog).getByText('Name is required.')).toBeInTheDocument();
    expect(within(dialog).getByText('Description is required.')).toBeInTheDocument();
    expect(create).not.toHaveBeenCalled();
  });

  it('shows a server conflict on the Name field and keeps the input', async () => {
    const user = userEvent.setup();
    const message = 'An integration named "Acme CRM" already exists; choose another name.';
    create.mockRejectedValue(new ApiError('conflict', message, 'name'));
    renderPage();
    const dialog = await openModal(user);
    const name = within(dialog).getByLabelText(/^Name/);
    const description = within(dialog).getByLabelText(/^Description/);
    await user.type(name, 'Acme CRM');
    await user.type(description, 'Contacts and deals.');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    expect(await within(dialog).findByText(message)).toBeInTheDocument();
    expect(create).toHaveBeenCalledWith({ name: 'Acme CRM', description: 'Contacts and deals.' });
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(name).toHaveValue('Acme CRM');
    expect(description).toHaveValue('Contacts and deals.');
    expect(within(dialog).getByRole('button', { name: 'Create' })).toBeEnabled();

    // Editing the name clears the server's complaint.
    await user.type(name, ' 2');
    expect(within(dialog).queryByText(message)).not.toBeInTheDocument();
  });

  it('shows an error without a field above the buttons', async () => {
    const user = userEvent.setup();
    create.mockRejectedValue('unexpected failure');
    renderPage();
    const dialog = await openModal(user);
    await user.type(within(dialog).getByLabelText(/^Name/), 'Acme');
    await user.type(within(dialog).getByLabelText(/^Description/), 'CRM');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('unexpected failure');
    expect(within(dialog).getByLabelText(/^Name/)).toHaveValue('Acme');
  });

  it('creates on Enter, closes, notifies and shows the new row', async () => {
    const user = userEvent.setup();
    const created = integration({ id: 'new', name: 'Acme CRM', updatedAt: new Date() });
    let resolveCreate: (v: typeof created) => void = () => {};
    create.mockReturnValue(new Promise((r) => (resolveCreate = r)));
    list
      .mockResolvedValueOnce([])
      .mockResolvedValue([summary({ id: 'new', name: 'Acme CRM', updatedAt: created.updatedAt })]);
    renderPage();
    const dialog = await openModal(user);
    await user.type(within(dialog).getByLabelText(/^Description/), 'Contacts and deals.');
    await user.type(within(dialog).getByLabelText(/^Name/), '  Acme CRM {Enter}');

    // While the request runs, Create cannot be pressed again.
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Create' })).toBeDisabled());
    expect(create).toHaveBeenCalledTimes(1);
    expect(create).toHaveBeenCalledWith({ name: 'Acme CRM', description: 'Contacts and deals.' });
    resolveCreate(created);

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const rows = await screen.findAllByTestId('integration-row');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('Acme CRM');
    expect(await screen.findByText('Integration created')).toBeInTheDocument();
    await waitFor(() => expect(list).toHaveBeenCalledTimes(2));
    expect(screen.getAllByTestId('integration-row')).toHaveLength(1);
    // The new integration opens in the editor.
    expect(window.location.hash).toBe('#/integrations/new');
  });

  it('Cancel closes the modal without creating', async () => {
    const user = userEvent.setup();
    renderPage();
    const dialog = await openModal(user);
    await user.type(within(dialog).getByLabelText(/^Name/), 'Draft');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(create).not.toHaveBeenCalled();
  });
});
