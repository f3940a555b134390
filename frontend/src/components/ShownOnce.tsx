import { Alert, Button, Code, CopyButton, Group, Stack } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** A secret the app shows exactly once (a new API token, a generated signing key), with a copy button. */
export function ShownOnce({ value, testId, onDone, children }: { value: string; testId: string; onDone: () => void; children: ReactNode }) {
  return (
    <Stack>
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title="Shown only once">
        {children}
      </Alert>
      <Group wrap="nowrap" gap="xs">
        <Code block style={{ flex: 1, wordBreak: 'break-all' }} data-testid={testId}>
          {value}
        </Code>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button variant="light" onClick={copy} leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Group justify="flex-end">
        <Button onClick={onDone}>Done</Button>
      </Group>
    </Stack>
  );
}
