import { Alert, Badge, Button, Group, List, Modal, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconLock, IconRocket } from '@tabler/icons-react';
import { useState } from 'react';
import { finalizeIntegration, setIntegrationStatus, toApiError, type Integration, type IntegrationStatus } from '../../api';
import { authChoiceKey } from './form';
import type { StepProps } from './stepProps';

const STATUS_HELP: Record<IntegrationStatus, string> = {
  draft: 'Not finalized: still editable, not installable. A finalized integration cannot return to Draft.',
  published: 'Installable: configurations can be created for your organisations.',
  hidden: 'Not installable, still editable.',
};

function authLabel(props: StepProps, it: Integration): string {
  const grant = it.authDefaults.oauth2?.grant_type;
  return props.authChoices.find((c) => authChoiceKey(c.method, c.grant_type) === authChoiceKey(it.authMethod, grant))?.label ?? it.authMethod;
}

function paginationLabel(props: StepProps, it: Integration): string {
  return props.paginationTypes.find((t) => t.type === it.pagination.type)?.label ?? it.pagination.type;
}

/** The Status control: each choice goes to the backend, which refuses illegal transitions with the reason. */
export function StatusControl({ integration, onIntegration }: { integration: Integration; onIntegration: (it: Integration) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const change = async (status: string) => {
    if (status === integration.status) return;
    setBusy(true);
    try {
      onIntegration(await setIntegrationStatus(integration.id, status as IntegrationStatus));
      setError(null);
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap={6}>
      <SegmentedControl
        aria-label="Status"
        value={integration.status}
        onChange={(v) => void change(v)}
        disabled={busy}
        data={[
          { value: 'draft', label: 'Draft' },
          { value: 'published', label: 'Published' },
          { value: 'hidden', label: 'Hidden' },
        ]}
        data-testid="status-control"
      />
      <Text size="xs" c="dimmed">
        {STATUS_HELP[integration.status]}
      </Text>
      {error && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} data-testid="status-error" withCloseButton onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
    </Stack>
  );
}

export function FinalizeStep(props: StepProps) {
  const { integration: it, onIntegration } = props;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const finalized = it.finalizedAt !== null;

  const finalize = async () => {
    setBusy(true);
    try {
      onIntegration(await finalizeIntegration(it.id));
      setError(null);
      setConfirming(false);
    } catch (err) {
      setError(toApiError(err).message);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };

  const frozenRows: [string, string][] = [
    ['Hostname', it.hostname || '(none yet)'],
    ['Authentication method', authLabel(props, it)],
    ['Pagination type', paginationLabel(props, it)],
  ];

  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="md">
        <Title order={5} mb="sm">
          Summary
        </Title>
        <Table withRowBorders={false} verticalSpacing={4} data-testid="finalize-summary">
          <Table.Tbody>
            <Table.Tr>
              <Table.Td w={220} c="dimmed">
                Name
              </Table.Td>
              <Table.Td>{it.name}</Table.Td>
            </Table.Tr>
            {frozenRows.map(([k, v]) => (
              <Table.Tr key={k}>
                <Table.Td c="dimmed">{k}</Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    <Text size="sm" ff={k === 'Hostname' ? 'monospace' : undefined}>
                      {v}
                    </Text>
                    {finalized && <IconLock size={14} aria-label="read-only" />}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td c="dimmed">Actions</Table.Td>
              <Table.Td>{it.actionCount}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Paper>

      {finalized ? (
        <Alert color="teal" variant="light" icon={<IconLock size={18} />} title="Finalized" data-testid="finalized-note">
          Hostname, authentication method and pagination type are read-only now. Name, description, icon, auth defaults,
          pagination details and actions stay editable.
        </Alert>
      ) : (
        <Paper withBorder radius="md" p="md">
          <Title order={5}>Finalize</Title>
          <Text size="sm" c="dimmed" mt={4} mb="sm">
            Finalize when all the actions you need are here. It locks the hostname, authentication method and pagination
            type, and the integration can then be published.
          </Text>
          {error && (
            <Alert color="red" variant="light" mb="sm" icon={<IconAlertCircle size={18} />} data-testid="finalize-error">
              {error}
            </Alert>
          )}
          <Button leftSection={<IconRocket size={16} />} onClick={() => setConfirming(true)} data-testid="finalize">
            Finalize…
          </Button>
        </Paper>
      )}

      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" mb="xs">
          <Title order={5}>Status</Title>
          <Badge variant="light">{it.status}</Badge>
        </Group>
        <StatusControl integration={it} onIntegration={onIntegration} />
      </Paper>

      <Modal opened={confirming} onClose={() => !busy && setConfirming(false)} title="Finalize this integration?" centered size="lg">
        <Stack gap="sm">
          <Text size="sm">These become read-only and can never change again:</Text>
          <List size="sm" spacing={4} data-testid="finalize-readonly">
            {frozenRows.map(([k, v]) => (
              <List.Item key={k}>
                <b>{k}</b>: {v}
              </List.Item>
            ))}
          </List>
          <Text size="sm">
            The integration moves from Draft to Hidden and can never return to Draft. Publish it when it should be
            installable.
          </Text>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={() => setConfirming(false)} disabled={busy}>
              Cancel
            </Button>
            <Button color="orange" onClick={() => void finalize()} loading={busy} data-testid="confirm-finalize">
              Finalize
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
