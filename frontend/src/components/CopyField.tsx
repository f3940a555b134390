import { ActionIcon, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

/** A read-only value with a copy-to-clipboard button. */
export function CopyField({ label, value }: { label: string; value: string | null }) {
  const id = `copy-${label.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={id}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap" align="center">
        <Text
          ff="monospace"
          size="sm"
          aria-labelledby={id}
          style={{ wordBreak: 'break-all', flex: 1, minWidth: 0 }}
          px="sm"
          py={6}
          bg="var(--mantine-color-default-hover)"
          bdrs="sm"
          c={value ? undefined : 'dimmed'}
        >
          {value || '…'}
        </Text>
        <CopyButton value={value ?? ''} timeout={1500}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? 'Copied' : 'Copy'} withArrow position="left">
              <ActionIcon
                variant="subtle"
                color={copied ? 'teal' : 'gray'}
                onClick={copy}
                disabled={!value}
                aria-label={`Copy ${label.toLowerCase()}`}
              >
                {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}
