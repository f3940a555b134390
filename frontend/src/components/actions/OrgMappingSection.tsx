import { ActionIcon, Alert, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconBuildingCommunity, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import {
  ApiError,
  getOrgMapping,
  listActions,
  orgMappingAvailable,
  setOrgMapping,
  toApiError,
  type Action,
  type OrgMapping,
} from '../../api';

export interface OrgMappingSectionProps {
  integrationId: string;
  /** Bump it whenever actions change: availability and the list of paginated actions are checked again. */
  refreshKey: number;
  /** Told whether there are edits that are not saved, so the page can stop the user leaving with them. */
  onUnsavedChange?: (unsaved: boolean) => void;
}

interface Entry {
  /** A stable React key for the row. */
  key: number;
  vendorOrgId: string;
  vendorOrgName: string;
  localOrg: string;
}

interface Form {
  actionId: string | null;
  idField: string;
  nameField: string;
  entries: Entry[];
}

type Errors = Record<string, string>;

let rowSeq = 0;
const newEntry = (e?: Partial<Entry>): Entry => ({ vendorOrgId: '', vendorOrgName: '', localOrg: '', ...e, key: ++rowSeq });

function toForm(m: OrgMapping | null): Form {
  return {
    actionId: m?.actionId || null,
    idField: m?.idField || 'id',
    nameField: m?.nameField || 'name',
    entries: (m?.entries ?? []).map((e) => newEntry(e)),
  };
}

/** The field an error from SetOrgMapping names, without its "orgMapping." prefix. */
function errorKey(err: unknown): string {
  if (!(err instanceof ApiError) || !err.field) return 'form';
  const f = err.field.replace(/^orgMapping\./, '');
  return /^(actionId|idField|nameField|entries\[\d+\]\.(vendorOrgId|vendorOrgName|localOrg))$/.test(f) ? f : 'form';
}

/**
 * The seed's organization mapping: shown only once at least one action is
 * paginated. The user picks the paginated action that lists the vendor's
 * organisations, the keys of each listed organisation holding its id and
 * name, and maps vendor organisations to local client organisations.
 */
export function OrgMappingSection({ integrationId, refreshKey, onUnsavedChange }: OrgMappingSectionProps) {
  const [available, setAvailable] = useState(false);
  const [actions, setActions] = useState<Action[]>([]);
  const [form, setForm] = useState<Form | null>(null);
  const [saved, setSaved] = useState<Form | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);

  // Another integration: nothing of the previous one's mapping stays on screen.
  useEffect(() => {
    setForm(null);
    setSaved(null);
    setErrors({});
    setActions([]);
  }, [integrationId]);

  useEffect(() => {
    let stale = false;
    orgMappingAvailable(integrationId)
      .then(async (yes) => {
        if (stale) return;
        setAvailable(yes);
        if (!yes) return;
        const page = await listActions(integrationId, { search: '', method: '', tag: '', paginated: 'yes', offset: 0, limit: 1000 });
        if (stale) return;
        setActions(page.actions);
        setLoadError(null);
      })
      .catch((err: unknown) => {
        if (!stale) setLoadError(toApiError(err).message);
      });
    return () => {
      stale = true;
    };
  }, [integrationId, refreshKey]);

  // The stored mapping is loaded once, when the section first appears, so a refresh never drops what is being typed.
  const needsMapping = available && form === null;
  useEffect(() => {
    if (!needsMapping) return;
    let stale = false;
    getOrgMapping(integrationId)
      .then((m) => {
        if (stale) return;
        const f = toForm(m);
        setForm(f);
        setSaved(f);
      })
      .catch((err: unknown) => {
        if (!stale) setLoadError(toApiError(err).message);
      });
    return () => {
      stale = true;
    };
  }, [integrationId, needsMapping]);

  const dirty = available && form !== null && saved !== null && snapshot(form) !== snapshot(saved);
  useEffect(() => {
    onUnsavedChange?.(dirty);
  }, [dirty, onUnsavedChange]);
  // Gone from the page (e.g. no paginated action any more): nothing of it is pending.
  useEffect(() => () => onUnsavedChange?.(false), [onUnsavedChange]);

  if (!available) return null;

  function update(patch: Partial<Form>, clear: string) {
    setForm((f) => (f ? { ...f, ...patch } : f));
    setErrors((e) => {
      if (!(clear in e) && !('form' in e)) return e;
      const { [clear]: _gone, form: _form, ...rest } = e;
      return rest;
    });
  }

  function setEntry(index: number, key: 'vendorOrgId' | 'vendorOrgName' | 'localOrg', value: string) {
    if (!form) return;
    update({ entries: form.entries.map((e, i) => (i === index ? { ...e, [key]: value } : e)) }, `entries[${index}].${key}`);
  }

  async function save() {
    if (!form) return;
    if (!form.actionId) {
      setErrors({ actionId: "Choose the paginated action that lists the vendor's organisations." });
      return;
    }
    setSaving(true);
    try {
      const stored = await setOrgMapping(integrationId, {
        actionId: form.actionId,
        idField: form.idField,
        nameField: form.nameField,
        entries: form.entries.map(({ vendorOrgId, vendorOrgName, localOrg }) => ({ vendorOrgId, vendorOrgName, localOrg })),
      });
      const f = toForm(stored ?? null);
      setForm(f);
      setSaved(f);
      setErrors({});
      notifications.show({ color: 'teal', message: 'Organization mapping saved' });
    } catch (err) {
      setErrors({ [errorKey(err)]: toApiError(err).message });
    } finally {
      setSaving(false);
    }
  }

  const chosenMissing = form?.actionId && !actions.some((a) => a.id === form.actionId);
  const options = actions.map((a) => ({ value: a.id, label: `${a.name} (${(a.method ?? '').toUpperCase()} ${a.path})` }));
  if (chosenMissing && form?.actionId) options.push({ value: form.actionId, label: 'An action that is no longer paginated' });

  return (
    <Paper withBorder radius="lg" p="md" data-testid="org-mapping" component="section" aria-labelledby="org-mapping-title">
      <Stack gap="sm">
        <Group gap="xs">
          <IconBuildingCommunity size={20} aria-hidden />
          <Title order={4} id="org-mapping-title">
            Organization mapping
          </Title>
        </Group>
        <Text size="sm" c="dimmed">
          Organization mapping ties the vendor&apos;s organisations (companies, tenants, customers) to your client organisations, so each
          client&apos;s workflows reach the right data. Choose the paginated action that lists the vendor&apos;s organisations, say which key
          of each listed organisation holds its id and which its name, then map each vendor organisation to a client organisation.
        </Text>
        {loadError && (
          <Alert color="red" icon={<IconAlertTriangle size={16} />} title="Could not load the organization mapping">
            {loadError}
          </Alert>
        )}
        {errors.form && (
          <Alert color="red" icon={<IconAlertTriangle size={16} />} title="The mapping was not saved">
            {errors.form}
          </Alert>
        )}
        {form && (
          <>
            <Group align="flex-start" grow>
              <Select
                label="Action that lists the organisations"
                description="A paginated action, e.g. GET /companies."
                placeholder="Choose a paginated action"
                data={options}
                value={form.actionId}
                onChange={(v) => update({ actionId: v }, 'actionId')}
                searchable
                nothingFoundMessage="No paginated action matches"
                error={errors.actionId}
              />
              <TextInput
                label="ID field"
                description="The key holding each organisation's id, e.g. id or company.id."
                value={form.idField}
                onChange={(e) => update({ idField: e.currentTarget.value }, 'idField')}
                error={errors.idField}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              />
              <TextInput
                label="Name field"
                description="The key holding each organisation's name, e.g. name."
                value={form.nameField}
                onChange={(e) => update({ nameField: e.currentTarget.value }, 'nameField')}
                error={errors.nameField}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              />
            </Group>
            <Table verticalSpacing={4} aria-label="Organisation mappings" data-testid="org-mapping-entries">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Vendor organisation ID</Table.Th>
                  <Table.Th>Vendor organisation name</Table.Th>
                  <Table.Th>Client organisation</Table.Th>
                  <Table.Th w={44} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {form.entries.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={4}>
                      <Text size="sm" c="dimmed" ta="center" py="xs">
                        No organisation mapped yet. Add a row for each vendor organisation.
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {form.entries.map((e, i) => (
                  <Table.Tr key={e.key} data-testid="org-mapping-row">
                    <Table.Td style={{ verticalAlign: 'top' }}>
                      <TextInput
                        aria-label={`Vendor organisation ID, row ${i + 1}`}
                        placeholder="e.g. 1042"
                        value={e.vendorOrgId}
                        onChange={(ev) => setEntry(i, 'vendorOrgId', ev.currentTarget.value)}
                        error={errors[`entries[${i}].vendorOrgId`]}
                      />
                    </Table.Td>
                    <Table.Td style={{ verticalAlign: 'top' }}>
                      <TextInput
                        aria-label={`Vendor organisation name, row ${i + 1}`}
                        placeholder="e.g. Acme Corp"
                        value={e.vendorOrgName}
                        onChange={(ev) => setEntry(i, 'vendorOrgName', ev.currentTarget.value)}
                        error={errors[`entries[${i}].vendorOrgName`]}
                      />
                    </Table.Td>
                    <Table.Td style={{ verticalAlign: 'top' }}>
                      <TextInput
                        aria-label={`Client organisation, row ${i + 1}`}
                        placeholder="e.g. Acme (client)"
                        value={e.localOrg}
                        onChange={(ev) => setEntry(i, 'localOrg', ev.currentTarget.value)}
                        error={errors[`entries[${i}].localOrg`]}
                      />
                    </Table.Td>
                    <Table.Td style={{ verticalAlign: 'top' }}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        mt={4}
                        aria-label={`Remove row ${i + 1}`}
                        onClick={() => {
                          // Row errors are keyed by index: after a removal they no longer point at the right row.
                          setErrors({});
                          update({ entries: form.entries.filter((_, j) => j !== i) }, 'form');
                        }}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group justify="space-between">
              <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => update({ entries: [...form.entries, newEntry()] }, 'form')}>
                Add organisation
              </Button>
              <Group gap="sm">
                {dirty && (
                  <Button
                    variant="subtle"
                    color="gray"
                    onClick={() => {
                      setForm(saved);
                      setErrors({});
                    }}
                  >
                    Revert mapping
                  </Button>
                )}
                <Button onClick={() => void save()} loading={saving} disabled={!dirty}>
                  Save mapping
                </Button>
              </Group>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}

function snapshot(f: Form): string {
  return JSON.stringify({ ...f, entries: f.entries.map(({ key: _key, ...rest }) => rest) });
}
