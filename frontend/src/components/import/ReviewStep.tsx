import { Alert, Badge, Button, Group, Paper, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconAlertTriangle, IconDeviceFloppy, IconFileCode, IconListDetails, IconSparkles, IconTool, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { saveSpecImport, toApiError, type ImportedIntegration, type ImportPreview } from '../../api';
import { NAME_MAX_LENGTH, runeCount, trimSpace, validateName } from '../../api/validation';
import { plural, RULE_REQUIRED_UNDEFINED, suggestedName, versionLabel } from '../../lib/importFormat';
import { ActionsTable } from './ActionsTable';
import { FindingsList } from './FindingsList';
import { FixPreviewModal, type FixRequest } from './FixPreviewModal';
import { SuggestionsPanel } from './SuggestionsPanel';

export interface ReviewStepProps {
  preview: ImportPreview;
  onPreviewChange: (preview: ImportPreview) => void;
  onSaved: (saved: ImportedIntegration) => void;
  onDiscard: () => Promise<void> | void;
}

export function ReviewStep({ preview, onPreviewChange, onSaved, onDiscard }: ReviewStepProps) {
  const [fixRequest, setFixRequest] = useState<FixRequest | null>(null);
  const [tab, setTab] = useState<string>('findings');
  const [saving, setSaving] = useState(false);
  const { counts } = preview;

  const offersRequiredChoice = preview.findings.some((f) => f.fixable && f.ruleId === RULE_REQUIRED_UNDEFINED);

  return (
    <Stack gap="lg">
      <Paper withBorder radius="lg" p="lg" data-testid="import-review">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
          <Stack gap={6} style={{ minWidth: 0 }}>
            <Group gap="xs" wrap="nowrap">
              <IconFileCode size={20} aria-hidden="true" />
              <Title order={3} style={{ overflowWrap: 'anywhere' }} data-testid="import-file-name">
                {preview.fileName}
              </Title>
            </Group>
            {preview.title && (
              <Text size="sm" c="dimmed">
                {preview.title}
              </Text>
            )}
            <Text size="sm" data-testid="import-version">
              {versionLabel(preview)}
            </Text>
            <Group gap="xs" mt={4} data-testid="import-counts">
              <Badge color="red" variant={counts.errors ? 'filled' : 'light'} data-testid="count-errors">
                {plural(counts.errors, 'error')}
              </Badge>
              <Badge color="yellow" variant="light" data-testid="count-warnings">
                {plural(counts.warnings, 'warning')}
              </Badge>
              <Badge color="blue" variant="light" data-testid="count-infos">
                {counts.infos.toLocaleString('en-US')} info
              </Badge>
              <Badge color="gray" variant="light" data-testid="count-actions">
                {plural(preview.actions.length, 'action')}
              </Badge>
            </Group>
          </Stack>
          <Button
            leftSection={<IconTool size={18} />}
            onClick={() => setFixRequest({ rules: [] })}
            disabled={preview.fixable === 0 || saving}
            variant={preview.fixable ? 'filled' : 'default'}
          >
            Fix all ({preview.fixable.toLocaleString('en-US')})
          </Button>
        </Group>
      </Paper>

      <SaveImport preview={preview} saving={saving} setSaving={setSaving} onSaved={onSaved} onDiscard={onDiscard} />

      <Tabs value={tab} onChange={(v) => setTab(v ?? 'findings')} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="findings" leftSection={<IconAlertTriangle size={16} />}>
            Findings ({preview.findings.length.toLocaleString('en-US')})
          </Tabs.Tab>
          <Tabs.Tab value="actions" leftSection={<IconListDetails size={16} />}>
            Actions ({preview.actions.length.toLocaleString('en-US')})
          </Tabs.Tab>
          <Tabs.Tab value="suggestions" leftSection={<IconSparkles size={16} />}>
            Suggestions
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="findings">
          <FindingsList findings={preview.findings} onFix={(ruleId) => setFixRequest({ rules: [ruleId] })} fixDisabled={saving} />
        </Tabs.Panel>
        <Tabs.Panel value="actions">
          <ActionsTable actions={preview.actions} />
        </Tabs.Panel>
        <Tabs.Panel value="suggestions">
          <SuggestionsPanel suggestions={preview.suggestions} />
        </Tabs.Panel>
      </Tabs>

      <FixPreviewModal
        importId={preview.importId}
        request={fixRequest}
        offersRequiredChoice={offersRequiredChoice}
        onClose={() => setFixRequest(null)}
        onApplied={(next, changes) => {
          setFixRequest(null);
          onPreviewChange(next);
          notifications.show({
            color: 'teal',
            title: 'Fixes applied',
            message: `${plural(changes, 'change')} made; ${plural(next.counts.errors, 'error')} and ${plural(next.counts.warnings, 'warning')} remain.`,
          });
        }}
      />
    </Stack>
  );
}

function SaveImport({
  preview,
  saving,
  setSaving,
  onSaved,
  onDiscard,
}: {
  preview: ImportPreview;
  saving: boolean;
  setSaving: (v: boolean) => void;
  onSaved: (saved: ImportedIntegration) => void;
  onDiscard: () => Promise<void> | void;
}) {
  const suggested = suggestedName(preview.title, preview.fileName);
  const [name, setName] = useState(suggested);
  const [touched, setTouched] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [discarding, setDiscarding] = useState(false);

  const trimmed = trimSpace(name);
  // Empty means "use the spec's title", which the Go side makes valid.
  const liveError = trimmed === '' ? null : validateName(trimmed);
  const error = serverError ?? (touched ? liveError : null);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (saving) return;
    setTouched(true);
    if (liveError) return;
    setSaving(true);
    setFormError(null);
    try {
      // Unchanged from the suggestion: let the Go side name it, so a taken
      // title gets a number instead of a conflict.
      const saved = await saveSpecImport(preview.importId, trimmed === suggested ? '' : trimmed);
      setSaving(false);
      onSaved(saved);
    } catch (err) {
      const apiErr = toApiError(err);
      if (apiErr.field === 'name') setServerError(apiErr.message);
      else setFormError(apiErr.message);
      setSaving(false);
    }
  };

  const discard = async () => {
    setDiscarding(true);
    try {
      await onDiscard();
    } finally {
      setDiscarding(false);
    }
  };

  const length = runeCount(trimmed);
  return (
    <Paper withBorder radius="lg" p="lg" component="form" onSubmit={submit} noValidate data-testid="import-save">
      <Stack gap="sm">
        <Group align="flex-start" gap="md" wrap="wrap">
          <TextInput
            label="Integration name"
            description={`Leave as suggested (or empty) to use the spec's title; a number is added if that name is taken. Up to ${NAME_MAX_LENGTH} characters: letters, digits, spaces, '-' and '_'.`}
            placeholder={suggested}
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              setTouched(true);
              setServerError(null);
              setFormError(null);
            }}
            onBlur={() => setTouched(true)}
            error={error}
            readOnly={saving}
            autoComplete="off"
            spellCheck={false}
            rightSectionWidth={64}
            rightSection={
              <Text size="xs" c={length > NAME_MAX_LENGTH ? 'red' : 'dimmed'} aria-hidden="true">
                {length}/{NAME_MAX_LENGTH}
              </Text>
            }
            style={{ flex: '1 1 360px' }}
            data-testid="import-name"
          />
          <Group gap="sm" mt={{ base: 0, sm: 50 }}>
            <Button
              variant="default"
              color="red"
              leftSection={<IconTrash size={16} />}
              onClick={() => void discard()}
              disabled={saving}
              loading={discarding}
            >
              Discard
            </Button>
            <Button type="submit" leftSection={<IconDeviceFloppy size={18} />} loading={saving} disabled={saving || discarding}>
              Save as draft integration
            </Button>
          </Group>
        </Group>
        {preview.counts.errors > 0 && (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="errors-remain">
            {plural(preview.counts.errors, 'error')} remain{preview.counts.errors === 1 ? 's' : ''}. You can save now and
            fix them later in the editor, but actions touched by errors may not work until then.
          </Alert>
        )}
        {formError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="Could not save the integration" role="alert">
            {formError}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
