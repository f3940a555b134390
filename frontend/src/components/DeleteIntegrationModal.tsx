import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { deleteIntegration, listConfigurations, toApiError, type ApiError, type Integration } from '../api';
import { plural } from '../lib/importFormat';

/**
 * Confirms deleting an integration: it goes with its actions and its
 * configurations, whose secrets and tokens are deleted from the OS keyring.
 */
export function DeleteIntegrationModal({
  integration,
  opened,
  onClose,
  onDeleted,
}: {
  integration: Integration;
  opened: boolean;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [configurations, setConfigurations] = useState<number | null>(null);

  useEffect(() => {
    if (!opened) return;
    setError(null);
    setConfigurations(null);
    let live = true;
    listConfigurations(integration.id).then(
      (list) => live && setConfigurations(list.length),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [opened, integration.id]);

  const close = () => {
    if (!busy) onClose();
  };

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await deleteIntegration(integration.id);
      onDeleted();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={`Delete “${integration.name}”?`} centered data-testid="delete-integration-modal">
      <Stack>
        <Text size="sm">Deleting the integration also deletes:</Text>
        <List size="sm" spacing={4}>
          <List.Item>{plural(integration.actionCount, 'action')}, its OpenAPI document, icon and test runs;</List.Item>
          <List.Item data-testid="delete-integration-configurations">
            {configurations === null ? 'its configurations' : configurations === 0 ? 'its configurations (none yet)' : `its ${plural(configurations, 'configuration')}`},
            and their secrets and tokens in the OS keyring.
          </List.Item>
        </List>
        <Text size="sm" c="dimmed">
          This cannot be undone. To keep a copy, export it as a bundle first (bundles never hold secrets).
        </Text>
        {error && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="Could not delete" role="alert" data-testid="delete-integration-error">
            {error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={busy} data-autofocus>
            Cancel
          </Button>
          <Button color="red" leftSection={<IconTrash size={16} />} loading={busy} onClick={() => void remove()} data-testid="confirm-delete-integration">
            Delete integration
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
