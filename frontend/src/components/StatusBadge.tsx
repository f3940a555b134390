import { Badge } from '@mantine/core';
import type { IntegrationStatus } from '../api';

const LOOK: Record<IntegrationStatus, { color: string; label: string }> = {
  draft: { color: 'yellow', label: 'Draft' },
  published: { color: 'teal', label: 'Published' },
  hidden: { color: 'gray', label: 'Hidden' },
};

export function StatusBadge({ status }: { status: IntegrationStatus }) {
  const look = LOOK[status] ?? LOOK.draft;
  return (
    <Badge color={look.color} variant="light" radius="sm" data-status={status}>
      {look.label}
    </Badge>
  );
}
