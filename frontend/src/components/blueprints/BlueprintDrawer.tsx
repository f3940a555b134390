import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Drawer,
  Group,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconAlertCircle, IconArrowDown, IconArrowUp, IconPlus, IconSparkles, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import {
  createBlueprint,
  toApiError,
  updateBlueprint,
  type Blueprint,
  type BlueprintInput,
  type BlueprintProposal,
  type IntegrationSummary,
} from '../../api';

/** What the drawer edits: a new blueprint, a stored one, or a proposal generated from an action. */
export type BlueprintDraft = { kind: 'new' } | { kind: 'edit'; blueprint: Blueprint } | { kind: 'proposal'; proposal: BlueprintProposal };

export interface BlueprintDrawerProps {
  draft: BlueprintDraft | null;
  integrations: IntegrationSummary[];
  onClose: () => void;
  onSaved: (saved: Blueprint, created: boolean) => void;
}

export function BlueprintDrawer({ draft, integrations, onClose, onSaved }: BlueprintDrawerProps) {
  const title = draft?.kind === 'edit' ? 'Edit blueprint' : draft?.kind === 'proposal' ? 'Generated blueprint' : 'Create blueprint';
  return (
    <Drawer
      opened={draft !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={<Text fw={600}>{title}</Text>}
      closeButtonProps={{ 'aria-label': 'Close the blueprint form' }}
    >
      {draft !== null && (
        <BlueprintForm
          key={draft.kind === 'edit' ? draft.blueprint.id : draft.kind}
          draft={draft}
          integrations={integrations}
          onCancel={onClose}
          onSaved={(b) => onSaved(b, draft.kind !== 'edit')}
        />
      )}
    </Drawer>
  );
}

interface Row {
  key: number;
  name: string;
  description: string;
  mappingRequired: boolean;
}

let nextKey = 1;
const newRow = (f?: Partial<Row>): Row => ({ key: nextKey++, name: '', description: '', mappingRequired: false, ...f });

function initial(draft: BlueprintDraft): { name: string; description: string; integrationId: string; rows: Row[] } {
  const src: BlueprintInput =
    draft.kind === 'edit' ? draft.blueprint : draft.kind === 'proposal' ? draft.proposal : { name: '', description: '', fields: [], integrationId: '' };
  return {
    name: src.name,
    description: src.description,
    integrationId: src.integrationId,
    rows: draft.kind === 'new' ? [newRow()] : src.fields.map((f) => newRow(f)),
  };
}

/** "fields[3].name" → the row index 3 and the input "name". */
function fieldErrorOf(field: string | undefined): { index: number; input: string } | null {
  const m = /^fields\[(\d+)\]\.(name|description)$/.exec(field ?? '');
  return m ? { index: Number(m[1]), input: m[2]! } : null;
}

function BlueprintForm({
  draft,
  integrations,
  onCancel,
  onSaved,
}: {
  draft: BlueprintDraft;
  integrations: IntegrationSummary[];
  onCancel: () => void;
  onSaved: (saved: Blueprint) => void;
}) {
  const [form, setForm] = useState(() => initial(draft));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const clearError = (key: string) =>
    setErrors((e) => {
      if (!(key in e) && !('form' in e)) return e;
      const next = { ...e };
      delete next[key];
      delete next.form;
      return next;
    });
  const setRow = (i: number, patch: Partial<Row>) => {
    setForm((f) => ({ ...f, rows: f.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) }));
  };
  const move = (i: number, by: -1 | 1) => {
    setForm((f) => {
      const rows = [...f.rows];
      const j = i + by;
      if (j < 0 || j >= rows.length) return f;
      [rows[i], rows[j]] = [rows[j]!, rows[i]!];
      return { ...f, rows };
    });
    // Errors point at positions; after a move they would point at the wrong row.
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith('fields['))));
  };
  const remove = (i: number) => {
    setForm((f) => ({ ...f, rows: f.rows.filter((_, j) => j !== i) }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith('fields['))));
  };

  async function save() {
    setSaving(true);
    setErrors({});
    const input: BlueprintInput = {
      name: form.name.trim(),
      description: form.description.trim(),
      integrationId: form.integrationId,
      fields: form.rows.map((r) => ({ name: r.name.trim(), description: r.description.trim(), mappingRequired: r.mappingRequired })),
    };
    try {
      const saved = draft.kind === 'edit' ? await updateBlueprint(draft.blueprint.id, input) : await createBlueprint(input);
      onSaved(saved);
    } catch (err) {
      const e = toApiError(err);
      const at = fieldErrorOf(e.field);
      if (at) setErrors({ [`fields[${at.index}].${at.input}`]: e.message });
      else if (e.field === 'name' || e.field === 'description' || e.field === 'fields' || e.field === 'integrationId') setErrors({ [e.field]: e.message });
      else setErrors({ form: e.message });
    } finally {
      setSaving(false);
    }
  }

  const integrationData = integrations.map((i) => ({ value: i.id, label: i.name }));
  const required = form.rows.filter((r) => r.mappingRequired).length;

  return (
    <Stack gap="md" data-testid="blueprint-form">
      {draft.kind === 'proposal' && (
        <Alert color="violet" variant="light" icon={<IconSparkles size={18} />} title="Proposed from the action" data-testid="proposal-source">
          <Text size="sm">
            {draft.proposal.fields.length} field{draft.proposal.fields.length === 1 ? '' : 's'} proposed from{' '}
            {draft.proposal.source || 'the response schema'}. Trim what you do not need, then save; nothing is stored until you do.
          </Text>
          {draft.proposal.truncated && (
            <Text size="sm" mt={4} c="yellow.8">
              The schema has more properties than a blueprint holds; the list was cut short.
            </Text>
          )}
        </Alert>
      )}
      <TextInput
        label="Name"
        required
        value={form.name}
        onChange={(e) => {
          set({ name: e.currentTarget.value });
          clearError('name');
        }}
        error={errors.name}
        data-testid="blueprint-name"
        data-autofocus
      />
      <Textarea
        label="Description"
        description="What its records are for."
        required
        autosize
        minRows={2}
        maxRows={5}
        value={form.description}
        onChange={(e) => {
          set({ description: e.currentTarget.value });
          clearError('description');
        }}
        error={errors.description}
        data-testid="blueprint-description"
      />
      <Select
        label="Linked integration"
        description="Bundles of this integration carry the blueprint."
        placeholder="None"
        clearable
        searchable
        data={integrationData}
        value={form.integrationId || null}
        onChange={(v) => {
          set({ integrationId: v ?? '' });
          clearError('integrationId');
        }}
        error={errors.integrationId}
        data-testid="blueprint-integration"
      />

      <Group justify="space-between" align="flex-end" mt="xs">
        <div>
          <Text fw={600} size="sm">
            Fields
          </Text>
          <Text size="xs" c="dimmed">
            {form.rows.length} field{form.rows.length === 1 ? '' : 's'}
            {required > 0 ? ` · ${required} mapping required` : ''}
          </Text>
        </div>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} />}
          onClick={() => setForm((f) => ({ ...f, rows: [...f.rows, newRow()] }))}
          data-testid="add-field"
        >
          Add field
        </Button>
      </Group>
      {errors.fields && (
        <Text size="sm" c="red" data-testid="fields-error">
          {errors.fields}
        </Text>
      )}
      {form.rows.length === 0 && (
        <Text size="sm" c="dimmed">
          No fields yet. A blueprint's fields are the data its records carry.
        </Text>
      )}
      <Stack gap="xs">
        {form.rows.map((row, i) => (
          <Paper key={row.key} withBorder radius="md" p="sm" data-testid="field-row">
            <Group align="flex-start" gap="sm" wrap="nowrap">
              <Badge variant="default" radius="sm" mt={6} w={34} px={0} style={{ flex: 'none' }}>
                {i + 1}
              </Badge>
              <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
                <Group gap="sm" align="flex-start" wrap="nowrap">
                  <TextInput
                    aria-label={`Field ${i + 1} name`}
                    placeholder="Name, e.g. owner.email"
                    value={row.name}
                    onChange={(e) => {
                      setRow(i, { name: e.currentTarget.value });
                      clearError(`fields[${i}].name`);
                    }}
                    error={errors[`fields[${i}].name`]}
                    style={{ flex: 2, minWidth: 0 }}
                    styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                    data-testid="field-name"
                  />
                  <Switch
                    mt={8}
                    label="Mapping required"
                    checked={row.mappingRequired}
                    onChange={(e) => setRow(i, { mappingRequired: e.currentTarget.checked })}
                    aria-label={`Field ${i + 1} mapping required`}
                    data-testid="field-required"
                    style={{ flex: 'none' }}
                  />
                </Group>
                <TextInput
                  aria-label={`Field ${i + 1} description`}
                  placeholder="Description"
                  value={row.description}
                  onChange={(e) => {
                    setRow(i, { description: e.currentTarget.value });
                    clearError(`fields[${i}].description`);
                  }}
                  error={errors[`fields[${i}].description`]}
                  size="xs"
                  data-testid="field-description"
                />
              </Stack>
              <Group gap={2} wrap="nowrap" mt={4} style={{ flex: 'none' }}>
                <Tooltip label="Move up" withArrow>
                  <ActionIcon variant="subtle" color="gray" aria-label={`Move field ${i + 1} up`} disabled={i === 0} onClick={() => move(i, -1)}>
                    <IconArrowUp size={16} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label="Move down" withArrow>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Move field ${i + 1} down`}
                    disabled={i === form.rows.length - 1}
                    onClick={() => move(i, 1)}
                  >
                    <IconArrowDown size={16} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label="Delete field" withArrow>
                  <ActionIcon variant="subtle" color="red" aria-label={`Delete field ${i + 1}`} onClick={() => remove(i)}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            </Group>
          </Paper>
        ))}
      </Stack>

      {errors.form && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} data-testid="blueprint-form-error">
          {errors.form}
        </Alert>
      )}
      <Group
        justify="flex-end"
        gap="sm"
        pt="sm"
        pb="xs"
        style={{ position: 'sticky', bottom: 0, background: 'var(--mantine-color-body)', borderTop: '1px solid var(--mantine-color-default-border)' }}
      >
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button onClick={() => void save()} loading={saving} data-testid="save-blueprint">
          {draft.kind === 'edit' ? 'Save blueprint' : 'Create blueprint'}
        </Button>
      </Group>
    </Stack>
  );
}
