import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../api';
import { ApiError } from '../api/errors';
import { renderWithProviders } from '../test/render';
import { WebhooksPage } from './WebhooksPage';

vi.mock('../api', async () => (await import('../test/apiMock')).apiMock());

const m = vi.mocked(api);
const EVENTS = ['playbook.run.completed', 'playbook.record', 'action.run.failed', 'ping'];
const hook = { id: 'w1', url: 'https://hooks.example.com/in', events: ['ping'], signed: true, disabledReason: '', createdAt: new Date() };

beforeEach(() => {
  m.webhookEvents.mockResolvedValue(EVENTS);
  m.listWebhooks.mockResolvedValue([hook]);
});

describe('Webhooks', () => {
  it('adds a webhook with a generated key shown once', async () => {
    const user = userEvent.setup();
    m.createWebhook.mockResolvedValue({ ...hook, id: 'w2', signingKey: 'whsec_c2VjcmV0LWtleS1ieXRlcy1mb3ItdGVzdHMtMTIzNA==' });
    renderWithProviders(<WebhooksPage />);
    await screen.findByTestId('webhooks');
    await user.click(screen.getByRole('button', { name: 'Add webhook' }));
    await user.type(screen.getByRole('textbox', { name: /Receiver URL/ }), 'https://hooks.example.com/in');
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Add webhook' }));
    expect(m.createWebhook).toHaveBeenCalledWith({ url: 'https://hooks.example.com/in', events: EVENTS, signingKey: '', generateKey: true });
    expect(await screen.findByTestId('new-signing-key')).toHaveTextContent('whsec_');
  });

  it('shows the URL error on its field', async () => {
    const user = userEvent.setup();
    m.createWebhook.mockRejectedValue(new ApiError('invalid', 'Webhooks go over https.', 'url'));
    renderWithProviders(<WebhooksPage />);
    await screen.findByTestId('webhooks');
    await user.click(screen.getByRole('button', { name: 'Add webhook' }));
    await user.type(screen.getByRole('textbox', { name: /Receiver URL/ }), 'http://hooks.example.com');
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Add webhook' }));
    expect(await screen.findByText('Webhooks go over https.')).toBeInTheDocument();
  });

  it('tests a webhook and shows the answer', async () => {
    const user = userEvent.setup();
    m.testWebhook.mockResolvedValue({ status: 200, latencyMs: 12, excerpt: 'ok', error: '' });
    renderWithProviders(<WebhooksPage />);
    await screen.findByTestId('webhooks');
    await user.click(screen.getByRole('button', { name: 'Test' }));
    expect(m.testWebhook).toHaveBeenCalledWith('w1');
    expect(await screen.findByText('Delivered: 200 in 12 ms')).toBeInTheDocument();
  });

  it('shows the delivery log and redelivers a failed one', async () => {
    const user = userEvent.setup();
    m.listWebhookDeliveries.mockResolvedValue([
      { id: 'd1', event: 'playbook.record', messageId: 'msg_1', status: 'failed', attempts: 5, lastStatus: 500, lastError: 'The receiver answered 500 Internal Server Error.', lastLatencyMs: 40, nextAttemptAt: null, createdAt: new Date() },
    ]);
    m.redeliverWebhook.mockResolvedValue(undefined);
    renderWithProviders(<WebhooksPage />);
    await screen.findByTestId('webhooks');
    await user.click(screen.getByRole('button', { name: `Delivery log of ${hook.url}` }));
    const log = await screen.findByTestId('webhook-deliveries');
    expect(within(log).getByText('The receiver answered 500 Internal Server Error.')).toBeInTheDocument();
    await user.click(within(log).getByRole('button', { name: 'Redeliver' }));
    expect(m.redeliverWebhook).toHaveBeenCalledWith('d1');
  });
});
