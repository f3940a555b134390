import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Center,
  Drawer,
  Group,
  Input,
  Kbd,
  Loader,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconHistory,
  IconKey,
  IconList,
  IconPlayerPlay,
  IconPlayerStop,
  IconRoute,
  IconTimeline,
  IconTransfer,
} from '@tabler/icons-react';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  cancelRun,
  listConfigurations,
  onRunPage,
  runAction,
  toApiError,
  type Action,
  type Configuration,
  type Integration,
  type PageTrace,
  type Run,
} from '../../api';
import { methodColor } from '../../lib/importFormat';
import { formatExact, useNow } from '../../lib/time';
import { AuthStatusBadge } from '../configurations/status';
import { configurationName, HistoryView } from './HistoryView';
import { ItemsView } from './ItemsView';
import { formatMs, PageTimeline, pageLabel, STATUS_COLORS, statusClass } from './PageTimeline';
import {
  bodySkeleton,
  defaultConfiguration,
  initialValues,
  LOCATION_LABELS,
  LOCATIONS,
  paramFields,
  paramKeyOfError,
  paramsToSend,
  takesBody,
  type ParamField,
} from './params';
import { TranscriptView } from './TranscriptView';

const JsonEditor = lazy(() => import('../actions/JsonEditor'));

/** The configuration picker's entry for "send without credentials" (No Auth). */
const NO_CONFIGURATION = '__none__';
const MAX_PAGES = 20;

export interface TestPanelProps {
  integration: Integration;
  /** The action to test; null closes the panel. */
  action: Action | null;
  onClose: () => void;
  /** Takes the user to the Configurations tab (the panel closes first). */
  onOpenConfigurations?: () => void;
}

/** "Test <action>": a large drawer with the request form on the left and the result on the right. */
export function TestPanel({ integration, action, onClose, onOpenConfigurations }: TestPanelProps) {
  return (
    <Drawer
      opened={action !== null}
      onClose={onClose}
      position="right"
      size="min(1280px, 96vw)"
      title={
        <Text fw={600} data-testid="test-panel-title">
          Test {action?.name ?? ''}
        </Text>
      }
      closeButtonProps={{ 'aria-label': 'Close the test panel' }}
    >
      {action && (
        <TestPanelBody
          key={action.id}
          integration={integration}
          action={action}
          onOpenConfigurations={
            onOpenConfigurations
              ? () => {
                  onClose();
                  onOpenConfigurations();
                }
              : undefined
          }
        />
      )}
    </Drawer>
  );
}

type Errors = Record<string, string>;
type ResultTab = 'items' | 'trace' | 'transcript' | 'history';

function newRunId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `run-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

export function TestPanelBody({
  integration,
  action,
  onOpenConfigurations,
}: {
  integration: Integration;
  action: Action;
  onOpenConfigurations?: () => void;
}) {
  const now = useNow();
  const noAuth = (integration.authMethod || 'none') === 'none';
  const fields = useMemo(() => paramFields(action), [action]);
  const withBody = useMemo(() => takesBody(action), [action]);
  const [configs, setConfigs] = useState<Configuration[] | null>(null);
  const [configId, setConfigId] = useState<string | null>(null);
  const [values, setValues] = useState<Record<string, string>>(() => initialValues(fields));
  const [body, setBody] = useState(() => bodySkeleton(action));
  const [maxPages, setMaxPages] = useState<number | ''>('');
  const [errors, setErrors] = useState<Errors>({});
  const [running, setRunning] = useState<{ runId: string; pages: PageTrace[] } | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [result, setResult] = useState<{ run: Run; fromHistory: boolean } | null>(null);
  const [tab, setTab] = useState<ResultTab>('items');
  const [historyKey, setHistoryKey] = useState(0);
  const runIdRef = useRef<string | null>(null);

  useEffect(() => {
    let live = true;
    listConfigurations(integration.id).then(
      (list) => {
        if (!live) return;
        setConfigs(list);
        setConfigId(noAuth ? NO_CONFIGURATION : defaultConfiguration(list));
      },
      (err) => live && setErrors((e) => ({ ...e, configurationId: toApiError(err).message })),
    );
    return () => {
      live = false;
    };
  }, [integration.id, noAuth]);

  // Pages arrive while RunAction is still waiting; only this panel's run is shown.
  useEffect(
    () =>
      onRunPage(({ runId, page }) => {
        if (runId !== runIdRef.current) return;
        setRunning((r) => (r && r.runId === runId ? { ...r, pages: [...r.pages, page] } : r));
      }),
    [],
  );

  // Closing the panel stops a run still going.
  useEffect(
    () => () => {
      if (runIdRef.current) void cancelRun(runIdRef.current).catch(() => {});
    },
    [],
  );

  const clearError = (key: string) =>
    setErrors((e) => {
      if (!(key in e) && !('form' in e)) return e;
      const { [key]: _gone, form: _form, ...rest } = e;
      return rest;
    });

  const setValue = (key: string, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    clearError(key);
  };

  const selected = configs?.find((c) => c.id === configId) ?? null;
  const needsConfiguration = !noAuth && configs !== null && configs.length === 0;

  const run = useCallback(async () => {
    if (runIdRef.current || needsConfiguration) return;
    const runId = newRunId();
    runIdRef.current = runId;
    setRunning({ runId, pages: [] });
    setCancelling(false);
    setErrors({});
    try {
      const done = await runAction({
        runId,
        integrationId: integration.id,
        actionId: action.id,
        configurationId: configId && configId !== NO_CONFIGURATION ? configId : '',
        params: paramsToSend(values),
        body: withBody ? body : '',
        maxPages: typeof maxPages === 'number' ? maxPages : 0,
      });
      setResult({ run: done, fromHistory: false });
      setTab((t) => (t === 'history' ? 'items' : t));
      setHistoryKey((k) => k + 1);
    } catch (err) {
      const e = toApiError(err);
      const param = paramKeyOfError(e.field, fields);
      if (param) setErrors({ [param]: e.message });
      else if (e.field === 'body') setErrors({ body: e.message });
      else if (e.field === 'configurationId') setErrors({ configurationId: e.message });
      else if (e.field === 'origin') setErrors({ configurationId: e.message, origin: 'yes' });
      else if (e.field === 'hostname') setErrors({ form: e.message, hostname: 'yes' });
      else setErrors({ form: e.message });
    } finally {
      runIdRef.current = null;
      setRunning(null);
      setCancelling(false);
    }
  }, [needsConfiguration, integration.id, action.id, configId, values, withBody, body, maxPages, fields]);

  async function cancel() {
    const id = runIdRef.current;
    if (!id) return;
    setCancelling(true);
    await cancelRun(id).catch(() => {});
  }

  // Ctrl+Enter / Cmd+Enter sends, also from inside the body editor (caught before CodeMirror sees it).
  function onKeyDownCapture(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      e.stopPropagation();
      void run();
    }
  }

  const method = (action.method ?? 'GET').toUpperCase();
  const shown = result?.run ?? null;

  return (
    <Stack gap="md" data-testid="test-panel" onKeyDownCapture={onKeyDownCapture} pb="xl">
      <Group gap="sm" wrap="nowrap">
        <Badge color={methodColor(method)} variant="light" radius="sm" size="lg" style={{ flex: 'none' }}>
          {method}
        </Badge>
        <Text ff="monospace" size="sm" truncate title={action.path} data-testid="test-path">
          {integration.hostname || 'no hostname'}
          {action.path}
        </Text>
        {action.paginated && (
          <Badge variant="light" color="teal" style={{ flex: 'none' }}>
            Paginated · {action.pagination?.type || integration.pagination.type || 'none'}
          </Badge>
        )}
      </Group>
      {action.description && (
        <Text size="sm" c="dimmed" lineClamp={2}>
          {action.description}
        </Text>
      )}

      <Group align="flex-start" gap="lg" wrap="wrap">
        {/* The request */}
        <Paper withBorder radius="lg" p="md" style={{ flex: '1 1 340px', maxWidth: 440, minWidth: 0 }} data-testid="test-request">
          <Stack gap="md">
            <Title order={5}>Request</Title>
            {errors.form && (
              <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} title="Nothing was sent" data-testid="test-form-error">
                {errors.form}
                {errors.hostname && <Text size="sm">Set the hostname in the Setup tab's Hostname step.</Text>}
              </Alert>
            )}
            <ConfigurationPicker
              configs={configs}
              noAuth={noAuth}
              value={configId}
              onChange={(v) => {
                setConfigId(v);
                clearError('configurationId');
                clearError('origin');
              }}
              selected={selected}
              now={now}
              error={errors.configurationId}
              originProblem={!!errors.origin}
              needsConfiguration={needsConfiguration}
              onOpenConfigurations={onOpenConfigurations}
            />
            {fields.length === 0 ? (
              <Text size="sm" c="dimmed" data-testid="no-parameters">
                This action takes no parameters.
              </Text>
            ) : (
              LOCATIONS.map((loc) => {
                const group = fields.filter((f) => f.in === loc);
                if (group.length === 0) return null;
                return (
                  <Stack key={loc} gap="xs" data-testid={`params-${loc}`}>
                    <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                      {LOCATION_LABELS[loc]}
                    </Text>
                    {group.map((f) => (
                      <ParamInput key={f.key} field={f} value={values[f.key] ?? ''} onChange={(v) => setValue(f.key, v)} error={errors[f.key]} />
                    ))}
                  </Stack>
                );
              })
            )}
            {withBody && (
              <Input.Wrapper
                label="Request body"
                description={action.requestBody ? 'JSON; started from the required properties of the body schema.' : 'JSON; leave empty to send no body.'}
                error={errors.body}
                labelElement="div"
              >
                <Suspense
                  fallback={
                    <Center h={180}>
                      <Loader size="sm" />
                    </Center>
                  }
                >
                  <div style={{ marginTop: 4, marginBottom: errors.body ? 4 : 0 }}>
                    <JsonEditor
                      label="Request body"
                      value={body}
                      onChange={(v) => {
                        setBody(v);
                        clearError('body');
                      }}
                      invalid={!!errors.body}
                      height={200}
                    />
                  </div>
                </Suspense>
              </Input.Wrapper>
            )}
            {action.paginated && (
              <NumberInput
                label="Max pages"
                description={`1 to ${MAX_PAGES}; empty uses the pagination's page limit.`}
                placeholder="Page limit"
                min={1}
                max={MAX_PAGES}
                clampBehavior="strict"
                allowDecimal={false}
                allowNegative={false}
                value={maxPages}
                onChange={(v) => setMaxPages(typeof v === 'number' ? v : '')}
                w={200}
              />
            )}
            <Group justify="space-between" align="center">
              <Text size="xs" c="dimmed">
                <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">Enter</Kbd> sends
              </Text>
              <Group gap="xs">
                {running && (
                  <Button
                    variant="light"
                    color="red"
                    leftSection={<IconPlayerStop size={16} />}
                    onClick={() => void cancel()}
                    loading={cancelling}
                    data-testid="test-cancel"
                  >
                    Cancel
                  </Button>
                )}
                <Button
                  leftSection={<IconPlayerPlay size={16} />}
                  onClick={() => void run()}
                  loading={!!running}
                  disabled={needsConfiguration || configs === null}
                  data-testid="test-run"
                >
                  Test
                </Button>
              </Group>
            </Group>
          </Stack>
        </Paper>

        {/* The result */}
        <Stack gap="sm" style={{ flex: '3 1 560px', minWidth: 0 }} data-testid="test-result">
          {running ? (
            <LiveProgress pages={running.pages} />
          ) : shown ? (
            <RunSummaryLine run={shown} fromHistory={result!.fromHistory} configs={configs ?? []} />
          ) : (
            <Paper withBorder radius="lg" p="md">
              <Text size="sm" c="dimmed" data-testid="test-idle">
                Fill in the parameters and press Test: the request goes to {integration.hostname || 'the vendor'} with the chosen configuration's
                credentials, page by page, and every page shows here as it arrives.
              </Text>
            </Paper>
          )}
          <Tabs value={tab} onChange={(v) => v && setTab(v as ResultTab)} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="items" leftSection={<IconList size={16} />} data-testid="tab-items">
                Items{shown ? ` (${shown.itemCount.toLocaleString('en-US')})` : ''}
              </Tabs.Tab>
              <Tabs.Tab value="trace" leftSection={<IconTimeline size={16} />} data-testid="tab-trace">
                Trace
              </Tabs.Tab>
              <Tabs.Tab value="transcript" leftSection={<IconTransfer size={16} />} data-testid="tab-transcript">
                Transcript
              </Tabs.Tab>
              <Tabs.Tab value="history" leftSection={<IconHistory size={16} />} data-testid="tab-history">
                History
              </Tabs.Tab>
            </Tabs.List>
            <Box pt="md">
              <Tabs.Panel value="items">
                {shown ? <ItemsView key={shown.id} items={shown.items} itemCount={shown.itemCount} /> : <NoResult />}
              </Tabs.Panel>
              <Tabs.Panel value="trace">{shown ? <TraceView run={shown} /> : <NoResult />}</Tabs.Panel>
              <Tabs.Panel value="transcript">
                {shown ? <TranscriptView key={shown.id} transcript={shown.transcript} curl={shown.curl} /> : <NoResult />}
              </Tabs.Panel>
              <Tabs.Panel value="history">
                <HistoryView
                  integrationId={integration.id}
                  actionId={action.id}
                  configurations={configs ?? []}
                  refreshKey={historyKey}
                  currentId={shown?.id ?? null}
                  onOpen={(r) => {
                    setResult({ run: r, fromHistory: true });
                    setTab('items');
                  }}
                />
              </Tabs.Panel>
            </Box>
          </Tabs>
        </Stack>
      </Group>
    </Stack>
  );
}

function NoResult() {
  return (
    <Text size="sm" c="dimmed" py="md">
      No result yet: press Test, or open a past run from the History tab.
    </Text>
  );
}

function ConfigurationPicker({
  configs,
  noAuth,
  value,
  onChange,
  selected,
  now,
  error,
  originProblem,
  needsConfiguration,
  onOpenConfigurations,
}: {
  configs: Configuration[] | null;
  noAuth: boolean;
  value: string | null;
  onChange: (v: string | null) => void;
  selected: Configuration | null;
  now: Date;
  error?: string;
  originProblem: boolean;
  needsConfiguration: boolean;
  onOpenConfigurations?: () => void;
}) {
  const link = onOpenConfigurations ? (
    <Anchor component="button" type="button" size="sm" onClick={onOpenConfigurations} data-testid="open-configurations">
      Open the Configurations tab
    </Anchor>
  ) : null;
  if (needsConfiguration) {
    return (
      <Alert color="yellow" variant="light" icon={<IconKey size={16} />} title="No configuration yet" data-testid="no-configurations">
        <Stack gap={4}>
          <Text size="sm">This integration's requests need credentials, and those live in a configuration (one per client organisation).</Text>
          {link ?? <Text size="sm">Add one in the Configurations tab.</Text>}
        </Stack>
      </Alert>
    );
  }
  const data = [
    ...(noAuth ? [{ value: NO_CONFIGURATION, label: 'None (No Auth)' }] : []),
    ...(configs ?? []).map((c) => ({ value: c.id, label: c.organization && c.organization !== c.name ? `${c.name} · ${c.organization}` : c.name })),
  ];
  return (
    <Stack gap={6}>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <Select
          label="Configuration"
          description={noAuth ? 'No credentials are needed: No Auth.' : 'Whose credentials the request is sent with.'}
          data={data}
          value={value}
          onChange={onChange}
          allowDeselect={false}
          placeholder={configs === null ? 'Loading…' : undefined}
          error={error}
          style={{ flex: 1, minWidth: 0 }}
          data-testid="test-configuration"
        />
      </Group>
      {selected && (
        <Group gap="xs">
          <AuthStatusBadge status={selected.status} now={now} />
          {selected.originChange && (
            <Badge color="orange" variant="light" style={{ textTransform: 'none' }}>
              Hostname changed: confirm it
            </Badge>
          )}
        </Group>
      )}
      {(originProblem || selected?.originChange) && link}
    </Stack>
  );
}

function ParamInput({ field: f, value, onChange, error }: { field: ParamField; value: string; onChange: (v: string) => void; error?: string }) {
  const common = {
    label: f.name,
    description: f.description || undefined,
    required: f.required,
    error,
    'data-testid': `param-${f.key}`,
  };
  if (f.kind === 'enum' || f.kind === 'boolean') {
    return (
      <Select
        {...common}
        data={f.options}
        value={value === '' ? null : value}
        onChange={(v) => onChange(v ?? '')}
        clearable={!f.required || f.defaultValue === ''}
        placeholder={f.required ? 'Pick a value' : 'Not sent'}
      />
    );
  }
  if (f.kind === 'integer' || f.kind === 'number') {
    return (
      <NumberInput
        {...common}
        value={value === '' ? '' : Number.isNaN(Number(value)) ? value : Number(value)}
        onChange={(v) => onChange(v === '' ? '' : String(v))}
        allowDecimal={f.kind === 'number'}
        min={f.minimum}
        max={f.maximum}
        placeholder={f.required ? undefined : 'Not sent'}
      />
    );
  }
  return (
    <TextInput
      {...common}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      placeholder={f.required ? undefined : 'Not sent'}
      spellCheck={false}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
    />
  );
}

function LiveProgress({ pages }: { pages: PageTrace[] }) {
  const items = pages.reduce((n, p) => n + p.items, 0);
  return (
    <Paper withBorder radius="lg" p="md" data-testid="test-running" aria-live="polite">
      <Stack gap="sm">
        <Group gap="sm">
          <Loader size="sm" />
          <Text size="sm" fw={500}>
            {pages.length === 0 ? 'Sending the first request…' : `Running · ${plural(pages.length, 'page')} · ${plural(items, 'item')} so far`}
          </Text>
        </Group>
        {pages.length > 0 && (
          <Stack gap={4}>
            {pages.map((p) => (
              <Group key={p.number} gap="sm" data-testid="live-page">
                <Text size="sm" w={64} c="dimmed">
                  Page {p.number}
                </Text>
                <Badge color={STATUS_COLORS[statusClass(p)]} variant="light">
                  {p.status || 'failed'}
                </Badge>
                <Text size="sm">{pageLabel(p).split(' · ').slice(1).join(' · ')}</Text>
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function RunSummaryLine({ run, fromHistory, configs }: { run: Run; fromHistory: boolean; configs: Configuration[] }) {
  return (
    <Stack gap="xs">
      <Paper withBorder radius="lg" p="md" data-testid="run-summary">
        <Group gap="sm" wrap="wrap">
          <Badge size="lg" color={run.complete ? 'teal' : 'orange'} variant="light" style={{ textTransform: 'none' }} data-testid="run-complete">
            {run.complete ? 'Complete' : 'Incomplete'}
          </Badge>
          <Text size="sm" data-testid="run-stats">
            {plural(run.itemCount, 'item')} · {plural(run.pages.length, 'page')} · {formatMs(run.durationMs)}
          </Text>
          {run.stopReason && (
            <Text size="sm" c="dimmed" data-testid="run-stop">
              Stopped: {run.stopReason}
            </Text>
          )}
        </Group>
        {fromHistory && (
          <Text size="xs" c="dimmed" mt={6} data-testid="run-from-history">
            From the history: run of {formatExact(run.startedAt)} with {configurationName(run.configurationId, configs)}.
          </Text>
        )}
      </Paper>
      {run.error && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} title="The vendor call failed" data-testid="run-error">
          {run.error.message}
        </Alert>
      )}
    </Stack>
  );
}

function TraceView({ run }: { run: Run }) {
  return (
    <Stack gap="md">
      {run.pages.length === 0 ? (
        <Text size="sm" c="dimmed">
          No page came back.
        </Text>
      ) : (
        <Paper withBorder radius="md" p="md">
          <Group gap="xs" mb="xs">
            <IconRoute size={16} />
            <Text size="sm" fw={500}>
              Page timeline
            </Text>
            <Text size="xs" c="dimmed">
              one bar per page, its length the page's time ({run.pagination === 'none' ? 'no pagination' : `${run.pagination} pagination`})
            </Text>
          </Group>
          <PageTimeline pages={run.pages} stopReason={run.stopReason} />
        </Paper>
      )}
      <Table.ScrollContainer minWidth={620}>
        <Table verticalSpacing="xs" withTableBorder aria-label="Pages" data-testid="trace-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={56}>Page</Table.Th>
              <Table.Th w={80}>Status</Table.Th>
              <Table.Th>URL</Table.Th>
              <Table.Th w={90} ta="right">
                Time
              </Table.Th>
              <Table.Th w={70} ta="right">
                Items
              </Table.Th>
              <Table.Th>Stopped because</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {run.pages.map((p) => (
              <Table.Tr key={p.number} data-testid="trace-row">
                <Table.Td>{p.number}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLORS[statusClass(p)]} variant="light">
                    {p.status || 'failed'}
                  </Badge>
                  {p.retries > 0 && (
                    <Text size="xs" c="dimmed">
                      {p.retries} {p.retries === 1 ? 'retry' : 'retries'}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
                    {p.method} {p.url}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm">{formatMs(p.durationMs)}</Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm">{p.items.toLocaleString('en-US')}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={p.stop ? undefined : 'dimmed'}>
                    {p.stop || '—'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

