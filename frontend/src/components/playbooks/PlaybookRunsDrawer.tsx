import { Alert, Button, Drawer, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconPlayerPlay } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { listPlaybookRuns, runPlaybook, toApiError, type Blueprint, type Playbook, type PlaybookResult } from '../../api';
import { formatExact } from '../../lib/time';
import { countsText, RunResultView, RunStatusBadge } from './RunResult';

/** A playbook's runs: Run now, the run on screen with its records, and the kept runs. */
export function PlaybookRunsDrawer({
  playbook,
  blueprints,
  source,
  autoRun,
  onClose,
  onRan,
}: {
  playbook: Playbook | null;
  blueprints: Blueprint[];
  /** "Helpdesk · List tickets" */
  source: string;
  /** Run as soon as the drawer opens (the list's Run now). */
  autoRun: boolean;
  onClose: () => void;
  onRan: (playbookId: string, result: PlaybookResult) => void;
}) {
  return (
    <Drawer
      opened={playbook !== null}
      onClose={onClose}
      position="right"
      size="min(1040px, 94vw)"
      title={<Text fw={600}>{playbook ? `Runs of ${playbook.name}` : 'Runs'}</Text>}
      closeButtonProps={{ 'aria-label': 'Close the runs' }}
    >
      {playbook && <Runs key={playbook.id} playbook={playbook} blueprints={blueprints} source={source} autoRun={autoRun} onRan={onRan} />}
    </Drawer>
  );
}

function Runs({
  playbook,
  blueprints,
  source,
  autoRun,
  onRan,
}: {
  playbook: Playbook;
  blueprints: Blueprint[];
  source: string;
  autoRun: boolean;
  onRan: (playbookId: string, result: PlaybookResult) => void;
}) {
  const [runs, setRuns] = useState<PlaybookResult[] | null>(null);
  const [selected, setSelected] = useState<PlaybookResult | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState('');
  const [loadError, setLoadError] = useState('');

  const reload = useCallback(
    () =>
      listPlaybookRuns(playbook.id).then(
        (list) => {
          setRuns(list);
          setLoadError('');
          return list;
        },
        (err) => {
          setLoadError(toApiError(err).message);
          setRuns([]);
          return [] as PlaybookResult[];
        },
      ),
    [playbook.id],
  );

  const runNow = useCallback(async () => {
    setRunning(true);
    setError('');
    try {
      const result = await runPlaybook(playbook.id);
      setSelected(result);
      onRan(playbook.id, result);
      void reload();
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setRunning(false);
    }
  }, [playbook.id, onRan, reload]);

  // Once per opened playbook: React's StrictMode runs effects twice in development, and a
  // second Run now would send the action again.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (autoRun) {
      void reload();
      void runNow();
    } else {
      void reload().then((list) => setSelected((s) => s ?? list[0] ?? null));
    }
  }, [playbook.id]);

  const connected = playbook.blueprints.map((id) => blueprints.find((b) => b.id === id)).filter((b): b is Blueprint => !!b);

  return (
    <Stack gap="lg" data-testid="playbook-runs">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Text size="sm" c="dimmed">
            {source}
          </Text>
          <Text size="sm" c="dimmed">
            Maps into {connected.map((b) => b.name).join(', ') || 'no blueprint'}
          </Text>
        </div>
        <Button leftSection={<IconPlayerPlay size={16} />} loading={running} onClick={() => void runNow()} data-testid="run-now">
          Run now
        </Button>
      </Group>

      {error && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="Did not run" data-testid="run-error">
          {error}
        </Alert>
      )}
      {selected && (
        <Stack gap="xs">
          <Text size="xs" c="dimmed">
            {runs?.[0]?.id === selected.id || !runs ? 'Latest run' : 'Past run'} · {formatExact(selected.startedAt)}
          </Text>
          <RunResultView result={selected} blueprints={connected} />
        </Stack>
      )}
      {!selected && !running && runs?.length === 0 && !error && (
        <Text size="sm" c="dimmed" data-testid="runs-empty">
          Not run yet. Run now sends the action with its pagination and maps every item.
        </Text>
      )}

      <Stack gap="xs">
        <Title order={4}>Past runs</Title>
        {loadError && (
          <Text size="sm" c="red">
            {loadError}
          </Text>
        )}
        {runs && runs.length === 0 && !loadError && (
          <Text size="sm" c="dimmed">
            None kept yet.
          </Text>
        )}
        {runs && runs.length > 0 && (
          <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
            <Table highlightOnHover verticalSpacing="xs" horizontalSpacing="md" aria-label="Past runs" data-testid="past-runs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th w={130}>Status</Table.Th>
                  <Table.Th>Counts</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {runs.map((r) => (
                  <Table.Tr
                    key={r.id}
                    onClick={() => setSelected(r)}
                    style={{ cursor: 'pointer' }}
                    bg={selected?.id === r.id ? 'var(--mantine-primary-color-light)' : undefined}
                    aria-selected={selected?.id === r.id}
                    data-testid="past-run"
                  >
                    <Table.Td>
                      <Text size="sm">{formatExact(r.startedAt)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <RunStatusBadge status={r.status} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        {countsText(r)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
      </Stack>
    </Stack>
  );
}
