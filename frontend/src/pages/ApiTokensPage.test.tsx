import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../api';
import { ApiError } from '../api/errors';
import { renderWithProviders } from '../test/render';
import { ApiTokensPage } from './ApiTokensPage';

vi.mock('../api', async () => (await import('../test/apiMock')).apiMock());

const m = vi.mocked(api);
const created = new Date('2026-11-24T10:00:00Z');
const VALUE = 'ist_' + 'A'.repeat(43) + 'abcdef';

beforeEach(() => {
  m.listApiTokens.mockResolvedValue([
    { id: 't1', name: 'Nightly sync', hint: 'ist_Ab3x…', createdAt: created, lastUsedAt: null, revokedAt: null },
  ]);
});

describe('API tokens', () => {
  it('lists tokens by hint, never by value', async () => {
    renderWithProviders(<ApiTokensPage />);
    const table = await screen.findByTestId('api-tokens');
    expect(within(table).getByText('Nightly sync')).toBeInTheDocument();
    expect(within(table).getByText('ist_Ab3x…')).toBeInTheDocument();
    expect(within(table).getByText('never')).toBeInTheDocument();
  });

  it('shows a new token once, with a warning, and forgets it on close', async () => {
    const user = userEvent.setup();
    m.createApiToken.mockResolvedValue({ id: 't2', name: 'CI', hint: 'ist_AAAA…', createdAt: created, lastUsedAt: null, revokedAt: null, value: VALUE });
    renderWithProviders(<ApiTokensPage />);
    await screen.findByTestId('api-tokens');
    await user.click(screen.getByRole('button', { name: 'Create token' }));
    await user.type(screen.getByRole('textbox', { name: /Name/ }), 'CI');
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Create token' }));
    expect(m.createApiToken).toHaveBeenCalledWith('CI');
    expect(await screen.findByTestId('new-token')).toHaveTextContent(VALUE);
    expect(screen.getByText('Shown only once')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByText(VALUE)).not.toBeInTheDocument());
  });

  it('shows the backend error on the name', async () => {
    const user = userEvent.setup();
    m.createApiToken.mockRejectedValue(new ApiError('conflict', 'A token named "CI" already exists; revoke it or pick another name.', 'name'));
    renderWithProviders(<ApiTokensPage />);
    await screen.findByTestId('api-tokens');
    await user.click(screen.getByRole('button', { name: 'Create token' }));
    await user.type(screen.getByRole('textbox', { name: /Name/ }), 'CI');
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Create token' }));
    expect(await screen.findByText(/already exists/)).toBeInTheDocument();
  });

  it('revokes after confirming', async () => {
    const user = userEvent.setup();
    m.revokeApiToken.mockResolvedValue({ id: 't1', name: 'Nightly sync', hint: 'ist_Ab3x…', createdAt: created, lastUsedAt: null, revokedAt: created });
    renderWithProviders(<ApiTokensPage />);
    await screen.findByTestId('api-tokens');
    await user.click(screen.getByRole('button', { name: 'Revoke Nightly sync' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Revoke' }));
    expect(m.revokeApiToken).toHaveBeenCalledWith('t1');
    expect(await screen.findByText('Token revoked')).toBeInTheDocument();
  });
});
