import { ActionIcon, Group, Text, Tooltip } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef } from 'react';

// The merged items of a run: a virtualised list, one pretty-printed item per row. Only the rows in
// view are rendered (and only their JSON is formatted), so 20,000 items scroll as smoothly as 20.

const ESTIMATE_LINE = 18;

function pretty(item: unknown): string {
  try {
    return JSON.stringify(item, null, 2) ?? 'null';
  } catch {
    return String(item);
  }
}

/** A first guess at a row's height before it is measured: its line count, capped. */
function estimate(item: unknown): number {
  if (item === null || typeof item !== 'object') return 40;
  const keys = Array.isArray(item) ? item.length : Object.keys(item).length;
  return 28 + Math.min(keys + 2, 24) * ESTIMATE_LINE;
}

export interface ItemsViewProps {
  items: unknown[];
  /** How many the run brought back (more than items when the history kept none). */
  itemCount: number;
  height?: number | string;
}

export function ItemsView({ items, itemCount, height = 'min(56vh, 600px)' }: ItemsViewProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => estimate(items[i]),
    overscan: 6,
    initialRect: { width: 900, height: 560 },
    // A row not laid out yet (height 0) keeps its estimate rather than collapsing the list.
    measureElement: (el) => {
      const h = el.getBoundingClientRect().height;
      return h > 0 ? h : estimate(items[Number((el as HTMLElement).dataset.index)]);
    },
  });
  const all = useMemo(() => () => JSON.stringify(items, null, 2), [items]);

  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed" py="md" data-testid="items-empty">
        {itemCount > 0
          ? `This run brought back ${itemCount.toLocaleString('en-US')} items, too many to keep in the history; run it again to see them.`
          : 'No items came back.'}
      </Text>
    );
  }

  return (
    <div>
      <Group justify="space-between" mb="xs">
        <Text size="sm" c="dimmed" data-testid="items-count">
          {items.length.toLocaleString('en-US')} item{items.length === 1 ? '' : 's'}, merged in page order
        </Text>
        <CopyItems text={all} />
      </Group>
      <div
        ref={scroller}
        role="list"
        aria-label="Items"
        data-testid="items-scroller"
        style={{
          height,
          overflow: 'auto',
          border: '1px solid var(--mantine-color-default-border)',
          borderRadius: 'var(--mantine-radius-md)',
          contain: 'strict',
        }}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => (
            <div
              key={v.key}
              data-index={v.index}
              ref={virtualizer.measureElement}
              role="listitem"
              style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${v.start}px)` }}
            >
              <ItemRow index={v.index} item={items[v.index]} />
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}

const ItemRow = memo(function ItemRow({ index, item }: { index: number; item: unknown }) {
  const text = useMemo(() => pretty(item), [item]);
  return (
    <div
      data-testid="item-row"
      style={{
        display: 'grid',
        gridTemplateColumns: '56px 1fr',
        borderBottom: '1px solid var(--mantine-color-default-border)',
      }}
    >
      <Text
        size="xs"
        c="dimmed"
        ff="monospace"
        ta="right"
        pr="sm"
        pt={8}
        style={{ backgroundColor: 'var(--mantine-color-default-hover)', userSelect: 'none' }}
      >
        {index + 1}
      </Text>
      <pre
        style={{
          margin: 0,
          padding: '8px 12px',
          fontFamily: 'var(--mantine-font-family-monospace)',
          fontSize: 12,
          lineHeight: 1.5,
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-word',
        }}
      >
        {text}
      </pre>
    </div>
  );
});

function CopyItems({ text }: { text: () => string }) {
  const clipboard = useClipboard({ timeout: 1500 });
  return (
    <Tooltip label={clipboard.copied ? 'Copied' : 'Copy all items as a JSON array'} withArrow position="left">
      <ActionIcon variant="subtle" color={clipboard.copied ? 'teal' : 'gray'} aria-label="Copy all items" onClick={() => clipboard.copy(text())}>
        {clipboard.copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
      </ActionIcon>
    </Tooltip>
  );
}
