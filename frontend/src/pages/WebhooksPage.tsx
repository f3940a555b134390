import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  Drawer,
  Group,
  Loader,
  Modal,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconList, IconPlus, IconSend, IconTrash, IconWebhook } from '@tabler/icons-react';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import {
  createWebhook,
  deleteWebhook,
  listWebhookDeliveries,
  listWebhooks,
  redeliverWebhook,
  testWebhook,
  toApiError,
  webhookEvents,
  type CreatedWebhook,
  type Webhook,
  type WebhookDelivery,
} from '../api';
import { PageHeader } from '../components/PageHeader';
import { ShownOnce } from '../components/ShownOnce';

/** Signed webhooks: receivers, a Test ping, and each one's delivery log. */
export function WebhooksPage() {
  const [hooks, setHooks] = useState<Webhook[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [log, setLog] = useState<Webhook | null>(null);
  const [removing, setRemoving] = useState<Webhook | null>(null);
  const [testing, setTesting] = useState<string | null>(null);

  const load = useCallback(() => {
    listWebhooks().then(
      (list) => {
        setHooks(list);
        setError(null);
      },
      (err: unknown) => setError(toApiError(err).message),
    );
  }, []);
  useEffect(load, [load]);

  const test = async (w: Webhook) => {
    setTesting(w.id);
    try {
      const a = await testWebhook(w.id);
      if (a.error) {
        notifications.show({ color: 'red', title: 'The ping was not delivered', message: a.error });
      } else {
        notifications.show({ color: 'teal', title: `Delivered: ${a.status} in ${a.latencyMs} ms`, message: a.excerpt.slice(0, 200) || 'The receiver answered with an empty body.' });
      }
    } catch (err) {
      notifications.show({ color: 'red', title: 'Test failed', message: toApiError(err).message });
    } finally {
      setTesting(null);
    }
  };

  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Integration Studio pushes playbook results and failures to these receivers, signed per Standard Webhooks, retried with backoff, and logged."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
            Add webhook
          </Button>
        }
      />
      {error && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="Could not load the webhooks" mb="md">
          {error}
        </Alert>
      )}
      {hooks === null && !error && <Loader size="sm" aria-label="Loading webhooks" />}
      {hooks?.length === 0 && (
        <Paper withBorder p="xl" radius="md">
          <Stack align="center" gap="xs">
            <IconWebhook size={28} />
            <Text fw={600}>No webhooks yet</Text>
            <Text size="sm" c="dimmed" ta="center" maw={480}>
              Add a receiver's https address (http is allowed for localhost), pick its events, and press Test to send a signed ping.
            </Text>
          </Stack>
        </Paper>
      )}
      {hooks && hooks.length > 0 && (
        <Table striped highlightOnHover data-testid="webhooks">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Receiver</Table.Th>
              <Table.Th>Events</Table.Th>
              <Table.Th>Signed</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {hooks.map((w) => (
              <Table.Tr key={w.id}>
                <Table.Td>
                  <Code>{w.url}</Code>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {w.events.map((e) => (
                      <Badge key={e} variant="light" size="sm">
                        {e}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{w.signed ? 'Yes' : 'No'}</Table.Td>
                <Table.Td>
                  {w.disabledReason ? (
                    <Tooltip label={w.disabledReason} multiline w={280}>
                      <Badge color="gray">Disabled</Badge>
                    </Tooltip>
                  ) : (
                    <Badge color="teal" variant="light">
                      Active
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap" justify="flex-end">
                    <Button size="xs" variant="default" leftSection={<IconSend size={14} />} loading={testing === w.id} onClick={() => void test(w)}>
                      Test
                    </Button>
                    <Tooltip label="Delivery log">
                      <ActionIcon variant="subtle" aria-label={`Delivery log of ${w.url}`} onClick={() => setLog(w)}>
                        <IconList size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label="Delete">
                      <ActionIcon variant="subtle" color="red" aria-label={`Delete ${w.url}`} onClick={() => setRemoving(w)}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <AddWebhookModal opened={adding} onClose={() => setAdding(false)} onAdded={load} />
      <DeliveryLog webhook={log} onClose={() => setLog(null)} />
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title="Delete webhook?">
        <Stack>
          <Text size="sm">
            <Code>{removing?.url}</Code> gets no more events; its delivery log and signing key (in the OS keyring) are deleted too.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>
              Cancel
            </Button>
            <Button
              color="red"
              onClick={() => {
                const w = removing;
                setRemoving(null);
                if (w) deleteWebhook(w.id).then(load, (err: unknown) => setError(toApiError(err).message));
              }}
            >
              Delete
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

type KeyChoice = 'generate' | 'paste' | 'none';

function AddWebhookModal({ opened, onClose, onAdded }: { opened: boolean; onClose: () => void; onAdded: () => void }) {
  const [events, setEvents] = useState<string[]>([]);
  const [url, setUrl] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [key, setKey] = useState<KeyChoice>('generate');
  const [pasted, setPasted] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedWebhook | null>(null);

  useEffect(() => {
    if (opened) webhookEvents().then((list) => {
      setEvents(list);
      setChosen(list);
    }, () => undefined);
  }, [opened]);

  const close = () => {
    setUrl('');
    setPasted('');
    setErrors({});
    setCreated(null);
    onClose();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      const c = await createWebhook({ url, events: chosen, signingKey: key === 'paste' ? pasted : '', generateKey: key === 'generate' });
      onAdded();
      if (c.signingKey) setCreated(c);
      else close();
    } catch (err) {
      const apiErr = toApiError(err);
      setErrors({ [apiErr.field ?? 'form']: apiErr.message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={created ? 'Give the receiver its signing key' : 'Add a webhook'} size="lg">
      {created ? (
        <ShownOnce value={created.signingKey} testId="new-signing-key" onDone={close}>
            The receiver verifies each delivery with this key (docs/webhooks.md shows how). It is kept in the OS keyring and not shown again.
        </ShownOnce>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              label="Receiver URL"
              description="https://… (http only for localhost, 127.0.0.1 and [::1])."
              value={url}
              onChange={(e) => setUrl(e.currentTarget.value)}
              error={errors.url}
              data-autofocus
            />
            <Checkbox.Group label="Events" value={chosen} onChange={setChosen} error={errors.events}>
              <Stack gap={6} mt={6}>
                {events.map((e) => (
                  <Checkbox key={e} value={e} label={e} />
                ))}
              </Stack>
            </Checkbox.Group>
            <Stack gap={6}>
              <Text size="sm" fw={500}>
                Signing key
              </Text>
              <SegmentedControl
                value={key}
                onChange={(v) => setKey(v as KeyChoice)}
                data={[
                  { value: 'generate', label: 'Generate' },
                  { value: 'paste', label: 'Paste' },
                  { value: 'none', label: 'None (unsigned)' },
                ]}
              />
              {key === 'paste' && (
                <TextInput aria-label="Signing key" placeholder="whsec_…" value={pasted} onChange={(e) => setPasted(e.currentTarget.value)} error={errors.signingKey} />
              )}
              {key !== 'paste' && errors.signingKey && (
                <Text c="red" size="sm">
                  {errors.signingKey}
                </Text>
              )}
            </Stack>
            {errors.form && (
              <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
                {errors.form}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={busy}>
                Add webhook
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

const STATUS_COLOR: Record<WebhookDelivery['status'], string> = { pending: 'yellow', delivered: 'teal', failed: 'red' };

function DeliveryLog({ webhook, onClose }: { webhook: Webhook | null; onClose: () => void }) {
  const [rows, setRows] = useState<WebhookDelivery[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    if (!webhook) return;
    listWebhookDeliveries(webhook.id).then(setRows, (err: unknown) => setError(toApiError(err).message));
  }, [webhook]);
  useEffect(() => {
    setRows(null);
    setError(null);
    load();
  }, [load]);
  return (
    <Drawer opened={webhook !== null} onClose={onClose} position="right" size="xl" title={`Deliveries to ${webhook?.url ?? ''}`}>
      {error && <Alert color="red">{error}</Alert>}
      {rows === null && !error && <Loader size="sm" />}
      {rows?.length === 0 && <Text c="dimmed">Nothing has been sent yet. Events queue here as playbooks run.</Text>}
      {rows && rows.length > 0 && (
        <Table data-testid="webhook-deliveries">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Event</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Attempts</Table.Th>
              <Table.Th>Last answer</Table.Th>
              <Table.Th>Next retry</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{d.event}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[d.status]} variant="light">
                    {d.status}
                  </Badge>
                </Table.Td>
                <Table.Td>{d.attempts}</Table.Td>
                <Table.Td>
                  <Text size="sm">{d.lastStatus ? `${d.lastStatus} · ${d.lastLatencyMs} ms` : '—'}</Text>
                  {d.lastError && (
                    <Text size="xs" c="red">
                      {d.lastError}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{d.nextAttemptAt ? d.nextAttemptAt.toLocaleString() : '—'}</Table.Td>
                <Table.Td>
                  {d.status !== 'pending' && (
                    <Button size="xs" variant="subtle" onClick={() => redeliverWebhook(d.id).then(load, (err: unknown) => setError(toApiError(err).message))}>
                      Redeliver
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Drawer>
  );
}
