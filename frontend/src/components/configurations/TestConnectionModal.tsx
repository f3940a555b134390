import { Alert, Badge, Button, Code, Group, Modal, Paper, Select, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconPlugConnected } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { listActions, testConfigurationConnection, toApiError, type Action, type Configuration, type ConnectionResult } from '../../api';

// Enough for any picker; the backend caps a page at 1000.
const ACTION_LIMIT = 1000;

export interface TestConnectionModalProps {
  integrationId: string;
  /** The configuration to test; null closes the dialog. */
  configuration: Configuration | null;
  onClose: () => void;
  /** Called after every test: the request may have renewed or rejected the token. */
  onTested: () => void;
}

/** Sends one GET action with a configuration's credentials and shows what came back. */
export function TestConnectionModal({ integrationId, configuration, onClose, onTested }: TestConnectionModalProps) {
  return (
    <Modal
      opened={configuration !== null}
      onClose={onClose}
      size="xl"
      title={<Text fw={600}>Test connection{configuration ? ` · ${configuration.name}` : ''}</Text>}
    >
      {configuration && <TestConnection key={configuration.id} integrationId={integrationId} configuration={configuration} onTested={onTested} />}
    </Modal>
  );
}

function TestConnection({ integrationId, configuration, onTested }: { integrationId: string; configuration: Configuration; onTested: () => void }) {
  const [actions, setActions] = useState<Action[] | null>(null);
  const [actionId, setActionId] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ConnectionResult | null>(null);
  const [running, setRunning] = useState(false);

  useEffect(() => {
    let live = true;
    listActions(integrationId, { search: '', method: 'GET', tag: '', paginated: '', offset: 0, limit: ACTION_LIMIT }).then(
      (page) => {
        if (!live) return;
        const gets = page.actions.filter((a) => a.method.toUpperCase() === 'GET');
        setActions(gets);
        // Start on the first action the test can send as it is: no path parameters.
        setActionId((cur) => cur ?? (gets.find((a) => !a.path.includes('{')) ?? gets[0])?.id ?? null);
      },
      (err) => live && setError(toApiError(err).message),
    );
    return () => {
      live = false;
    };
  }, [integrationId]);

  async function run() {
    if (!actionId) return;
    setRunning(true);
    setError(null);
    setFieldError(null);
    setResult(null);
    try {
      setResult(await testConfigurationConnection(integrationId, configuration.id, actionId));
    } catch (err) {
      const e = toApiError(err);
      if (e.field === 'actionId') setFieldError(e.message);
      else setError(e.message);
    } finally {
      setRunning(false);
      onTested();
    }
  }

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Sends one GET request with this configuration's credentials. Only GET actions are offered, so nothing changes at the vendor;
        an action with path or required parameters needs the Test page instead.
      </Text>
      <Group align="flex-end" wrap="nowrap">
        <Select
          label="Action"
          placeholder={actions === null ? 'Loading actions…' : actions.length === 0 ? 'This integration has no GET actions' : 'Pick an action'}
          data={(actions ?? []).map((a) => ({ value: a.id, label: `${a.name} — GET ${a.path}` }))}
          value={actionId}
          onChange={(v) => {
            setActionId(v);
            setFieldError(null);
          }}
          searchable
          nothingFoundMessage="No GET action matches"
          error={fieldError}
          disabled={actions === null || actions.length === 0}
          style={{ flex: 1, minWidth: 0 }}
          data-testid="test-action"
          comboboxProps={{ withinPortal: true }}
        />
        <Button
          leftSection={<IconPlugConnected size={16} />}
          onClick={() => void run()}
          loading={running}
          disabled={!actionId}
          data-testid="test-send"
          mb={fieldError ? 22 : 0}
        >
          Send request
        </Button>
      </Group>
      {error && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="No response" data-testid="test-error">
          {error}
        </Alert>
      )}
      {result && <ResultPanel result={result} />}
    </Stack>
  );
}

function ResultPanel({ result }: { result: ConnectionResult }) {
  return (
    <Paper withBorder radius="md" p="md" data-testid="test-result" data-ok={result.ok}>
      <Stack gap="sm">
        <Group gap="sm">
          <Badge color={result.ok ? 'teal' : 'red'} variant="light" radius="sm" size="lg" style={{ textTransform: 'none' }} data-testid="test-status">
            {result.status} {result.statusText}
          </Badge>
          <Text size="sm" c="dimmed" data-testid="test-duration">
            {result.durationMs} ms
          </Text>
          {result.contentType && (
            <Text size="sm" c="dimmed" ff="monospace">
              {result.contentType}
            </Text>
          )}
        </Group>
        <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
          GET {result.url}
        </Text>
        {result.bodyPreview ? (
          <>
            <Code block style={{ maxHeight: 320, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="test-body">
              {result.bodyPreview}
            </Code>
            {result.truncated && (
              <Text size="xs" c="dimmed">
                Only the start of the response is shown.
              </Text>
            )}
          </>
        ) : (
          <Text size="sm" c="dimmed">
            The response had no body.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
