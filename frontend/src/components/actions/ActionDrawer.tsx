import {
  Alert,
  Button,
  Center,
  Checkbox,
  Drawer,
  Group,
  Input,
  Loader,
  Modal,
  NumberInput,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconAlertTriangle, IconPlayerPlay } from '@tabler/icons-react';
import { lazy, Suspense, useEffect, useId, useMemo, useState } from 'react';
import {
  ApiError,
  paginationFields,
  paginationTypes,
  updateAction,
  type Action,
  type Integration,
  type PaginationConfig,
  type PaginationField,
  type PaginationTypeOption,
} from '../../api';
import { checkJson, formatJson } from './jsonText';

const JsonEditor = lazy(() => import('./JsonEditor'));

export const ACTION_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE'] as const;

const LINK_LOCATIONS = [
  { value: 'body', label: 'JSON response body' },
  { value: 'header', label: 'Response header' },
];

// The numeric pagination details and their seed limits.
const NUMBER_FIELDS: Record<string, number> = { default_page_size: 1000, default_page_limit: 20, page_start: 1_000_000 };

export interface ActionDrawerProps {
  integration: Integration;
  /** The action to edit; null closes the drawer. */
  action: Action | null;
  onClose: () => void;
  /** Called with the stored action (as the backend returned it) and the one edited. */
  onSaved: (saved: Action, before: Action) => void;
  /** Opens the Test panel for the stored action. */
  onTest?: (action: Action) => void;
}

/**
 * Edits one action: name, description, method, path, parameters and request
 * body (JSON), the paginated flag and a per-action pagination override.
 * The backend validates; its field errors appear under their inputs.
 */
export function ActionDrawer({ integration, action, onClose, onSaved, onTest }: ActionDrawerProps) {
  const [dirty, setDirty] = useState(false);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    setDirty(false);
    setConfirming(false);
  }, [action?.id]);

  function requestClose() {
    if (dirty) setConfirming(true);
    else onClose();
  }

  return (
    <>
      <Drawer
        opened={action !== null}
        onClose={requestClose}
        position="right"
        size="xl"
        title={<Text fw={600}>Edit action</Text>}
        closeButtonProps={{ 'aria-label': 'Close the action editor' }}
      >
        {action && (
          <ActionForm
            key={action.id}
            integration={integration}
            action={action}
            onDirtyChange={setDirty}
            onCancel={requestClose}
            onTest={onTest}
            onSaved={(saved) => {
              setDirty(false);
              onSaved(saved, action);
            }}
          />
        )}
      </Drawer>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Discard your changes?" centered zIndex={400}>
        <Stack>
          <Text size="sm">This action has changes that are not saved. Closing the editor throws them away.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
              Keep editing
            </Button>
            <Button
              color="red"
              onClick={() => {
                setConfirming(false);
                setDirty(false);
                onClose();
              }}
            >
              Discard changes
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

interface Form {
  name: string;
  description: string;
  method: string;
  path: string;
  parameters: string;
  requestBody: string;
  paginated: boolean;
  override: boolean;
  pagination: PaginationConfig;
}

type Errors = Record<string, string>;

function toForm(action: Action, integration: Integration): Form {
  return {
    name: action.name ?? '',
    description: action.description ?? '',
    method: (action.method ?? 'GET').toUpperCase(),
    path: action.path ?? '',
    parameters: formatJson(action.parameters ?? []),
    requestBody: formatJson(action.requestBody),
    paginated: action.paginated === true,
    override: !!action.pagination,
    pagination: action.pagination ? { ...action.pagination } : { type: integration.pagination.type || 'none' },
  };
}

/** The field an error from UpdateAction names, as this form keys it: "action.path" → "path". */
export function formField(field: string | undefined): string {
  if (!field) return 'form';
  const f = field.replace(/^action\./, '');
  if (['name', 'description', 'method', 'path', 'parameters', 'requestBody', 'paginated'].includes(f)) return f;
  if (f === 'pagination' || f.startsWith('pagination.')) return f;
  return 'form';
}

/** The override as stored: the type and the details that have a value. */
function cleanPagination(p: PaginationConfig): PaginationConfig {
  const out: Record<string, unknown> = { type: p.type };
  for (const [k, v] of Object.entries(p)) {
    if (k === 'type' || v === undefined || v === null) continue;
    if (typeof v === 'string' && v.trim() === '') continue;
    out[k] = typeof v === 'string' ? v.trim() : v;
  }
  return out as PaginationConfig;
}

function ActionForm({
  integration,
  action,
  onDirtyChange,
  onCancel,
  onSaved,
  onTest,
}: {
  integration: Integration;
  action: Action;
  onDirtyChange: (dirty: boolean) => void;
  onCancel: () => void;
  onSaved: (saved: Action) => void;
  onTest?: (action: Action) => void;
}) {
  const ids = useId();
  const [initial] = useState<Form>(() => toForm(action, integration));
  const [form, setForm] = useState<Form>(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const [types, setTypes] = useState<PaginationTypeOption[]>([]);
  const [fields, setFields] = useState<PaginationField[] | null>(null);
  const dirty = JSON.stringify(form) !== JSON.stringify(initial);

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  useEffect(() => {
    if (!form.override || types.length > 0) return;
    let stale = false;
    paginationTypes()
      .then((t) => !stale && setTypes(t))
      .catch((err: unknown) => !stale && setErrors((e) => ({ ...e, 'pagination.type': messageOf(err) })));
    return () => {
      stale = true;
    };
  }, [form.override, types.length]);

  const pType = form.pagination.type;
  const linkLocation = form.pagination.link_location ?? '';
  useEffect(() => {
    if (!form.override) return;
    let stale = false;
    paginationFields(pType, linkLocation)
      .then((f) => !stale && setFields(f))
      .catch((err: unknown) => !stale && setErrors((e) => ({ ...e, 'pagination.type': messageOf(err) })));
    return () => {
      stale = true;
    };
  }, [form.override, pType, linkLocation]);

  // JSON is checked as it is typed, so a mistake shows with its line and column before anything is sent.
  const paramsCheck = useMemo(() => (form.parameters.trim() === '' ? null : checkJson(form.parameters)), [form.parameters]);
  const bodyCheck = useMemo(() => (form.requestBody.trim() === '' ? null : checkJson(form.requestBody)), [form.requestBody]);
  const jsonErrors: Errors = {};
  if (paramsCheck && !paramsCheck.ok) jsonErrors.parameters = `Not valid JSON. ${paramsCheck.message}`;
  else if (paramsCheck?.ok && !Array.isArray(paramsCheck.value))
    jsonErrors.parameters = 'Parameters must be a JSON list: [ … ], one object per parameter.';
  if (bodyCheck && !bodyCheck.ok) jsonErrors.requestBody = `Not valid JSON. ${bodyCheck.message}`;

  function set<K extends keyof Form>(key: K, value: Form[K], errorKey: string = key) {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => {
      if (!(errorKey in e) && !('form' in e)) return e;
      const { [errorKey]: _gone, form: _form, ...rest } = e;
      return rest;
    });
  }

  function setDetail(name: string, value: string | number | undefined) {
    setForm((f) => ({ ...f, pagination: { ...f.pagination, [name]: value } }));
    setErrors((e) => {
      const key = `pagination.${name}`;
      if (!(key in e) && !('form' in e)) return e;
      const { [key]: _gone, form: _form, ...rest } = e;
      return rest;
    });
  }

  async function save() {
    if (Object.keys(jsonErrors).length > 0) {
      setErrors((e) => ({ ...e, ...jsonErrors }));
      return;
    }
    const updated: Action = {
      ...action,
      name: form.name,
      description: form.description,
      method: form.method,
      path: form.path,
      parameters: paramsCheck?.ok ? paramsCheck.value : [],
      requestBody: bodyCheck?.ok ? bodyCheck.value : undefined,
      paginated: form.paginated,
      pagination: form.override ? cleanPagination(form.pagination) : undefined,
    };
    setSaving(true);
    try {
      const saved = await updateAction(integration.id, updated);
      setErrors({});
      onSaved(saved);
    } catch (err) {
      const field = err instanceof ApiError ? formField(err.field) : 'form';
      setErrors({ [field === 'pagination' ? 'pagination.type' : field]: messageOf(err) });
    } finally {
      setSaving(false);
    }
  }

  const typeOption = types.find((t) => t.type === pType);
  const sameType = pType === (integration.pagination.type || 'none');
  const shown = (key: string) => errors[key] ?? jsonErrors[key];

  return (
    <Stack gap="md" data-testid="action-drawer" pb="xl">
      {errors.form && (
        <Alert color="red" icon={<IconAlertTriangle size={16} />} title="The action was not saved">
          {errors.form}
        </Alert>
      )}
      <TextInput
        label="Name"
        description="How the action shows in the workflow builder, e.g. Get Photo Records."
        required
        value={form.name}
        onChange={(e) => set('name', e.currentTarget.value)}
        error={errors.name}
        data-autofocus
      />
      <Textarea
        label="Description"
        autosize
        minRows={2}
        maxRows={8}
        value={form.description}
        onChange={(e) => set('description', e.currentTarget.value)}
        error={errors.description}
      />
      <Group align="flex-start" grow preventGrowOverflow={false}>
        <Select
          label="Method"
          data={[...ACTION_METHODS]}
          value={form.method}
          onChange={(v) => v && set('method', v)}
          allowDeselect={false}
          error={errors.method}
          style={{ flex: '0 0 140px' }}
        />
        <TextInput
          label="Path"
          description="Starts with /; path parameters in braces, e.g. /users/{id}."
          value={form.path}
          onChange={(e) => set('path', e.currentTarget.value)}
          error={errors.path}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          style={{ flex: '1 1 auto' }}
        />
      </Group>
      <JsonField
        label="Parameters"
        description="A JSON list, one object per parameter (name, in: path, query or header, required, schema)."
        value={form.parameters}
        onChange={(v) => set('parameters', v)}
        error={shown('parameters')}
      />
      <JsonField
        label="Request body schema"
        description="The JSON Schema of the request body; leave it empty when the action sends no body."
        value={form.requestBody}
        onChange={(v) => set('requestBody', v)}
        error={shown('requestBody')}
      />
      {/* Descriptions sit outside the labels so the controls are named exactly "Paginated" and "Override…". */}
      <div>
        <Switch
          label="Paginated"
          aria-describedby={`${ids}-paginated-help`}
          checked={form.paginated}
          onChange={(e) => set('paginated', e.currentTarget.checked)}
          error={errors.paginated}
        />
        <Text id={`${ids}-paginated-help`} size="xs" c="dimmed" mt={4} ml={46}>
          The action returns a list split into pages. The organization mapping reads such an action.
        </Text>
      </div>
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <div>
            <Checkbox
              label="Override the integration's pagination"
              aria-describedby={`${ids}-override-help`}
              checked={form.override}
              onChange={(e) => set('override', e.currentTarget.checked, 'pagination.type')}
            />
            <Text id={`${ids}-override-help`} size="xs" c="dimmed" mt={4} ml={32}>
              For an action that pages differently from the rest of the integration (which uses{' '}
              {integration.pagination.type && integration.pagination.type !== 'none'
                ? `${integration.pagination.type} pagination`
                : 'no pagination'}
              ).
            </Text>
          </div>
          {form.override && (
            <>
              <Select
                label="Pagination type"
                data={types.map((t) => ({ value: t.type, label: t.label }))}
                value={pType}
                onChange={(v) => v && setForm((f) => ({ ...f, pagination: { ...f.pagination, type: v } }))}
                allowDeselect={false}
                error={errors['pagination.type'] ?? errors.pagination}
                description={typeOption?.guidance}
                placeholder={types.length === 0 ? 'Loading…' : undefined}
              />
              {sameType && pType !== 'none' && (
                <Text size="xs" c="dimmed">
                  Same type as the integration: leave a detail empty to use the integration's value.
                </Text>
              )}
              {(fields ?? []).map((f) => (
                <PaginationDetail key={f.name} field={f} config={form.pagination} error={errors[`pagination.${f.name}`]} onChange={setDetail} />
              ))}
            </>
          )}
        </Stack>
      </Paper>
      <Group justify="space-between">
        {onTest ? (
          <Tooltip label={dirty ? 'Save first: the test sends the action as stored' : 'Send this action to the vendor'} withArrow>
            <Button
              variant="light"
              leftSection={<IconPlayerPlay size={16} />}
              onClick={() => onTest(action)}
              disabled={dirty}
              data-testid="action-drawer-test"
            >
              Test
            </Button>
          </Tooltip>
        ) : (
          <span />
        )}
        <Group gap="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button onClick={() => void save()} loading={saving} disabled={!dirty}>
            Save action
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

function PaginationDetail({
  field: f,
  config,
  error,
  onChange,
}: {
  field: PaginationField;
  config: PaginationConfig;
  error?: string;
  onChange: (name: string, value: string | number | undefined) => void;
}) {
  const value = (config as Record<string, unknown>)[f.name];
  if (f.name === 'link_location') {
    return (
      <Select
        label={f.label}
        description={f.help}
        data={LINK_LOCATIONS}
        value={typeof value === 'string' && value !== '' ? value : null}
        onChange={(v) => onChange(f.name, v ?? undefined)}
        error={error}
        clearable
      />
    );
  }
  if (f.name in NUMBER_FIELDS) {
    return (
      <NumberInput
        label={f.label}
        description={f.help}
        value={typeof value === 'number' ? value : ''}
        onChange={(v) => onChange(f.name, typeof v === 'number' ? v : undefined)}
        min={1}
        max={NUMBER_FIELDS[f.name]}
        allowDecimal={false}
        allowNegative={false}
        error={error}
      />
    );
  }
  return (
    <TextInput
      label={f.label}
      description={f.help}
      value={typeof value === 'string' ? value : ''}
      onChange={(e) => onChange(f.name, e.currentTarget.value)}
      error={error}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
    />
  );
}

function JsonField({
  label,
  description,
  value,
  onChange,
  error,
}: {
  label: string;
  description: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  return (
    <Input.Wrapper label={label} description={description} error={error} labelElement="div">
      <Suspense
        fallback={
          <Center h={180}>
            <Loader size="sm" />
          </Center>
        }
      >
        <div style={{ marginTop: 4, marginBottom: error ? 4 : 0 }}>
          <JsonEditor label={label} value={value} onChange={onChange} invalid={!!error} />
        </div>
      </Suspense>
    </Input.Wrapper>
  );
}

function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
