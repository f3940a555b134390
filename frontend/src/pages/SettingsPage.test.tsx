import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../api';
import { ApiError } from '../api/errors';
import { renderWithProviders } from '../test/render';
import { SettingsPage } from './SettingsPage';

vi.mock('../api', async () => (await import('../test/apiMock')).apiMock());

const get = vi.mocked(api.getSettings);
const save = vi.mocked(api.saveSettings);

beforeEach(() => {
  get.mockResolvedValue({ importLimitMb: 50, blueprintLimit: 10, localApiEnabled: false, localApiPort: 8765 });
});

async function limitInput() {
  const input = screen.getByRole('textbox', { name: 'Import size limit (MB)' });
  await waitFor(() => expect(input).toHaveValue('50'));
  return input;
}

describe('Settings: import size limit', () => {
  it('shows the stored limit and saves a new one', async () => {
    const user = userEvent.setup();
    save.mockResolvedValue({ importLimitMb: 200, blueprintLimit: 10, localApiEnabled: false, localApiPort: 8765 });
    renderWithProviders(<SettingsPage />);
    const input = await limitInput();
    expect(screen.getAllByRole('button', { name: 'Save' })[0]).toBeDisabled();
    await user.clear(input);
    await user.type(input, '200');
    await user.click(screen.getAllByRole('button', { name: 'Save' })[0]);
    expect(save).toHaveBeenCalledWith({ importLimitMb: 200, blueprintLimit: 10, localApiEnabled: false, localApiPort: 8765 });
    expect(await screen.findByText('Settings saved')).toBeInTheDocument();
    expect(input).toHaveValue('200');
  });

  it('shows the backend field error on the input', async () => {
    const user = userEvent.setup();
    const message = 'The import size limit must be between 1 and 1024 MB.';
    save.mockRejectedValue(new ApiError('invalid', message, 'importLimitMb'));
    renderWithProviders(<SettingsPage />);
    const input = await limitInput();
    await user.clear(input);
    await user.type(input, '64');
    await user.click(screen.getAllByRole('button', { name: 'Save' })[0]);
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveValue('64');
  });

  it('refuses a limit outside 1–1024 without calling the backend', async () => {
    const user = userEvent.setup();
    renderWithProviders(<SettingsPage />);
    const input = await limitInput();
    await user.clear(input);
    await user.type(input, '2000');
    await user.click(screen.getAllByRole('button', { name: 'Save' })[0]);
    expect(screen.getByText('The limit must be between 1 and 1024 MB.')).toBeInTheDocument();
    expect(save).not.toHaveBeenCalled();
  });

  it('shows other errors above the button', async () => {
    const user = userEvent.setup();
    save.mockRejectedValue(new ApiError('unavailable', 'The data directory cannot be reached.'));
    renderWithProviders(<SettingsPage />);
    const input = await limitInput();
    await user.clear(input);
    await user.type(input, '10');
    await user.click(screen.getAllByRole('button', { name: 'Save' })[0]);
    expect(await screen.findByText('The data directory cannot be reached.')).toBeInTheDocument();
    expect(screen.getByText('Could not save the settings')).toBeInTheDocument();
  });
});

describe('Settings: blueprint limit', () => {
  it('saves the limit and keeps the import limit as stored', async () => {
    const user = userEvent.setup();
    save.mockResolvedValue({ importLimitMb: 50, blueprintLimit: 25, localApiEnabled: false, localApiPort: 8765 });
    renderWithProviders(<SettingsPage />);
    const input = screen.getByRole('textbox', { name: 'Blueprint limit' });
    await waitFor(() => expect(input).toHaveValue('10'));
    await user.clear(input);
    await user.type(input, '25');
    await user.click(screen.getAllByRole('button', { name: 'Save' })[1]);
    expect(save).toHaveBeenCalledWith({ importLimitMb: 50, blueprintLimit: 25, localApiEnabled: false, localApiPort: 8765 });
    expect(await screen.findByText('The workspace may now have up to 25 blueprints.')).toBeInTheDocument();
  });

  it('refuses 0 without calling the backend', async () => {
    const user = userEvent.setup();
    renderWithProviders(<SettingsPage />);
    const input = screen.getByRole('textbox', { name: 'Blueprint limit' });
    await waitFor(() => expect(input).toHaveValue('10'));
    await user.clear(input);
    await user.type(input, '0');
    await user.click(screen.getAllByRole('button', { name: 'Save' })[1]);
    expect(screen.getByText('The limit must be between 1 and 1000.')).toBeInTheDocument();
    expect(save).not.toHaveBeenCalled();
  });
});
