import { ActionIcon, Alert, Button, EmptyState, Group, Modal, Paper, Skeleton, Stack, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconPencil, IconPlus, IconRefresh, IconSparkles, IconTemplate, IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { deleteBlueprint, listBlueprints, toApiError, type ApiError, type Blueprint, type IntegrationSummary } from '../../api';
import { BlueprintDrawer, type BlueprintDraft } from './BlueprintDrawer';
import { GenerateBlueprintModal } from './GenerateBlueprintModal';

type ListState = { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; items: Blueprint[] };

/** The workspace's blueprints: list, create by hand or from an action, edit, delete. */
export function BlueprintsTab({ integrations, onChanged }: { integrations: IntegrationSummary[]; onChanged?: () => void }) {
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const [draft, setDraft] = useState<BlueprintDraft | null>(null);
  const [generating, setGenerating] = useState(false);
  const [deleting, setDeleting] = useState<Blueprint | null>(null);
  const [deleteError, setDeleteError] = useState('');
  const [removing, setRemoving] = useState(false);

  const reload = useCallback(
    () =>
      listBlueprints().then(
        (items) => setList({ status: 'ready', items }),
        (err) => setList({ status: 'error', error: toApiError(err) }),
      ),
    [],
  );
  useEffect(() => {
    void reload();
  }, [reload]);

  const names = new Map(integrations.map((i) => [i.id, i.name]));

  async function remove(b: Blueprint) {
    setRemoving(true);
    setDeleteError('');
    try {
      await deleteBlueprint(b.id);
      setDeleting(null);
      notifications.show({ color: 'teal', message: `Deleted the blueprint “${b.name}”` });
      await reload();
      onChanged?.();
    } catch (err) {
      setDeleteError(toApiError(err).message);
    } finally {
      setRemoving(false);
    }
  }

  const items = list.status === 'ready' ? list.items : [];
  const buttons = (
    <>
      <Button variant="default" leftSection={<IconSparkles size={16} />} onClick={() => setGenerating(true)} data-testid="generate-from-action">
        Generate from an action
      </Button>
      <Button leftSection={<IconPlus size={16} />} onClick={() => setDraft({ kind: 'new' })} data-testid="create-blueprint">
        Create blueprint
      </Button>
    </>
  );

  return (
    <Stack gap="md" data-testid="blueprints">
      <Group justify="space-between" align="center" wrap="nowrap">
        <Text size="sm" c="dimmed" maw={620}>
          A blueprint is a container of data fields: the shape of the records a playbook produces.
        </Text>
        <Group gap="sm" wrap="nowrap">
          <Tooltip label="Refresh" withArrow>
            <ActionIcon variant="default" size="lg" aria-label="Refresh blueprints" onClick={() => void reload()}>
              <IconRefresh size={16} />
            </ActionIcon>
          </Tooltip>
          {items.length > 0 && buttons}
        </Group>
      </Group>

      {list.status === 'loading' && (
        <Stack gap="sm" data-testid="blueprints-loading">
          <Skeleton h={52} radius="md" />
          <Skeleton h={52} radius="md" />
        </Stack>
      )}
      {list.status === 'error' && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="Could not load blueprints" data-testid="blueprints-error">
          <Text size="sm" mb="sm">
            {list.error.message}
          </Text>
          <Button size="xs" variant="light" color="red" onClick={() => void reload()}>
            Try again
          </Button>
        </Alert>
      )}
      {list.status === 'ready' && items.length === 0 && (
        <Paper withBorder radius="lg" p="xl" data-testid="blueprints-empty">
          <EmptyState
            py="lg"
            variant="light"
            icon={<IconTemplate size={28} />}
            title="No blueprints yet"
            description="Create one by hand, or let Integration Studio propose one from what an action returns: one field per property of its response items."
          >
            <EmptyState.Actions>{buttons}</EmptyState.Actions>
          </EmptyState>
        </Paper>
      )}
      {items.length > 0 && (
        <Paper withBorder radius="lg" style={{ overflow: 'hidden' }}>
          <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover data-testid="blueprints-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th w={150} ta="right">
                  Fields
                </Table.Th>
                <Table.Th w={220}>Linked integration</Table.Th>
                <Table.Th w={96} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((b) => {
                const required = b.fields.filter((f) => f.mappingRequired).length;
                return (
                  <Table.Tr key={b.id} data-testid="blueprint-row">
                    <Table.Td>
                      <Text fw={600} size="sm">
                        {b.name}
                      </Text>
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {b.description}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm">{b.fields.length}</Text>
                      {required > 0 && (
                        <Text size="xs" c="dimmed">
                          {required} required
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {b.integrationId ? (
                        <Text size="sm" lineClamp={1}>
                          {names.get(b.integrationId) ?? 'Unknown integration'}
                        </Text>
                      ) : (
                        <Text size="sm" c="dimmed">
                          —
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Tooltip label="Edit" withArrow>
                          <ActionIcon variant="subtle" aria-label={`Edit ${b.name}`} onClick={() => setDraft({ kind: 'edit', blueprint: b })}>
                            <IconPencil size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label="Delete" withArrow>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={`Delete ${b.name}`}
                            onClick={() => {
                              setDeleteError('');
                              setDeleting(b);
                            }}
                          >
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Paper>
      )}

      <BlueprintDrawer
        draft={draft}
        integrations={integrations}
        onClose={() => setDraft(null)}
        onSaved={(b, created) => {
          setDraft(null);
          notifications.show({ color: 'teal', message: created ? `Created the blueprint “${b.name}”` : `Saved the blueprint “${b.name}”` });
          void reload();
          onChanged?.();
        }}
      />
      <GenerateBlueprintModal
        opened={generating}
        integrations={integrations}
        onClose={() => setGenerating(false)}
        onProposal={(proposal) => {
          setGenerating(false);
          setDraft({ kind: 'proposal', proposal });
        }}
      />
      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title={<Text fw={600}>Delete blueprint</Text>} centered>
        {deleting && (
          <Stack gap="md" data-testid="delete-blueprint">
            <Text size="sm">
              Delete “{deleting.name}” and its {deleting.fields.length} field{deleting.fields.length === 1 ? '' : 's'}? This cannot be undone.
            </Text>
            {deleteError && (
              <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="Not deleted" data-testid="delete-blueprint-error">
                {deleteError}
              </Alert>
            )}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setDeleting(null)}>
                Cancel
              </Button>
              <Button color="red" loading={removing} onClick={() => void remove(deleting)} data-testid="confirm-delete-blueprint">
                Delete
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
