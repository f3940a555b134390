import { Alert, Group, Radio, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/**
 * One choice of the Auth method or Pagination type step: a radio card with
 * its label, summary and guidance. Once finalized only the stored choice
 * stays enabled.
 */
export function ChoiceCard({
  value,
  label,
  summary,
  locked,
  disabled,
  testId,
  children,
}: {
  value: string;
  label: string;
  summary: string;
  /** Finalized and not the stored choice. */
  locked: boolean;
  disabled: boolean;
  testId: string;
  children?: ReactNode;
}) {
  return (
    <Radio.Card
      value={value}
      radius="md"
      p="md"
      disabled={disabled || locked}
      data-testid={testId}
      aria-label={label}
      // A card is a <button>, which centres its content; long guidance must start at the top.
      style={{ display: 'flex', alignItems: 'flex-start', opacity: locked ? 0.5 : 1 }}
    >
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <Radio.Indicator mt={2} />
        <div>
          <Text fw={600} size="sm">
            {label}
          </Text>
          <Text size="xs" c="dimmed" mb={children ? 6 : 0}>
            {summary}
          </Text>
          {children}
        </div>
      </Group>
    </Radio.Card>
  );
}

/** Says which part of a finalized integration is read-only on this step, and what stays editable. */
export function FrozenNote({ children }: { children: ReactNode }) {
  return (
    <Alert color="gray" variant="light" icon={<IconLock size={18} />}>
      {children}
    </Alert>
  );
}
