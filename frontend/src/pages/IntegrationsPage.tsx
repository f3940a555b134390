import { Alert, Anchor, Button, EmptyState, Group, Paper, Skeleton, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconFileImport, IconPackageImport, IconPlug, IconPlus, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import type { Integration, IntegrationSummary } from '../api';
import { useBundleImport } from '../components/bundles/BundleImport';
import { IntegrationIcon } from '../components/IntegrationIcon';
import { NewIntegrationModal } from '../components/NewIntegrationModal';
import { PageHeader } from '../components/PageHeader';
import { RelativeTime } from '../components/RelativeTime';
import { StatusBadge } from '../components/StatusBadge';
import { hrefFor, useRoute } from '../lib/router';
import { useNow } from '../lib/time';
import { useIntegrations } from '../state/integrations';

function NewIntegrationButton({ onClick }: { onClick: () => void }) {
  return (
    <Button leftSection={<IconPlus size={18} />} onClick={onClick} data-testid="new-integration">
      New integration
    </Button>
  );
}

function ImportButton({ onClick }: { onClick: () => void }) {
  return (
    <Button variant="default" leftSection={<IconFileImport size={18} />} onClick={onClick} data-testid="import-openapi">
      Import OpenAPI
    </Button>
  );
}

function ImportBundleButton({ onClick }: { onClick: () => void }) {
  return (
    <Button variant="default" leftSection={<IconPackageImport size={18} />} onClick={onClick} data-testid="import-bundle">
      Import bundle
    </Button>
  );
}

export function IntegrationsPage() {
  const [, navigate] = useRoute();
  const openImport = () => navigate('import');
  const integrations = useIntegrations();
  const bundles = useBundleImport();
  const importBundle = () => void bundles.pick();
  const [modalOpen, setModalOpen] = useState(false);
  const open = () => setModalOpen(true);

  const isEmpty = integrations.status === 'ready' && integrations.items.length === 0;
  // The header button shows once there is a list to add to; in the empty
  // state the call to action lives in the panel instead. Either way exactly
  // one "New integration" button is on screen, and it does not jump away
  // when the first load finishes.
  const headerButton = integrations.items.length > 0;

  const onCreated = (created: Integration) => {
    notifications.show({
      color: 'teal',
      title: 'Integration created',
      message: `"${created.name}" was added as a draft. Set it up step by step.`,
    });
    navigate('integration', created.id);
  };

  let body;
  if (integrations.status === 'loading' && integrations.items.length === 0) {
    body = <LoadingTable />;
  } else if (integrations.status === 'error') {
    body = (
      <Alert
        color="red"
        variant="light"
        icon={<IconAlertCircle size={20} />}
        title="Could not load integrations"
        data-testid="integrations-error"
      >
        <Text size="sm" mb="sm">
          {integrations.error.message}
        </Text>
        <Button
          size="xs"
          variant="light"
          color="red"
          leftSection={<IconRefresh size={14} />}
          onClick={() => void integrations.reload()}
        >
          Retry
        </Button>
      </Alert>
    );
  } else if (isEmpty) {
    body = (
      <Paper withBorder radius="lg" p="xl" data-testid="integrations-empty">
        <EmptyState
          py="lg"
          variant="light"
          icon={<IconPlug size={28} />}
          title="No integrations yet"
          description="An integration describes one vendor's API: its host, how to sign in, and the actions a workflow can call. Import an OpenAPI or Swagger file, import a bundle a colleague exported, or create one by hand; it stays a draft until you publish it."
        >
          <EmptyState.Actions>
            <ImportBundleButton onClick={importBundle} />
            <ImportButton onClick={openImport} />
            <NewIntegrationButton onClick={open} />
          </EmptyState.Actions>
        </EmptyState>
      </Paper>
    );
  } else {
    body = <IntegrationsTable items={integrations.items} />;
  }

  return (
    <>
      <PageHeader
        title="Integrations"
        description="Custom integrations for vendor APIs, ready to publish to your workflow builders."
        actions={
          headerButton ? (
            <>
              <ImportBundleButton onClick={importBundle} />
              <ImportButton onClick={openImport} />
              <NewIntegrationButton onClick={open} />
            </>
          ) : undefined
        }
      />
      {body}
      <NewIntegrationModal
        opened={modalOpen}
        onClose={() => setModalOpen(false)}
        onCreate={integrations.create}
        onCreated={onCreated}
      />
    </>
  );
}

function IntegrationsTable({ items }: { items: IntegrationSummary[] }) {
  const now = useNow();
  return (
    <Paper withBorder radius="lg" style={{ overflow: 'hidden' }}>
      <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover data-testid="integrations-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th w={130}>Status</Table.Th>
            <Table.Th w={100} ta="right">
              Actions
            </Table.Th>
            <Table.Th w={160}>Updated</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((it) => (
            <Table.Tr
              key={it.id}
              data-testid="integration-row"
              data-id={it.id}
              style={{ cursor: 'pointer' }}
              onClick={() => (window.location.hash = hrefFor('integration', it.id))}
            >
              <Table.Td>
                <Group gap="sm" wrap="nowrap">
                  <IntegrationIcon svg={it.iconSvg} />
                  <Anchor
                    href={hrefFor('integration', it.id)}
                    fw={500}
                    size="sm"
                    c="inherit"
                    underline="hover"
                    onClick={(e) => e.stopPropagation()}
                    data-testid="integration-link"
                  >
                    {it.name}
                  </Anchor>
                </Group>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={it.status} />
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm" ff="monospace" aria-label={`${it.actionCount} actions`}>
                  {it.actionCount}
                </Text>
              </Table.Td>
              <Table.Td>
                <RelativeTime date={it.updatedAt} now={now} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function LoadingTable() {
  return (
    <Paper withBorder radius="lg" p="md" data-testid="integrations-loading" aria-busy="true" aria-label="Loading integrations">
      {[0, 1, 2].map((i) => (
        <Group key={i} gap="md" py="sm" wrap="nowrap">
          <Skeleton height={32} circle />
          <Skeleton height={12} width="35%" radius="xl" />
          <Skeleton height={20} width={70} radius="sm" ml="auto" />
          <Skeleton height={12} width={90} radius="xl" />
        </Group>
      ))}
    </Paper>
  );
}
