import { Alert, Badge, Button, Group, Text } from '@mantine/core';
import { IconBulb, IconCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** A suggestion inferred from the imported spec, with the evidence and a way to use it. */
export function SuggestionNote({
  title,
  evidence,
  inUse,
  onUse,
  children,
  testId = 'suggestion',
}: {
  title: ReactNode;
  evidence: string;
  inUse: boolean;
  onUse?: () => void;
  children?: ReactNode;
  testId?: string;
}) {
  return (
    <Alert variant="light" color="grape" icon={<IconBulb size={18} />} data-testid={testId} styles={{ title: { width: '100%' } }}
      title={
        <Group justify="space-between" wrap="nowrap" w="100%">
          <span>{title}</span>
          {inUse ? (
            <Badge color="teal" variant="light" leftSection={<IconCheck size={12} />}>
              In use
            </Badge>
          ) : (
            onUse && (
              <Button size="compact-xs" variant="light" color="grape" onClick={onUse}>
                Use suggestion
              </Button>
            )
          )}
        </Group>
      }
    >
      <Text size="xs" c="dimmed">
        From the spec: {evidence}
      </Text>
      {children}
    </Alert>
  );
}
