import { Alert, Badge, Button, Center, Checkbox, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowsDiff, IconX } from '@tabler/icons-react';
import { lazy, Suspense, useEffect, useState } from 'react';
import { getRun, listRuns, toApiError, type Configuration, type Run, type RunSummary } from '../../api';
import { RelativeTime } from '../RelativeTime';
import { formatExact, useNow } from '../../lib/time';

const RunCompare = lazy(() => import('./RunCompare'));

export interface HistoryViewProps {
  integrationId: string;
  actionId: string;
  configurations: Configuration[];
  /** Changes after every run, so the list is fetched again. */
  refreshKey: number;
  /** The run shown in the result view, marked in the list. */
  currentId: string | null;
  onOpen: (run: Run) => void;
}

export function configurationName(id: string, configurations: Configuration[]): string {
  if (id === '') return 'No configuration';
  return configurations.find((c) => c.id === id)?.name ?? 'Deleted configuration';
}

/**
 * The action's last runs (kept by the backend, newest first). A click opens a run in the result
 * view; ticking two compares their items side by side.
 */
export function HistoryView({ integrationId, actionId, configurations, refreshKey, currentId, onOpen }: HistoryViewProps) {
  const now = useNow();
  const [runs, setRuns] = useState<RunSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [opening, setOpening] = useState<string | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [compare, setCompare] = useState<{ a: Run; b: Run } | null>(null);
  const [comparing, setComparing] = useState(false);

  useEffect(() => {
    let live = true;
    listRuns(integrationId, actionId).then(
      (r) => {
        if (!live) return;
        setRuns(r);
        setError(null);
        setPicked((p) => p.filter((id) => r.some((x) => x.id === id)));
      },
      (err) => live && setError(toApiError(err).message),
    );
    return () => {
      live = false;
    };
  }, [integrationId, actionId, refreshKey]);

  async function open(id: string) {
    setOpening(id);
    setError(null);
    try {
      onOpen(await getRun(integrationId, id));
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setOpening(null);
    }
  }

  function toggle(id: string, on: boolean) {
    setCompare(null);
    setPicked((p) => (on ? [...p.filter((x) => x !== id), id].slice(-2) : p.filter((x) => x !== id)));
  }

  async function startCompare() {
    if (picked.length !== 2 || !runs) return;
    // Older on the left.
    const [older, newer] = [...picked].sort(
      (x, y) => (runs.find((r) => r.id === x)?.startedAt.getTime() ?? 0) - (runs.find((r) => r.id === y)?.startedAt.getTime() ?? 0),
    );
    setComparing(true);
    setError(null);
    try {
      const [a, b] = await Promise.all([getRun(integrationId, older!), getRun(integrationId, newer!)]);
      setCompare({ a, b });
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setComparing(false);
    }
  }

  if (runs === null && !error) {
    return (
      <Center py="xl">
        <Loader size="sm" />
      </Center>
    );
  }

  return (
    <Stack gap="sm" data-testid="run-history">
      {error && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />}>
          {error}
        </Alert>
      )}
      {runs && runs.length === 0 ? (
        <Text size="sm" c="dimmed" py="md" data-testid="history-empty">
          No runs yet. Every test run is kept here (the last 20), with its items, trace and transcript.
        </Text>
      ) : (
        runs && (
          <>
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                The last {runs.length} run{runs.length === 1 ? '' : 's'}, newest first. Click one to open it; tick two to compare their items.
              </Text>
              <Button
                size="xs"
                variant="light"
                leftSection={<IconArrowsDiff size={14} />}
                disabled={picked.length !== 2}
                loading={comparing}
                onClick={() => void startCompare()}
                data-testid="compare-runs"
              >
                Compare items
              </Button>
            </Group>
            <Table highlightOnHover verticalSpacing="xs" aria-label="Recent runs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40} />
                  <Table.Th>When</Table.Th>
                  <Table.Th>Configuration</Table.Th>
                  <Table.Th>Result</Table.Th>
                  <Table.Th ta="right">Items</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {runs.map((r) => (
                  <Table.Tr
                    key={r.id}
                    data-testid="history-row"
                    onClick={() => void open(r.id)}
                    style={{ cursor: 'pointer' }}
                    bg={r.id === currentId ? 'var(--mantine-primary-color-light)' : undefined}
                    aria-current={r.id === currentId ? 'true' : undefined}
                  >
                    <Table.Td onClick={(e) => e.stopPropagation()}>
                      <Checkbox
                        aria-label={`Compare the run of ${formatExact(r.startedAt)}`}
                        checked={picked.includes(r.id)}
                        onChange={(e) => toggle(r.id, e.currentTarget.checked)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <RelativeTime date={r.startedAt} now={now} />
                        {opening === r.id && <Loader size={12} />}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{configurationName(r.configurationId, configurations)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={r.complete ? 'teal' : 'orange'} style={{ textTransform: 'none' }}>
                        {r.complete ? 'Complete' : 'Incomplete'}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm">{r.itemCount.toLocaleString('en-US')}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )
      )}
      {compare && (
        <Stack gap="xs" data-testid="compare-panel">
          <Group justify="space-between">
            <Text size="sm" fw={500}>
              Items of {formatExact(compare.a.startedAt)} ({compare.a.itemCount.toLocaleString('en-US')}) ↔ {formatExact(compare.b.startedAt)} (
              {compare.b.itemCount.toLocaleString('en-US')})
            </Text>
            <Button size="xs" variant="subtle" color="gray" leftSection={<IconX size={14} />} onClick={() => setCompare(null)}>
              Close comparison
            </Button>
          </Group>
          {JSON.stringify(compare.a.items) === JSON.stringify(compare.b.items) && (
            <Text size="sm" c="dimmed" data-testid="compare-same">
              Both runs brought back the same items.
            </Text>
          )}
          <Suspense
            fallback={
              <Center h={200}>
                <Loader size="sm" />
              </Center>
            }
          >
            <RunCompare
              left={JSON.stringify(compare.a.items, null, 2)}
              right={JSON.stringify(compare.b.items, null, 2)}
              leftLabel={`Items of the run of ${formatExact(compare.a.startedAt)}`}
              rightLabel={`Items of the run of ${formatExact(compare.b.startedAt)}`}
            />
          </Suspense>
        </Stack>
      )}
    </Stack>
  );
}
