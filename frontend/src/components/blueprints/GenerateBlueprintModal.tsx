import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconSparkles } from '@tabler/icons-react';
import { useState } from 'react';
import { proposeBlueprint, toApiError, type BlueprintProposal, type IntegrationSummary } from '../../api';
import { ActionSelect } from './ActionPicker';

/** Pick an integration and an action; the proposal (nothing stored) goes to onProposal. */
export function GenerateBlueprintModal({
  opened,
  integrations,
  onClose,
  onProposal,
}: {
  opened: boolean;
  integrations: IntegrationSummary[];
  onClose: () => void;
  onProposal: (p: BlueprintProposal) => void;
}) {
  const [integrationId, setIntegrationId] = useState('');
  const [actionId, setActionId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  async function propose() {
    setBusy(true);
    setError('');
    try {
      const p = await proposeBlueprint(integrationId, actionId);
      onProposal({ ...p, integrationId: p.integrationId || integrationId });
      setActionId('');
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>Generate a blueprint from an action</Text>} size="lg" centered>
      <Stack gap="md" data-testid="generate-blueprint">
        <Text size="sm" c="dimmed">
          Integration Studio reads the items the action returns from its 2xx response schema and proposes one field per property
          (nested objects flattened as <code>owner.email</code>). You trim the proposal before anything is saved.
        </Text>
        <Select
          label="Integration"
          placeholder={integrations.length === 0 ? 'No integrations yet' : 'Pick an integration'}
          searchable
          data={integrations.map((i) => ({ value: i.id, label: i.name }))}
          value={integrationId || null}
          onChange={(v) => {
            setIntegrationId(v ?? '');
            setActionId('');
            setError('');
          }}
          data-testid="generate-integration"
        />
        <ActionSelect
          integrationId={integrationId}
          value={actionId}
          onChange={(id) => {
            setActionId(id);
            setError('');
          }}
          testId="generate-action"
        />
        {error && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="No blueprint proposed" data-testid="generate-error">
            {error}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            leftSection={<IconSparkles size={16} />}
            disabled={!integrationId || !actionId}
            loading={busy}
            onClick={() => void propose()}
            data-testid="propose-blueprint"
          >
            Propose fields
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
