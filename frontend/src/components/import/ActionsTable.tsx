import { Badge, Group, Paper, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { ActionRow } from '../../api';
import { methodColor } from '../../lib/importFormat';

const ROW_HEIGHT = 44;

// One grid for header and rows, so the columns line up.
const GRID: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: '84px minmax(180px, 2.2fr) minmax(140px, 1.6fr) minmax(100px, 1fr) 64px 96px',
  columnGap: 12,
  alignItems: 'center',
  padding: '0 12px',
};

function matches(a: ActionRow, needle: string): boolean {
  if (!needle) return true;
  return (
    a.path.toLowerCase().includes(needle) ||
    a.name.toLowerCase().includes(needle) ||
    a.method.toLowerCase() === needle ||
    a.operationId.toLowerCase().includes(needle) ||
    a.tags.some((t) => t.toLowerCase().includes(needle))
  );
}

export interface ActionsTableProps {
  actions: ActionRow[];
  height?: number | string;
}

export function ActionsTable({ actions, height = 'min(62vh, 720px)' }: ActionsTableProps) {
  const [filter, setFilter] = useState('');
  const needle = useDeferredValue(filter.trim().toLowerCase());
  const rows = useMemo(() => actions.filter((a) => matches(a, needle)), [actions, needle]);

  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });

  return (
    <Paper withBorder radius="lg" p="md">
      <Group mb="sm" gap="md">
        <TextInput
          aria-label="Filter actions"
          placeholder="Filter by path, name, operation id or tag"
          leftSection={<IconSearch size={16} />}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          style={{ flex: '1 1 280px' }}
        />
        <Text size="sm" c="dimmed" data-testid="actions-count">
          {rows.length === actions.length
            ? `${actions.length.toLocaleString('en-US')} actions`
            : `${rows.length.toLocaleString('en-US')} of ${actions.length.toLocaleString('en-US')} actions`}
        </Text>
      </Group>
      <div role="table" aria-label="Actions" aria-rowcount={rows.length + 1} data-testid="actions-table">
        <div role="rowgroup">
          <div
            role="row"
            aria-rowindex={1}
            style={{ ...GRID, height: 36, borderBottom: '1px solid var(--mantine-color-default-border)' }}
          >
            {['Method', 'Path', 'Name', 'Tags', 'Params', 'Pagination'].map((h) => (
              <Text key={h} role="columnheader" size="xs" fw={600} c="dimmed" tt="uppercase" ta={h === 'Params' ? 'right' : undefined}>
                {h}
              </Text>
            ))}
          </div>
        </div>
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed" py="lg" ta="center">
            {actions.length === 0 ? 'The spec has no operations.' : 'No actions match the filter.'}
          </Text>
        ) : (
          <div ref={scroller} role="rowgroup" style={{ height, overflowY: 'auto', contain: 'strict' }} data-testid="actions-scroller">
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
              {virtualizer.getVirtualItems().map((item) => {
                const a = rows[item.index]!;
                return (
                  <div
                    key={item.key}
                    role="row"
                    aria-rowindex={item.index + 2}
                    data-testid="action-row"
                    style={{
                      ...GRID,
                      position: 'absolute',
                      top: 0,
                      left: 0,
                      right: 0,
                      height: ROW_HEIGHT,
                      transform: `translateY(${item.start}px)`,
                      borderBottom: '1px solid var(--mantine-color-default-border)',
                      opacity: a.deprecated ? 0.65 : 1,
                    }}
                  >
                    <div role="cell">
                      <Badge color={methodColor(a.method)} variant="light" radius="sm" w={70} ff="monospace">
                        {a.method}
                      </Badge>
                    </div>
                    <Text role="cell" size="sm" ff="monospace" truncate="end" title={a.path} td={a.deprecated ? 'line-through' : undefined}>
                      {a.path}
                    </Text>
                    <Text role="cell" size="sm" truncate="end" title={a.operationId ? `${a.name} (${a.operationId})` : a.name}>
                      {a.name}
                    </Text>
                    <Text role="cell" size="xs" c="dimmed" truncate="end" title={a.tags.join(', ')}>
                      {a.tags.join(', ')}
                    </Text>
                    <Text role="cell" size="sm" ff="monospace" ta="right">
                      {a.parameters}
                    </Text>
                    <div role="cell">
                      {a.paginationType ? (
                        <Badge size="sm" variant="dot" color="violet" title={`Paginated (${a.paginationType})`}>
                          {a.paginationType}
                        </Badge>
                      ) : a.deprecated ? (
                        <Badge size="sm" variant="light" color="gray">
                          deprecated
                        </Badge>
                      ) : null}
                    </div>
                  </div>
                );
              })}
            </div>
          </div>
        )}
      </div>
    </Paper>
  );
}
