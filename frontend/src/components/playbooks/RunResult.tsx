import { Alert, Badge, Group, Paper, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IconAlertCircle, IconAlertTriangle } from '@tabler/icons-react';
import type { Blueprint, MappedRecord, PlaybookResult, PlaybookStatus } from '../../api';

const STATUS: Record<PlaybookStatus, { color: string; label: string }> = {
  complete: { color: 'teal', label: 'Complete' },
  incomplete: { color: 'yellow', label: 'Incomplete' },
  failed: { color: 'red', label: 'Failed' },
  preview: { color: 'blue', label: 'Preview' },
};

export function RunStatusBadge({ status }: { status: PlaybookStatus }) {
  const look = STATUS[status] ?? STATUS.complete;
  return (
    <Badge color={look.color} variant="light" radius="sm" data-status={status} data-testid="run-status">
      {look.label}
    </Badge>
  );
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** "3 items · 6 records · 1 error · 412 ms" */
export function countsText(r: PlaybookResult, withDuration = true): string {
  const parts = [plural(r.items, 'item'), plural(r.records.length, 'record'), plural(r.errorCount, 'error')];
  if (withDuration && r.status !== 'preview') parts.push(`${r.durationMs.toLocaleString('en-US')} ms`);
  return parts.join(' · ');
}

function valueText(v: unknown): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/** Most rows a table shows; the rest are counted. */
const MAX_ROWS = 200;

/** The records grouped by blueprint: one table each, a column per field, per-item errors in red. */
export function RecordsTable({ records, blueprints }: { records: MappedRecord[]; blueprints: Blueprint[] }) {
  if (records.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="records-empty">
        No records: the action brought back no items.
      </Text>
    );
  }
  const groups = new Map<string, MappedRecord[]>();
  for (const r of records) groups.set(r.blueprint, [...(groups.get(r.blueprint) ?? []), r]);
  return (
    <Stack gap="md">
      {[...groups.entries()].map(([name, rows]) => {
        const bp = blueprints.find((b) => b.name === name);
        const seen = new Set<string>();
        for (const r of rows) for (const k of Object.keys(r.values)) seen.add(k);
        // The blueprint's order for its fields; anything else after them.
        const columns = [...(bp?.fields.map((f) => f.name).filter((f) => seen.has(f)) ?? []), ...[...seen].filter((k) => !bp?.fields.some((f) => f.name === k)).sort()];
        const withErrors = rows.filter((r) => r.errors.length > 0).length;
        return (
          <Paper key={name} withBorder radius="md" style={{ overflow: 'hidden' }} data-testid="records-group">
            <Group justify="space-between" px="md" py={8} bg="var(--mantine-color-default-hover)">
              <Text fw={600} size="sm">
                {name || 'Items that are not JSON'}
              </Text>
              <Text size="xs" c={withErrors > 0 ? 'red' : 'dimmed'}>
                {plural(rows.length, 'record')}
                {withErrors > 0 ? ` · ${withErrors} with errors` : ''}
              </Text>
            </Group>
            <ScrollArea.Autosize mah={420} type="auto">
              <Table
                verticalSpacing={6}
                horizontalSpacing="md"
                striped
                stickyHeader
                aria-label={`${name} records`}
                data-testid="records-table"
                style={{ whiteSpace: 'nowrap' }}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={56}>Item</Table.Th>
                    {columns.map((c) => (
                      <Table.Th key={c} ff="monospace" fz="xs">
                        {c}
                      </Table.Th>
                    ))}
                    <Table.Th>Errors</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.slice(0, MAX_ROWS).map((r) => (
                    <Table.Tr key={`${r.item}`} data-testid="record-row" data-errors={r.errors.length}>
                      <Table.Td c="dimmed">{r.item + 1}</Table.Td>
                      {columns.map((c) => (
                        <Table.Td key={c} maw={320} style={{ overflow: 'hidden', textOverflow: 'ellipsis' }} title={valueText(r.values[c])}>
                          {c in r.values ? (
                            <Text size="sm" span>
                              {valueText(r.values[c])}
                            </Text>
                          ) : (
                            <Text size="sm" c="dimmed" span>
                              —
                            </Text>
                          )}
                        </Table.Td>
                      ))}
                      <Table.Td style={{ whiteSpace: 'normal' }} miw={220}>
                        {r.errors.length === 0 ? null : (
                          <Stack gap={2} data-testid="record-errors">
                            {r.errors.map((e) => (
                              <Text key={e} size="xs" c="red">
                                {e}
                              </Text>
                            ))}
                          </Stack>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
            {rows.length > MAX_ROWS && (
              <Text size="xs" c="dimmed" px="md" py={6}>
                The first {MAX_ROWS} of {rows.length.toLocaleString('en-US')} records are shown.
              </Text>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}

/** A run's outcome: status, counts, the reason when it stopped short, and its records. */
export function RunResultView({ result, blueprints }: { result: PlaybookResult; blueprints: Blueprint[] }) {
  return (
    <Stack gap="sm" data-testid="run-result">
      <Group gap="sm">
        <RunStatusBadge status={result.status} />
        <Text size="sm" c="dimmed" data-testid="run-counts">
          {countsText(result)}
        </Text>
      </Group>
      {result.status === 'failed' && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="The vendor failed" data-testid="run-message">
          {result.message}
        </Alert>
      )}
      {result.status === 'incomplete' && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title="Incomplete" data-testid="run-message">
          {result.message}
        </Alert>
      )}
      <RecordsTable records={result.records} blueprints={blueprints} />
    </Stack>
  );
}
