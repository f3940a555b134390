import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from './api';
import { App } from './App';
import { renderWithProviders } from './test/render';

// Tests never load the Wails bindings: the whole api module is replaced.
vi.mock('./api', async () => (await import('./test/apiMock')).apiMock());

const NAV = ['Integrations', 'Blueprints', 'Webhooks', 'API tokens', 'Settings'];

beforeEach(() => {
  vi.mocked(api.getStartupProblem).mockResolvedValue(null);
  vi.mocked(api.listIntegrations).mockResolvedValue([]);
  vi.mocked(api.listApiTokens).mockResolvedValue([]);
  vi.mocked(api.listWebhooks).mockResolvedValue([]);
  vi.mocked(api.getSettings).mockResolvedValue({ importLimitMb: 50, blueprintLimit: 10, localApiEnabled: false, localApiPort: 8765 });
  vi.mocked(api.getAppInfo).mockResolvedValue({
    version: '0.1.0-test',
    dataDir: '/home/me/.local/share/integration-studio',
    logFile: '/home/me/.local/share/integration-studio/logs/app.log',
  });
});

describe('App shell', () => {
  it('has the five sections in the sidebar, the app name and the version', async () => {
    renderWithProviders(<App />);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual(NAV);
    for (const name of NAV) expect(screen.getByRole('link', { name })).toBeInTheDocument();
    expect(screen.getByText('Integration Studio')).toBeInTheDocument();
    expect(await screen.findByText('Version 0.1.0-test')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Integrations' })).toHaveAttribute('aria-current', 'page');
  });

  it('navigates by hash', async () => {
    const user = userEvent.setup();
    renderWithProviders(<App />);
    await user.click(screen.getByRole('link', { name: 'Webhooks' }));
    await waitFor(() => expect(window.location.hash).toBe('#/webhooks'));
    expect(await screen.findByRole('heading', { name: 'Webhooks' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Webhooks' })).toHaveAttribute('aria-current', 'page');

    await user.click(screen.getByRole('link', { name: 'API tokens' }));
    expect(await screen.findByRole('heading', { name: 'API tokens' })).toBeInTheDocument();
  });

  it('opens the page named in the hash on load', async () => {
    window.location.hash = '#/settings';
    renderWithProviders(<App />);
    expect(screen.getByRole('heading', { name: 'Settings' })).toBeInTheDocument();
    expect(await screen.findByText('/home/me/.local/share/integration-studio')).toBeInTheDocument();
    expect(screen.getByText('/home/me/.local/share/integration-studio/logs/app.log')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy data directory' })).toBeEnabled();
  });

  it('opens the import page under Integrations', async () => {
    window.location.hash = '#/import';
    renderWithProviders(<App />);
    expect(screen.getByRole('heading', { name: 'Import OpenAPI' })).toBeInTheDocument();
    expect(screen.getByTestId('spec-dropzone')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Integrations' })).toHaveAttribute('aria-current', 'page');
    await waitFor(() => expect(document.title).toBe('Import OpenAPI · Integration Studio'));
  });

  it('falls back to Integrations for an unknown hash', async () => {
    window.location.hash = '#/nope';
    renderWithProviders(<App />);
    expect(screen.getByRole('heading', { name: 'Integrations' })).toBeInTheDocument();
    expect(await screen.findByText('No integrations yet')).toBeInTheDocument();
  });
});

describe('Settings', () => {
  it('defaults the theme to Auto and persists a choice', async () => {
    const user = userEvent.setup();
    window.location.hash = '#/settings';
    renderWithProviders(<App />);
    expect(screen.getByRole('radio', { name: 'Auto (follow OS)' })).toBeChecked();
    await user.click(screen.getByText('Dark'));
    expect(screen.getByRole('radio', { name: 'Dark' })).toBeChecked();
    expect(window.localStorage.getItem('integration-studio-color-scheme')).toBe('dark');
    expect(document.documentElement).toHaveAttribute('data-mantine-color-scheme', 'dark');
  });

  it('shows the import size limit', async () => {
    window.location.hash = '#/settings';
    renderWithProviders(<App />);
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Import size limit (MB)' })).toHaveValue('50'));
  });

  it('copies the data directory to the clipboard', async () => {
    const user = userEvent.setup();
    window.location.hash = '#/settings';
    renderWithProviders(<App />);
    const button = await screen.findByRole('button', { name: 'Copy data directory' });
    await waitFor(() => expect(button).toBeEnabled());
    await user.click(button);
    expect(await navigator.clipboard.readText()).toBe('/home/me/.local/share/integration-studio');
  });
});

describe('start-up problem', () => {
  it('replaces the app with the reason the data dir could not be opened, and offers Quit', async () => {
    const message =
      '/home/me/.config/integration-studio/studio.db was written by a newer version of Integration Studio (schema version 9; this version understands up to 2).';
    vi.mocked(api.getStartupProblem).mockResolvedValueOnce(new api.ApiError('invalid', message));
    renderWithProviders(<App />);
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Quit' }));
    expect(api.quitApp).toHaveBeenCalled();
  });
});

