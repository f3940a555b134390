import {
  ActionIcon,
  Alert,
  Anchor,
  Autocomplete,
  Button,
  Divider,
  Drawer,
  Group,
  NumberInput,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconAlertCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import {
  createConfiguration,
  toApiError,
  updateConfiguration,
  type Configuration,
  type ConfigurationInput,
  type Integration,
} from '../../api';
import { OVERRIDE_EXAMPLES, overrideKeyOf, overrideKeysFor, overridesOf, rowsOf, type OverrideRow } from './overrides';
import { secretLabel } from './status';

export interface ConfigurationDrawerProps {
  integration: Integration;
  /** Open with a configuration to edit it, with 'new' to add one; null closes the drawer. */
  editing: Configuration | 'new' | null;
  /** The secrets a configuration of this integration asks for. */
  secretFields: string[];
  /** Local organisations offered for the organisation field (from the org mapping). */
  organizations: string[];
  onClose: () => void;
  onSaved: (saved: Configuration, created: boolean) => void;
}

/** Adds or edits a configuration. Secrets are write-only: saved ones are never shown, only marked "saved". */
export function ConfigurationDrawer({ integration, editing, secretFields, organizations, onClose, onSaved }: ConfigurationDrawerProps) {
  const isNew = editing === 'new';
  return (
    <Drawer
      opened={editing !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={<Text fw={600}>{isNew ? 'Add configuration' : 'Edit configuration'}</Text>}
      closeButtonProps={{ 'aria-label': 'Close the configuration form' }}
    >
      {editing !== null && (
        <ConfigurationForm
          key={isNew ? 'new' : editing.id}
          integration={integration}
          configuration={isNew ? null : editing}
          secretFields={secretFields}
          organizations={organizations}
          onCancel={onClose}
          onSaved={(c) => onSaved(c, isNew)}
        />
      )}
    </Drawer>
  );
}

interface Form {
  name: string;
  organization: string;
  username: string;
  clientId: string;
  redirectPort: number | '';
  secrets: Record<string, string>;
  clear: string[];
  rows: OverrideRow[];
}

type Errors = Record<string, string>;

const FIELDS = ['name', 'organization', 'values.username', 'values.clientId', 'values.redirectPort', 'clearSecrets'];

/** Where a backend error shows: on its field, on an override row, or above the form. */
function errorKey(field: string | undefined, rows: OverrideRow[]): string {
  if (!field) return 'form';
  if (FIELDS.includes(field) || field.startsWith('secrets.')) return field;
  const key = overrideKeyOf(field);
  if (key !== null) return rows.some((r) => r.key.trim() === key) ? `override:${key}` : 'overrides';
  if (field === 'overrides') return 'overrides';
  return 'form';
}

function ConfigurationForm({
  integration,
  configuration,
  secretFields,
  organizations,
  onCancel,
  onSaved,
}: {
  integration: Integration;
  configuration: Configuration | null;
  secretFields: string[];
  organizations: string[];
  onCancel: () => void;
  onSaved: (saved: Configuration) => void;
}) {
  const [form, setForm] = useState<Form>(() => ({
    name: configuration?.name ?? '',
    organization: configuration?.organization ?? '',
    username: configuration?.username ?? '',
    clientId: configuration?.clientId ?? '',
    redirectPort: configuration?.redirectPort || '',
    // Never pre-filled: the API does not return saved secrets, and the inputs start empty.
    secrets: {},
    clear: [],
    rows: rowsOf(configuration?.overrides ?? {}),
  }));
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);

  const method = integration.authMethod;
  const grant = integration.authDefaults.oauth2?.grant_type ?? '';
  const overrideKeys = overrideKeysFor(method, grant);
  const saved = new Set(configuration?.secretFields ?? []);

  const set = (patch: Partial<Form>, ...fields: string[]) => {
    setForm((f) => ({ ...f, ...patch }));
    if (fields.length > 0) {
      setErrors((e) => {
        const next = { ...e };
        for (const f of [...fields, 'form']) delete next[f];
        return next;
      });
    }
  };
  const setRow = (i: number, patch: Partial<OverrideRow>) => {
    const before = form.rows[i]!;
    set({ rows: form.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) }, `override:${before.key.trim()}`, 'overrides');
  };

  async function save() {
    setSaving(true);
    setErrors({});
    const secrets: Record<string, string> = {};
    for (const f of secretFields) if (form.secrets[f]) secrets[f] = form.secrets[f];
    const input: ConfigurationInput = {
      name: form.name,
      organization: form.organization,
      values: {
        ...(method === 'basic' && form.username.trim() ? { username: form.username } : {}),
        ...(method === 'oauth2' && form.clientId.trim() ? { clientId: form.clientId } : {}),
        ...(method === 'oauth2' && form.redirectPort !== '' ? { redirectPort: form.redirectPort } : {}),
        ...(overrideKeys.length > 0 && form.rows.some((r) => r.key.trim()) ? { overrides: overridesOf(form.rows) } : {}),
      },
      secrets,
      clearSecrets: form.clear.filter((f) => !secrets[f]),
    };
    try {
      const c = configuration
        ? await updateConfiguration(integration.id, configuration.id, input)
        : await createConfiguration(integration.id, input);
      onSaved(c);
    } catch (err) {
      const e = toApiError(err);
      setErrors({ [errorKey(e.field, form.rows)]: e.message });
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      data-testid="configuration-form"
    >
      <Stack gap="md">
        {errors.form && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} data-testid="configuration-form-error">
            {errors.form}
          </Alert>
        )}
        <TextInput
          label="Name"
          description="Usually the client organisation it is for; the CLI's --config takes it too."
          withAsterisk
          value={form.name}
          onChange={(e) => set({ name: e.currentTarget.value }, 'name')}
          error={errors.name}
          data-autofocus
        />
        <Autocomplete
          label="Organisation"
          description={
            organizations.length > 0
              ? 'Optional. The local organisations of the organisation mapping are offered.'
              : 'Optional: the client organisation this configuration signs in for.'
          }
          data={organizations}
          value={form.organization}
          onChange={(v) => set({ organization: v }, 'organization')}
          error={errors.organization}
        />

        {(method === 'basic' || method === 'oauth2' || secretFields.length > 0) && <Divider label="Credentials" labelPosition="left" />}
        {method === 'basic' && (
          <TextInput
            label="Username"
            value={form.username}
            onChange={(e) => set({ username: e.currentTarget.value }, 'values.username')}
            error={errors['values.username']}
            autoComplete="off"
          />
        )}
        {method === 'oauth2' && (
          <TextInput
            label="Client ID"
            description="From the app you registered with the vendor."
            value={form.clientId}
            onChange={(e) => set({ clientId: e.currentTarget.value }, 'values.clientId')}
            error={errors['values.clientId']}
            autoComplete="off"
          />
        )}
        {secretFields.map((f) => {
          const isSaved = saved.has(f);
          const clearing = form.clear.includes(f);
          const label = secretLabel(f);
          return (
            <Stack key={f} gap={4}>
              <PasswordInput
                label={label}
                description={
                  clearing
                    ? `The saved ${label.toLowerCase()} is removed from the keyring on save.`
                    : isSaved
                      ? 'Saved in the keyring. Leave empty to keep it; type to replace it.'
                      : 'Stored only in the OS keyring, never in the database or an export.'
                }
                placeholder={clearing ? 'Will be removed' : isSaved ? '•••••••• saved' : undefined}
                value={form.secrets[f] ?? ''}
                onChange={(e) => set({ secrets: { ...form.secrets, [f]: e.currentTarget.value } }, `secrets.${f}`)}
                error={errors[`secrets.${f}`]}
                autoComplete="new-password"
                data-testid={`secret-${f}`}
              />
              {isSaved && (
                <Anchor
                  component="button"
                  type="button"
                  size="xs"
                  c={clearing ? undefined : 'red'}
                  style={{ alignSelf: 'flex-start' }}
                  onClick={() =>
                    set({ clear: clearing ? form.clear.filter((x) => x !== f) : [...form.clear, f], secrets: { ...form.secrets, [f]: '' } }, `secrets.${f}`, 'clearSecrets')
                  }
                  data-testid={`clear-${f}`}
                >
                  {clearing ? `Keep the saved ${label.toLowerCase()}` : `Remove saved ${label.toLowerCase()}`}
                </Anchor>
              )}
            </Stack>
          );
        })}
        {errors.clearSecrets && (
          <Text size="xs" c="red">
            {errors.clearSecrets}
          </Text>
        )}
        {method === 'oauth2' && grant === 'authorization_code' && (
          <NumberInput
            label="Fixed redirect port"
            description="Leave empty for a free port; set one if the vendor needs an exact registered redirect URI (http://127.0.0.1:<port>/…)."
            placeholder="Any free port"
            min={1024}
            max={65535}
            allowDecimal={false}
            allowNegative={false}
            value={form.redirectPort}
            onChange={(v) => set({ redirectPort: typeof v === 'number' ? v : v === '' ? '' : Number(v) }, 'values.redirectPort')}
            error={errors['values.redirectPort']}
          />
        )}

        {overrideKeys.length > 0 && (
          <>
            <Divider label="Overrides of the auth defaults" labelPosition="left" />
            <Text size="xs" c="dimmed">
              Replace one of the integration's auth defaults for this configuration only, e.g. {overrideKeys.slice(0, 4).join(', ')}
              {overrideKeys.length > 4 ? ', …' : ''} (the key field offers them all). Lists are JSON, e.g.{' '}
              <Text span ff="monospace" size="xs">
                {OVERRIDE_EXAMPLES.extra_headers}
              </Text>
              .
            </Text>
            {errors.overrides && (
              <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} data-testid="overrides-error">
                {errors.overrides}
              </Alert>
            )}
            {form.rows.map((row, i) => {
              const err = errors[`override:${row.key.trim()}`];
              return (
                <Group key={i} align="flex-start" gap="xs" wrap="nowrap" data-testid="override-row">
                  <Autocomplete
                    aria-label={`Override ${i + 1} key`}
                    placeholder="oauth2.scope"
                    data={overrideKeys.filter((k) => k === row.key || !form.rows.some((r) => r.key === k))}
                    value={row.key}
                    onChange={(v) => setRow(i, { key: v })}
                    error={err ? true : undefined}
                    style={{ flex: '0 0 40%' }}
                  />
                  <TextInput
                    aria-label={`Override ${i + 1} value`}
                    placeholder={OVERRIDE_EXAMPLES[row.key.trim()] ?? 'value'}
                    value={row.value}
                    onChange={(e) => setRow(i, { value: e.currentTarget.value })}
                    error={err}
                    style={{ flex: 1, minWidth: 0 }}
                  />
                  <Tooltip label="Remove this override" withArrow>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      mt={4}
                      aria-label={`Remove override ${i + 1}`}
                      onClick={() => set({ rows: form.rows.filter((_, j) => j !== i) }, `override:${row.key.trim()}`, 'overrides')}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              );
            })}
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconPlus size={14} />}
              style={{ alignSelf: 'flex-start' }}
              onClick={() => set({ rows: [...form.rows, { key: '', value: '' }] })}
              data-testid="add-override"
            >
              Add override
            </Button>
          </>
        )}

        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel} disabled={saving}>
            Cancel
          </Button>
          <Button type="submit" loading={saving} data-testid="configuration-save">
            {configuration ? 'Save changes' : 'Add configuration'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
