import { Badge, Box, Button, Chip, Group, Paper, Text, TextInput } from '@mantine/core';
import { IconSearch, IconTool } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import type { Finding, Severity } from '../../api';
import { SEVERITIES, SEVERITY_COLOR, SEVERITY_LABEL } from '../../lib/importFormat';

type Row =
  | { kind: 'header'; severity: Severity; count: number }
  | { kind: 'finding'; finding: Finding; index: number };

export interface FindingsListProps {
  findings: Finding[];
  /** Opens the fix preview for one rule. */
  onFix: (ruleId: string) => void;
  fixDisabled?: boolean;
  /** Height of the scrolling list. */
  height?: number | string;
}

function matches(f: Finding, needle: string): boolean {
  if (!needle) return true;
  return (
    f.message.toLowerCase().includes(needle) ||
    f.ruleId.toLowerCase().includes(needle) ||
    f.pointer.toLowerCase().includes(needle) ||
    f.source.toLowerCase().includes(needle) ||
    `${f.line}:${f.column}`.includes(needle)
  );
}

export function FindingsList({ findings, onFix, fixDisabled, height = 'min(62vh, 720px)' }: FindingsListProps) {
  const [filter, setFilter] = useState('');
  const [shown, setShown] = useState<Severity[]>([...SEVERITIES]);
  const needle = useDeferredValue(filter.trim().toLowerCase());

  const { rows, totals } = useMemo(() => {
    const bySeverity: Record<Severity, Finding[]> = { error: [], warning: [], info: [] };
    findings.forEach((f) => bySeverity[f.severity].push(f));
    const totals = { error: bySeverity.error.length, warning: bySeverity.warning.length, info: bySeverity.info.length };
    const rows: Row[] = [];
    let index = 0;
    for (const severity of SEVERITIES) {
      if (!shown.includes(severity)) continue;
      const list = bySeverity[severity].filter((f) => matches(f, needle));
      if (list.length === 0) continue;
      rows.push({ kind: 'header', severity, count: list.length });
      for (const finding of list) rows.push({ kind: 'finding', finding, index: index++ });
    }
    return { rows, totals };
  }, [findings, shown, needle]);

  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (rows[i]?.kind === 'header' ? 40 : 68),
    overscan: 8,
    getItemKey: (i) => {
      const row = rows[i];
      return row?.kind === 'header' ? `h-${row.severity}` : `f-${row?.index ?? i}`;
    },
  });

  const shownFindings = rows.length - rows.filter((r) => r.kind === 'header').length;

  return (
    <Paper withBorder radius="lg" p="md">
      <Group gap="md" mb="sm" wrap="wrap">
        <TextInput
          aria-label="Filter findings"
          placeholder="Filter by message, rule, pointer or line"
          leftSection={<IconSearch size={16} />}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          style={{ flex: '1 1 280px' }}
        />
        <Chip.Group multiple value={shown} onChange={(v) => setShown(v as Severity[])}>
          <Group gap={6} role="group" aria-label="Severities shown">
            {SEVERITIES.map((s) => (
              <Chip key={s} value={s} color={SEVERITY_COLOR[s]} variant="light" size="sm">
                {SEVERITY_LABEL[s]} ({totals[s].toLocaleString('en-US')})
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Group>
      {findings.length === 0 ? (
        <Text size="sm" c="dimmed" py="lg" ta="center" data-testid="findings-empty">
          No findings: the spec passed every check.
        </Text>
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed" py="lg" ta="center">
          No findings match the filter.
        </Text>
      ) : (
        <div
          ref={scroller}
          style={{ height, overflowY: 'auto', contain: 'strict' }}
          role="list"
          aria-label={`Findings (${shownFindings.toLocaleString('en-US')} shown)`}
          data-testid="findings-list"
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index]!;
              return (
                <div
                  key={item.key}
                  ref={virtualizer.measureElement}
                  data-index={item.index}
                  role="listitem"
                  style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}
                >
                  {row.kind === 'header' ? (
                    <GroupHeader severity={row.severity} count={row.count} />
                  ) : (
                    <FindingRow finding={row.finding} onFix={onFix} fixDisabled={fixDisabled} />
                  )}
                </div>
              );
            })}
          </div>
        </div>
      )}
    </Paper>
  );
}

function GroupHeader({ severity, count }: { severity: Severity; count: number }) {
  return (
    <Group gap="xs" px="xs" pt="sm" pb={6} data-testid={`findings-group-${severity}`}>
      <Text fw={650} size="sm" role="heading" aria-level={3}>
        {SEVERITY_LABEL[severity]}
      </Text>
      <Badge size="sm" variant="light" color={SEVERITY_COLOR[severity]} circle={count < 10}>
        {count.toLocaleString('en-US')}
      </Badge>
    </Group>
  );
}

function FindingRow({ finding: f, onFix, fixDisabled }: { finding: Finding; onFix: (ruleId: string) => void; fixDisabled?: boolean }) {
  const location = f.line > 0 ? `${f.line}:${f.column}` : '—';
  return (
    <Group
      gap="sm"
      wrap="nowrap"
      align="flex-start"
      px="xs"
      py={8}
      data-testid="finding-row"
      data-severity={f.severity}
      data-rule={f.ruleId}
      style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
    >
      <Box
        w={6}
        mt={4}
        h={28}
        style={{ borderRadius: 3, flex: 'none', background: `var(--mantine-color-${SEVERITY_COLOR[f.severity]}-6)` }}
        aria-hidden="true"
      />
      <Text size="xs" ff="monospace" c="dimmed" w={64} mt={3} style={{ flex: 'none' }} title={f.line > 0 ? `Line ${f.line}, column ${f.column}` : 'No line'}>
        {location}
      </Text>
      <Box style={{ flex: 1, minWidth: 0 }}>
        <Group gap={6} mb={2} wrap="wrap">
          <Badge size="sm" variant="outline" color={SEVERITY_COLOR[f.severity]} radius="sm" tt="none" ff="monospace">
            {f.ruleId}
          </Badge>
          <Text size="xs" c="dimmed">
            {f.source}
          </Text>
        </Group>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {f.message}
        </Text>
        {f.pointer && (
          <Text size="xs" c="dimmed" ff="monospace" truncate="end" title={f.pointer}>
            {f.pointer}
          </Text>
        )}
      </Box>
      {f.fixable && (
        <Button
          size="compact-sm"
          variant="light"
          leftSection={<IconTool size={14} />}
          onClick={() => onFix(f.ruleId)}
          disabled={fixDisabled}
          aria-label={`Fix ${f.ruleId}`}
          style={{ flex: 'none' }}
        >
          Fix
        </Button>
      )}
    </Group>
  );
}
