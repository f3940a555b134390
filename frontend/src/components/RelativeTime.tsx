import { Text, Tooltip } from '@mantine/core';
import { formatExact, formatRelative } from '../lib/time';

export function RelativeTime({ date, now }: { date: Date; now: Date }) {
  const valid = !Number.isNaN(date.getTime());
  return (
    <Tooltip label={formatExact(date)} withArrow openDelay={300} disabled={!valid}>
      <Text size="sm" c="dimmed" component="time" dateTime={valid ? date.toISOString() : undefined}>
        {formatRelative(date, now)}
      </Text>
    </Tooltip>
  );
}
