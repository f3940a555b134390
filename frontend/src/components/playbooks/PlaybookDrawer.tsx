import {
  ActionIcon,
  Alert,
  Autocomplete,
  Badge,
  Button,
  Drawer,
  Group,
  Loader,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertCircle, IconAlertTriangle, IconEye, IconPlus, IconTrash, IconWand } from '@tabler/icons-react';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  createPlaybook,
  listConfigurations,
  previewPlaybook,
  toApiError,
  updatePlaybook,
  type ApiError,
  type Blueprint,
  type Configuration,
  type IntegrationSummary,
  type Mapping,
  type MappingKind,
  type Playbook,
  type PlaybookInput,
  type PlaybookResult,
} from '../../api';
import { ActionSelect, useActions } from '../blueprints/ActionPicker';
import { actionParameters } from '../testpanel/params';
import { countsText, RecordsTable } from './RunResult';

export const MAX_BLUEPRINTS = 5;
const NONE = '__none__';
/** How long typing pauses before the preview is asked for. */
export const PREVIEW_DEBOUNCE_MS = 500;

const KINDS: { value: MappingKind; label: string }[] = [
  { value: 'path', label: 'JSONPath' },
  { value: 'constant', label: 'Constant' },
  { value: 'template', label: 'Template' },
];

const PLACEHOLDER: Record<MappingKind, (field: string) => string> = {
  path: (f) => `$.${f}`,
  constant: () => 'The same text for every record',
  template: () => '{first} {last}',
};

export interface PlaybookDrawerProps {
  /** A playbook to edit, 'new' to create one, null closes the drawer. */
  editing: Playbook | 'new' | null;
  integrations: IntegrationSummary[];
  blueprints: Blueprint[];
  onClose: () => void;
  onSaved: (saved: Playbook, created: boolean) => void;
}

export function PlaybookDrawer({ editing, integrations, blueprints, onClose, onSaved }: PlaybookDrawerProps) {
  const isNew = editing === 'new';
  return (
    <Drawer
      opened={editing !== null}
      onClose={onClose}
      position="right"
      size="min(1040px, 94vw)"
      title={<Text fw={600}>{isNew ? 'Create playbook' : 'Edit playbook'}</Text>}
      closeButtonProps={{ 'aria-label': 'Close the playbook form' }}
    >
      {editing !== null && (
        <PlaybookForm
          key={isNew ? 'new' : editing.id}
          playbook={isNew ? null : editing}
          integrations={integrations}
          blueprints={blueprints}
          onCancel={onClose}
          onSaved={(p) => onSaved(p, isNew)}
        />
      )}
    </Drawer>
  );
}

interface ParamRow {
  key: number;
  name: string;
  value: string;
}

interface Form {
  name: string;
  integrationId: string;
  actionId: string;
  configurationId: string;
  params: ParamRow[];
  blueprints: string[];
  /** Everything typed, including empty values; only filled ones are sent. */
  mappings: Record<string, Record<string, Mapping>>;
}

let nextKey = 1;

function formOf(p: Playbook | null): Form {
  return {
    name: p?.name ?? '',
    integrationId: p?.integrationId ?? '',
    actionId: p?.actionId ?? '',
    configurationId: p?.configurationId ?? '',
    params: Object.entries(p?.params ?? {}).map(([name, value]) => ({ key: nextKey++, name, value })),
    blueprints: p?.blueprints ?? [],
    mappings: p?.mappings ?? {},
  };
}

/** The form as the backend takes it: only connected blueprints, only mappings with a value. */
export function inputOf(form: Form): PlaybookInput {
  const params: Record<string, string> = {};
  for (const r of form.params) if (r.name.trim() !== '') params[r.name.trim()] = r.value;
  const mappings: PlaybookInput['mappings'] = {};
  for (const id of form.blueprints) {
    const fields: Record<string, Mapping> = {};
    for (const [name, m] of Object.entries(form.mappings[id] ?? {})) if (m.value.trim() !== '') fields[name] = { kind: m.kind, value: m.value.trim() };
    if (Object.keys(fields).length > 0) mappings[id] = fields;
  }
  return {
    name: form.name.trim(),
    integrationId: form.integrationId,
    actionId: form.actionId,
    configurationId: form.configurationId,
    params,
    blueprints: form.blueprints,
    mappings,
  };
}

const TOP_FIELDS = ['name', 'integrationId', 'actionId', 'configurationId', 'blueprints', 'mappings'];

function PlaybookForm({
  playbook,
  integrations,
  blueprints,
  onCancel,
  onSaved,
}: {
  playbook: Playbook | null;
  integrations: IntegrationSummary[];
  blueprints: Blueprint[];
  onCancel: () => void;
  onSaved: (saved: Playbook) => void;
}) {
  const [form, setForm] = useState<Form>(() => formOf(playbook));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const { actions } = useActions(form.integrationId);
  const [configs, setConfigs] = useState<Configuration[] | null>(null);

  useEffect(() => {
    if (!form.integrationId) {
      setConfigs([]);
      return;
    }
    let live = true;
    setConfigs(null);
    listConfigurations(form.integrationId).then(
      (c) => live && setConfigs(c),
      () => live && setConfigs([]),
    );
    return () => {
      live = false;
    };
  }, [form.integrationId]);

  const set = (patch: Partial<Form>, clear: string[] = []) => {
    setForm((f) => ({ ...f, ...patch }));
    if (clear.length > 0 || errors.form) {
      setErrors((e) => {
        const next = { ...e };
        for (const k of clear) delete next[k];
        delete next.form;
        return next;
      });
    }
  };
  const setMapping = (bp: Blueprint, field: string, patch: Partial<Mapping>) => {
    setForm((f) => {
      const current = f.mappings[bp.id]?.[field] ?? { kind: 'path' as MappingKind, value: '' };
      return { ...f, mappings: { ...f.mappings, [bp.id]: { ...f.mappings[bp.id], [field]: { ...current, ...patch } } } };
    });
    const key = `mappings.${bp.name}.${field}`;
    if (errors[key] || errors.mappings || errors.form) {
      setErrors((e) => {
        const next = { ...e };
        delete next[key];
        delete next.mappings;
        delete next.form;
        return next;
      });
    }
  };
  /** Maps every unmapped field to the item property of the same name ($.owner.email). */
  const mapByName = (bp: Blueprint) =>
    setForm((f) => {
      const current = { ...f.mappings[bp.id] };
      for (const fd of bp.fields) if (!current[fd.name]?.value.trim()) current[fd.name] = { kind: 'path', value: `$.${fd.name}` };
      return { ...f, mappings: { ...f.mappings, [bp.id]: current } };
    });

  const input = useMemo(() => inputOf(form), [form]);
  const connected = form.blueprints.map((id) => blueprints.find((b) => b.id === id)).filter((b): b is Blueprint => !!b);

  async function save() {
    setSaving(true);
    setErrors({});
    try {
      onSaved(playbook ? await updatePlaybook(playbook.id, input) : await createPlaybook(input));
    } catch (err) {
      const e = toApiError(err);
      const f = e.field ?? '';
      const shown = connected.some((bp) => bp.fields.some((fd) => f === `mappings.${bp.name}.${fd.name}`));
      if (shown || TOP_FIELDS.includes(f)) setErrors({ [f]: e.message });
      else if (f.startsWith('mappings.')) setErrors({ mappings: e.message });
      else if (f.startsWith('params')) setErrors({ params: e.message });
      else setErrors({ form: e.message });
    } finally {
      setSaving(false);
    }
  }

  const action = actions?.find((a) => a.id === form.actionId) ?? null;
  const paramNames = action ? [...new Set(actionParameters(action).map((p) => p.name))] : [];
  const configData = [{ value: NONE, label: 'None (No Auth)' }, ...(configs ?? []).map((c) => ({ value: c.id, label: c.organization && c.organization !== c.name ? `${c.name} · ${c.organization}` : c.name }))];

  return (
    <Stack gap="lg" data-testid="playbook-form">
      <TextInput
        label="Name"
        required
        value={form.name}
        onChange={(e) => set({ name: e.currentTarget.value }, ['name'])}
        error={errors.name}
        maw={480}
        data-testid="playbook-name"
        data-autofocus
      />

      <Section title="Source" description="The action whose results the playbook maps, sent with this configuration and these parameters.">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <Select
            label="Integration"
            placeholder="Pick an integration"
            searchable
            data={integrations.map((i) => ({ value: i.id, label: i.name }))}
            value={form.integrationId || null}
            onChange={(v) => set({ integrationId: v ?? '', actionId: '', configurationId: '', params: [] }, ['integrationId', 'actionId', 'configurationId'])}
            error={errors.integrationId}
            data-testid="playbook-integration"
          />
          <ActionSelect
            integrationId={form.integrationId}
            value={form.actionId}
            onChange={(id) => set({ actionId: id }, ['actionId'])}
            error={errors.actionId}
            testId="playbook-action"
          />
          <Select
            label="Configuration"
            placeholder={configs === null ? 'Loading…' : undefined}
            disabled={!form.integrationId}
            allowDeselect={false}
            data={configData}
            value={form.configurationId || NONE}
            onChange={(v) => set({ configurationId: !v || v === NONE ? '' : v }, ['configurationId'])}
            error={errors.configurationId}
            data-testid="playbook-configuration"
          />
        </SimpleGrid>
        <Stack gap={6} mt="sm">
          <Group justify="space-between">
            <Text size="sm" fw={500}>
              Parameters
            </Text>
            <Button
              size="compact-xs"
              variant="subtle"
              leftSection={<IconPlus size={14} />}
              onClick={() => set({ params: [...form.params, { key: nextKey++, name: '', value: '' }] }, ['params'])}
              data-testid="add-param"
            >
              Add parameter
            </Button>
          </Group>
          {form.params.length === 0 && (
            <Text size="xs" c="dimmed">
              None: the action runs with its defaults.
            </Text>
          )}
          {form.params.map((r, i) => (
            <Group key={r.key} gap="sm" wrap="nowrap" data-testid="param-row">
              <Autocomplete
                aria-label={`Parameter ${i + 1} name`}
                placeholder="Name"
                data={paramNames}
                value={r.name}
                onChange={(v) => set({ params: form.params.map((p) => (p.key === r.key ? { ...p, name: v } : p)) }, ['params'])}
                style={{ flex: 1 }}
              />
              <TextInput
                aria-label={`Parameter ${i + 1} value`}
                placeholder="Value"
                value={r.value}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  set({ params: form.params.map((p) => (p.key === r.key ? { ...p, value: v } : p)) }, ['params']);
                }}
                style={{ flex: 2 }}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`Remove parameter ${i + 1}`}
                onClick={() => set({ params: form.params.filter((p) => p.key !== r.key) }, ['params'])}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          {errors.params && (
            <Text size="xs" c="red">
              {errors.params}
            </Text>
          )}
        </Stack>
      </Section>

      <Section title="Blueprints" description={`The shapes of the records: one record per item and connected blueprint (at most ${MAX_BLUEPRINTS}).`}>
        <MultiSelect
          aria-label="Connected blueprints"
          placeholder={form.blueprints.length >= MAX_BLUEPRINTS ? undefined : blueprints.length === 0 ? 'No blueprints yet: create one first' : 'Connect a blueprint'}
          data={blueprints.map((b) => ({ value: b.id, label: b.name }))}
          value={form.blueprints}
          onChange={(v) => set({ blueprints: v }, ['blueprints', 'mappings'])}
          maxValues={MAX_BLUEPRINTS}
          searchable
          error={errors.blueprints}
          data-testid="playbook-blueprints"
        />
      </Section>

      {connected.length > 0 && (
        <Section title="Mappings" description="For each field, a data field: a JSONPath into each result item, a constant, or a template such as {first} {last}.">
          {errors.mappings && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} data-testid="mappings-error">
              {errors.mappings}
            </Alert>
          )}
          <Stack gap="md">
            {connected.map((bp) => (
              <MappingTable
                key={bp.id}
                blueprint={bp}
                mappings={form.mappings[bp.id] ?? {}}
                errors={errors}
                onChange={(field, patch) => setMapping(bp, field, patch)}
                onMapByName={() => mapByName(bp)}
              />
            ))}
          </Stack>
        </Section>
      )}

      <Preview input={input} blueprints={connected} />

      {errors.form && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} data-testid="playbook-form-error">
          {errors.form}
        </Alert>
      )}
      <Group
        justify="flex-end"
        gap="sm"
        pt="sm"
        pb="xs"
        style={{ position: 'sticky', bottom: 0, zIndex: 3, background: 'var(--mantine-color-body)', borderTop: '1px solid var(--mantine-color-default-border)' }}
      >
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button onClick={() => void save()} loading={saving} data-testid="save-playbook">
          {playbook ? 'Save playbook' : 'Create playbook'}
        </Button>
      </Group>
    </Stack>
  );
}

function Section({ title, description, children }: { title: string; description: ReactNode; children: ReactNode }) {
  return (
    <Stack gap="sm">
      <div>
        <Title order={4}>{title}</Title>
        <Text size="sm" c="dimmed">
          {description}
        </Text>
      </div>
      {children}
    </Stack>
  );
}

function MappingTable({
  blueprint,
  mappings,
  errors,
  onChange,
  onMapByName,
}: {
  blueprint: Blueprint;
  mappings: Record<string, Mapping>;
  errors: Record<string, string>;
  onChange: (field: string, patch: Partial<Mapping>) => void;
  onMapByName: () => void;
}) {
  const mapped = blueprint.fields.filter((f) => mappings[f.name]?.value.trim()).length;
  const missing = blueprint.fields.filter((f) => f.mappingRequired && !mappings[f.name]?.value.trim()).length;
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }} data-testid="mapping-table" data-blueprint={blueprint.name}>
      <Group justify="space-between" px="md" py={8} bg="var(--mantine-color-default-hover)" wrap="nowrap">
        <Group gap="xs">
          <Text fw={600} size="sm">
            {blueprint.name}
          </Text>
          <Text size="xs" c="dimmed">
            {mapped} of {blueprint.fields.length} mapped
          </Text>
          {missing > 0 && (
            <Badge size="sm" color="yellow" variant="light" radius="sm">
              {missing} required unmapped
            </Badge>
          )}
        </Group>
        <Tooltip label="Map every unmapped field to the item property of the same name" withArrow>
          <Button size="compact-xs" variant="subtle" leftSection={<IconWand size={14} />} onClick={onMapByName}>
            Map by name
          </Button>
        </Tooltip>
      </Group>
      <Table verticalSpacing={6} horizontalSpacing="md" aria-label={`${blueprint.name} mappings`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="32%">Field</Table.Th>
            <Table.Th w={140}>Kind</Table.Th>
            <Table.Th>Value</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {blueprint.fields.map((f) => {
            const m = mappings[f.name] ?? { kind: 'path' as MappingKind, value: '' };
            const key = `mappings.${blueprint.name}.${f.name}`;
            return (
              <Table.Tr key={f.name} data-testid="mapping-row">
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
                      {f.name}
                    </Text>
                    {f.mappingRequired && (
                      <Badge size="xs" color="orange" variant="light" radius="sm">
                        required
                      </Badge>
                    )}
                  </Group>
                  {f.description && (
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {f.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    aria-label={`${blueprint.name} ${f.name} kind`}
                    data={KINDS}
                    value={m.kind}
                    allowDeselect={false}
                    onChange={(v) => onChange(f.name, { kind: (v as MappingKind) ?? 'path' })}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    aria-label={`${blueprint.name} ${f.name} value`}
                    placeholder={PLACEHOLDER[m.kind](f.name)}
                    value={m.value}
                    onChange={(e) => onChange(f.name, { value: e.currentTarget.value })}
                    error={errors[key]}
                    data-mapping-key={key}
                    styles={{ input: { fontFamily: m.kind === 'constant' ? undefined : 'var(--mantine-font-family-monospace)' } }}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

type PreviewState =
  | { status: 'idle' }
  | { status: 'loading'; last: PlaybookResult | null }
  | { status: 'ready'; result: PlaybookResult }
  | { status: 'error'; error: ApiError };

/** The mappings evaluated against the action's last test run, as they are edited. */
function Preview({ input, blueprints }: { input: PlaybookInput; blueprints: Blueprint[] }) {
  // The backend checks the whole input; the name does not change what the mappings produce.
  const key = JSON.stringify({ ...input, name: '' });
  const [debounced] = useDebouncedValue(key, PREVIEW_DEBOUNCE_MS);
  const [state, setState] = useState<PreviewState>({ status: 'idle' });
  const ready = input.actionId !== '' && input.blueprints.length > 0;

  useEffect(() => {
    const req = JSON.parse(debounced) as PlaybookInput;
    if (!req.actionId || req.blueprints.length === 0) {
      setState({ status: 'idle' });
      return;
    }
    let live = true;
    setState((s) => ({ status: 'loading', last: s.status === 'ready' ? s.result : s.status === 'loading' ? s.last : null }));
    previewPlaybook({ ...req, name: input.name || 'Preview' }).then(
      (result) => live && setState({ status: 'ready', result }),
      (err) => live && setState({ status: 'error', error: toApiError(err) }),
    );
    return () => {
      live = false;
    };
    // input.name is left out on purpose: see key.
  }, [debounced]);

  const shown = state.status === 'ready' ? state.result : state.status === 'loading' ? state.last : null;
  return (
    <Paper withBorder radius="md" p="md" data-testid="playbook-preview" bg="var(--mantine-color-default-hover)">
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <IconEye size={18} />
          <Title order={4}>Preview</Title>
          {state.status === 'loading' && <Loader size={14} data-testid="preview-loading" />}
        </Group>
        {shown && (
          <Text size="xs" c="dimmed" data-testid="preview-counts">
            From the action's last test run · {countsText(shown, false)}
          </Text>
        )}
      </Group>
      {!ready && (
        <Text size="sm" c="dimmed">
          Pick the action and connect a blueprint to see the records its last test run maps to.
        </Text>
      )}
      {ready && state.status === 'error' && (
        <Alert
          color={state.error.field === 'actionId' ? 'yellow' : 'red'}
          variant="light"
          icon={state.error.field === 'actionId' ? <IconAlertTriangle size={18} /> : <IconAlertCircle size={18} />}
          title={state.error.field === 'actionId' ? 'No test run to preview' : 'No preview'}
          data-testid="preview-error"
        >
          {state.error.message}
        </Alert>
      )}
      {ready && shown && <RecordsTable records={shown.records} blueprints={blueprints} />}
    </Paper>
  );
}
