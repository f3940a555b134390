import { Alert, Button, Center, Code, Group, Stack, Text } from '@mantine/core';
import { IconDatabaseExclamation } from '@tabler/icons-react';
import { quitApp, type ApiError } from '../api';
import { Logo } from './Logo';

/**
 * Shown instead of the app when the data dir cannot be opened. The message
 * comes from the Go side and names the file and what to do; nothing was
 * changed on disk.
 */
export function StartupProblem({ problem }: { problem: ApiError }) {
  return (
    <Center mih="100vh" p="xl">
      <Stack maw={640} gap="lg">
        <Logo />
        <Alert
          color="red"
          variant="light"
          icon={<IconDatabaseExclamation size={20} />}
          title="Integration Studio cannot open its data"
          role="alert"
        >
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {problem.message}
          </Text>
        </Alert>
        <Text size="sm" c="dimmed">
          Your files were left exactly as they were. To use another data directory, start the app with
          the environment variable <Code>INTEGRATION_STUDIO_HOME</Code> set to a folder of your choice.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => void quitApp()}>
            Quit
          </Button>
        </Group>
      </Stack>
    </Center>
  );
}
