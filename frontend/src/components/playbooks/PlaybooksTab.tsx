import { ActionIcon, Alert, Badge, Button, CloseButton, EmptyState, Group, Modal, Paper, Skeleton, Stack, Switch, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconBook2, IconHistory, IconPencil, IconPlayerPlay, IconPlus, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import {
  deletePlaybook,
  listActions,
  listBlueprints,
  listPlaybookRuns,
  listPlaybooks,
  setPlaybookEnabled,
  toApiError,
  type ApiError,
  type Blueprint,
  type IntegrationSummary,
  type Playbook,
  type PlaybookResult,
} from '../../api';
import { RelativeTime } from '../RelativeTime';
import { useNow } from '../../lib/time';
import { PlaybookDrawer } from './PlaybookDrawer';
import { PlaybookRunsDrawer } from './PlaybookRunsDrawer';
import { RunStatusBadge } from './RunResult';

type ListState = { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; items: Playbook[] };

/** The workspace's playbooks: list with enable switches and last runs, create/edit, run, delete. */
export function PlaybooksTab({ integrations }: { integrations: IntegrationSummary[] }) {
  const now = useNow();
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const [blueprints, setBlueprints] = useState<Blueprint[]>([]);
  const [lastRuns, setLastRuns] = useState<Record<string, PlaybookResult | null>>({});
  const [actionNames, setActionNames] = useState<Record<string, string>>({});
  const [editing, setEditing] = useState<Playbook | 'new' | null>(null);
  const [runsOf, setRunsOf] = useState<{ playbook: Playbook; autoRun: boolean } | null>(null);
  const [deleting, setDeleting] = useState<Playbook | null>(null);
  const [removing, setRemoving] = useState(false);
  const [toggling, setToggling] = useState<string | null>(null);
  const [enableError, setEnableError] = useState<{ name: string; message: string } | null>(null);

  const reload = useCallback(async () => {
    const [pbs, bps] = await Promise.allSettled([listPlaybooks(), listBlueprints()]);
    if (bps.status === 'fulfilled') setBlueprints(bps.value);
    if (pbs.status === 'rejected') {
      setList({ status: 'error', error: toApiError(pbs.reason) });
      return;
    }
    const items = pbs.value;
    setList({ status: 'ready', items });
    const runs = await Promise.all(items.map((p) => listPlaybookRuns(p.id).then((r) => [p.id, r[0] ?? null] as const, () => [p.id, null] as const)));
    setLastRuns(Object.fromEntries(runs));
    const ids = [...new Set(items.map((p) => p.integrationId).filter((id) => id !== ''))];
    const pages = await Promise.all(
      ids.map((id) => listActions(id, { search: '', method: '', tag: '', paginated: '', offset: 0, limit: 1000 }).then((p) => p.actions, () => [])),
    );
    setActionNames(Object.fromEntries(pages.flat().map((a) => [a.id, a.name || a.operationId || `${a.method} ${a.path}`])));
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  const integrationNames = new Map(integrations.map((i) => [i.id, i.name]));
  const blueprintNames = new Map(blueprints.map((b) => [b.id, b.name]));
  const sourceOf = (p: Playbook) =>
    `${integrationNames.get(p.integrationId) ?? 'Unknown integration'} · ${actionNames[p.actionId] ?? (p.actionId ? 'action' : 'no action')}`;
  const replace = (p: Playbook) => setList((l) => (l.status === 'ready' ? { status: 'ready', items: l.items.map((x) => (x.id === p.id ? p : x)) } : l));

  async function toggle(p: Playbook, on: boolean) {
    setToggling(p.id);
    setEnableError(null);
    try {
      replace(await setPlaybookEnabled(p.id, on));
    } catch (err) {
      setEnableError({ name: p.name, message: toApiError(err).message });
    } finally {
      setToggling(null);
    }
  }

  async function remove(p: Playbook) {
    setRemoving(true);
    try {
      await deletePlaybook(p.id);
      setDeleting(null);
      notifications.show({ color: 'teal', message: `Deleted the playbook “${p.name}” and its runs` });
      await reload();
    } catch (err) {
      notifications.show({ color: 'red', title: `Could not delete “${p.name}”`, message: toApiError(err).message, autoClose: 10_000 });
    } finally {
      setRemoving(false);
    }
  }

  const onRan = useCallback((id: string, result: PlaybookResult) => setLastRuns((r) => ({ ...r, [id]: result })), []);

  const items = list.status === 'ready' ? list.items : [];
  const createButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="create-playbook">
      Create playbook
    </Button>
  );

  return (
    <Stack gap="md" data-testid="playbooks">
      <Group justify="space-between" align="center" wrap="nowrap">
        <Text size="sm" c="dimmed" maw={620}>
          A playbook runs an action and turns every item it returns into records shaped by its blueprints.
        </Text>
        <Group gap="sm" wrap="nowrap">
          <Tooltip label="Refresh" withArrow>
            <ActionIcon variant="default" size="lg" aria-label="Refresh playbooks" onClick={() => void reload()}>
              <IconRefresh size={16} />
            </ActionIcon>
          </Tooltip>
          {items.length > 0 && createButton}
        </Group>
      </Group>

      {enableError && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertCircle size={18} />}
          title={`“${enableError.name}” was not enabled`}
          data-testid="enable-error"
          withCloseButton={false}
        >
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Text size="sm">{enableError.message}</Text>
            <CloseButton size="sm" aria-label="Dismiss" onClick={() => setEnableError(null)} />
          </Group>
        </Alert>
      )}

      {list.status === 'loading' && (
        <Stack gap="sm" data-testid="playbooks-loading">
          <Skeleton h={52} radius="md" />
          <Skeleton h={52} radius="md" />
        </Stack>
      )}
      {list.status === 'error' && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="Could not load playbooks" data-testid="playbooks-error">
          <Text size="sm" mb="sm">
            {list.error.message}
          </Text>
          <Button size="xs" variant="light" color="red" onClick={() => void reload()}>
            Try again
          </Button>
        </Alert>
      )}
      {list.status === 'ready' && items.length === 0 && (
        <Paper withBorder radius="lg" p="xl" data-testid="playbooks-empty">
          <EmptyState
            py="lg"
            variant="light"
            icon={<IconBook2 size={28} />}
            title="No playbooks yet"
            description="Pick an action, connect up to five blueprints and map each field to a JSONPath, a constant or a template. Run it to get records."
          >
            <EmptyState.Actions>{createButton}</EmptyState.Actions>
          </EmptyState>
        </Paper>
      )}
      {items.length > 0 && (
        <Paper withBorder radius="lg" style={{ overflow: 'hidden' }}>
          <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover data-testid="playbooks-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th w={110}>Enabled</Table.Th>
                <Table.Th>Blueprints</Table.Th>
                <Table.Th w={210}>Last run</Table.Th>
                <Table.Th w={150} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => {
                const last = lastRuns[p.id];
                return (
                  <Table.Tr key={p.id} data-testid="playbook-row">
                    <Table.Td>
                      <Text fw={600} size="sm">
                        {p.name}
                      </Text>
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {sourceOf(p)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Switch
                        checked={p.enabled}
                        disabled={toggling === p.id}
                        onChange={(e) => void toggle(p, e.currentTarget.checked)}
                        aria-label={`Enable ${p.name}`}
                        data-testid="playbook-enabled"
                      />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {p.blueprints.map((id) => (
                          <Badge key={id} variant="light" radius="sm" color="violet" tt="none">
                            {blueprintNames.get(id) ?? 'Unknown'}
                          </Badge>
                        ))}
                        {p.blueprints.length === 0 && (
                          <Text size="sm" c="dimmed">
                            —
                          </Text>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {last ? (
                        <Group gap={6} wrap="nowrap" data-testid="last-run">
                          <RunStatusBadge status={last.status} />
                          <RelativeTime date={last.startedAt} now={now} />
                        </Group>
                      ) : (
                        <Text size="sm" c="dimmed">
                          Never run
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Tooltip label="Run now" withArrow>
                          <ActionIcon
                            variant="subtle"
                            color="teal"
                            aria-label={`Run ${p.name} now`}
                            onClick={() => setRunsOf({ playbook: p, autoRun: true })}
                            data-testid="playbook-run"
                          >
                            <IconPlayerPlay size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label="Runs" withArrow>
                          <ActionIcon variant="subtle" aria-label={`Runs of ${p.name}`} onClick={() => setRunsOf({ playbook: p, autoRun: false })}>
                            <IconHistory size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label="Edit" withArrow>
                          <ActionIcon variant="subtle" aria-label={`Edit ${p.name}`} onClick={() => setEditing(p)} data-testid="playbook-edit">
                            <IconPencil size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label="Delete" withArrow>
                          <ActionIcon variant="subtle" color="red" aria-label={`Delete ${p.name}`} onClick={() => setDeleting(p)}>
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

      <PlaybookDrawer
        editing={editing}
        integrations={integrations}
        blueprints={blueprints}
        onClose={() => setEditing(null)}
        onSaved={(p, created) => {
          setEditing(null);
          notifications.show({ color: 'teal', message: created ? `Created the playbook “${p.name}”` : `Saved the playbook “${p.name}”` });
          void reload();
        }}
      />
      <PlaybookRunsDrawer
        playbook={runsOf?.playbook ?? null}
        autoRun={runsOf?.autoRun ?? false}
        blueprints={blueprints}
        source={runsOf ? sourceOf(runsOf.playbook) : ''}
        onClose={() => setRunsOf(null)}
        onRan={onRan}
      />
      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title={<Text fw={600}>Delete playbook</Text>} centered>
        {deleting && (
          <Stack gap="md">
            <Text size="sm">Delete “{deleting.name}” and the runs it kept? This cannot be undone.</Text>
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setDeleting(null)}>
                Cancel
              </Button>
              <Button color="red" loading={removing} onClick={() => void remove(deleting)} data-testid="confirm-delete-playbook">
                Delete
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
