import { Group, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import type { PageTrace } from '../../api';

// A picture of a run's pages: one bar per page on a shared time axis. Pages are fetched one after
// another, so each bar starts where the one before ended and its length is the page's duration
// (retry waits included). Plain SVG coloured with Mantine's CSS variables, so it follows the light
// and dark themes.

const ROW = 30;
const BAR = 18;
const LABEL_W = 64;
const TEXT_W = 250;
const AXIS_H = 24;
const FOOT_H = 30;
const FALLBACK_WIDTH = 820;

export type StatusClass = 'ok' | 'redirect' | 'client' | 'server' | 'failed' | 'retried';

export function statusClass(p: Pick<PageTrace, 'status' | 'retries'>): StatusClass {
  if (p.status === 0) return 'failed';
  if (p.status >= 500) return 'server';
  if (p.status >= 400) return 'client';
  if (p.retries > 0) return 'retried';
  if (p.status >= 300) return 'redirect';
  return 'ok';
}

export const STATUS_COLORS: Record<StatusClass, string> = {
  ok: 'teal',
  redirect: 'blue',
  retried: 'violet',
  client: 'orange',
  server: 'red',
  failed: 'red',
};

const LEGEND: { cls: StatusClass; label: string }[] = [
  { cls: 'ok', label: '2xx' },
  { cls: 'retried', label: 'Retried (429/503)' },
  { cls: 'client', label: '4xx' },
  { cls: 'server', label: '5xx or no response' },
];

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** "200 · 84 ms · 50 items" (plus retries), the words on a page's bar. */
export function pageLabel(p: PageTrace): string {
  const parts = [p.status === 0 ? 'no response' : String(p.status), formatMs(p.durationMs), plural(p.items, 'item')];
  if (p.retries > 0) parts.push(`${p.retries} ${p.retries === 1 ? 'retry' : 'retries'}`);
  return parts.join(' · ');
}

export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms).toLocaleString('en-US')} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** Round tick steps for an axis up to total ms. */
function ticks(total: number): number[] {
  if (total <= 0) return [0];
  const rough = total / 4;
  const pow = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= rough) ?? rough;
  const out: number[] = [];
  for (let t = 0; t <= total + 1e-9; t += step) out.push(t);
  return out;
}

export interface PageTimelineProps {
  pages: PageTrace[];
  /** Why paging stopped, written after the last bar. */
  stopReason?: string;
  /** True while the run is still going: the end is not known yet. */
  live?: boolean;
}

export function PageTimeline({ pages, stopReason, live }: PageTimelineProps) {
  const { ref, width: measured } = useElementSize();
  const width = Math.max(480, measured || FALLBACK_WIDTH);
  const scaleW = Math.max(80, width - LABEL_W - TEXT_W - 8);
  const total = pages.reduce((sum, p) => sum + Math.max(0, p.durationMs), 0);
  const x = (ms: number) => LABEL_W + (total > 0 ? (ms / total) * scaleW : 0);
  const height = AXIS_H + pages.length * ROW + FOOT_H;
  const end = x(total);
  const footer = live ? 'Running…' : stopReason ? `Stopped: ${stopReason}` : '';
  let start = 0;

  return (
    <div ref={ref} data-testid="page-timeline">
      <svg
        role="img"
        aria-label={`Page timeline: ${plural(pages.length, 'page')} in ${formatMs(total)}${footer ? `. ${footer}` : ''}`}
        width="100%"
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        style={{ display: 'block', fontFamily: 'var(--mantine-font-family)', overflow: 'visible' }}
      >
        {/* time axis */}
        {ticks(total).map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={AXIS_H - 6} y2={height - FOOT_H + 4} stroke="var(--mantine-color-default-border)" strokeDasharray="2 3" />
            <text x={x(t)} y={AXIS_H - 10} textAnchor="middle" fontSize={10} fill="var(--mantine-color-dimmed)">
              {formatMs(t)}
            </text>
          </g>
        ))}
        {pages.map((p, i) => {
          const from = x(start);
          const w = Math.max(3, x(start + Math.max(0, p.durationMs)) - from);
          start += Math.max(0, p.durationMs);
          const y = AXIS_H + i * ROW;
          const color = STATUS_COLORS[statusClass(p)];
          const label = pageLabel(p);
          return (
            <g key={p.number} data-testid="timeline-bar" data-status={statusClass(p)} aria-label={`Page ${p.number}: ${label}`}>
              <title>{`Page ${p.number}: ${label}${p.stop ? ` — stopped: ${p.stop}` : ''}`}</title>
              <text x={LABEL_W - 10} y={y + ROW / 2 + 4} textAnchor="end" fontSize={12} fill="var(--mantine-color-dimmed)">
                Page {p.number}
              </text>
              <rect
                x={from}
                y={y + (ROW - BAR) / 2}
                width={w}
                height={BAR}
                rx={4}
                fill={`var(--mantine-color-${color}-filled)`}
                fillOpacity={0.9}
              />
              <text x={from + w + 8} y={y + ROW / 2 + 4} fontSize={12} fill="var(--mantine-color-text)">
                {label}
              </text>
            </g>
          );
        })}
        {pages.length > 0 && (
          <line x1={end} x2={end} y1={AXIS_H - 4} y2={height - FOOT_H + 6} stroke="var(--mantine-color-text)" strokeWidth={1.5} />
        )}
        {footer && (
          <text
            x={LABEL_W}
            y={height - 8}
            fontSize={12}
            fontWeight={600}
            fill={live ? 'var(--mantine-color-dimmed)' : 'var(--mantine-color-text)'}
            data-testid="timeline-stop"
          >
            {footer}
          </text>
        )}
      </svg>
      <Group gap="md" mt={4} ml={LABEL_W}>
        {LEGEND.map((l) => (
          <Group key={l.cls} gap={6} wrap="nowrap">
            <svg width="12" height="12" aria-hidden="true">
              <rect width="12" height="12" rx="3" fill={`var(--mantine-color-${STATUS_COLORS[l.cls]}-filled)`} />
            </svg>
            <Text size="xs" c="dimmed">
              {l.label}
            </Text>
          </Group>
        ))}
      </Group>
    </div>
  );
}
