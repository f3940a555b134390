import { Alert, Button, Group, List, Modal, Stack, Switch, Text, ThemeIcon } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCheck, IconFileExport, IconLock } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { exportBundle, toApiError, type ApiError, type Integration } from '../../api';
import { formatBytes } from './labels';

/**
 * Export: says what a bundle holds (and that it never holds a secret), offers
 * to sign it, then asks where to save it (native dialog) and writes it.
 */
export function ExportBundleModal({ integration, opened, onClose }: { integration: Integration; opened: boolean; onClose: () => void }) {
  const [sign, setSign] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    if (opened) setError(null);
  }, [opened]);

  const close = () => {
    if (!busy) onClose();
  };

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const done = await exportBundle(integration.id, sign);
      if (done.cancelled) return; // the user closed the save dialog: nothing to say
      notifications.show({
        color: 'teal',
        title: done.signed ? 'Signed bundle exported' : 'Bundle exported',
        message: `Saved to ${done.path} (${formatBytes(done.bytes)}).`,
        autoClose: 8_000,
      });
      onClose();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={`Export “${integration.name}”`} centered size="lg" data-testid="export-bundle-modal">
      <Stack gap="md">
        <Text size="sm">
          A bundle is one <Text span ff="monospace" size="sm">.isbundle</Text> file to hand to a colleague or a client, who imports it
          with <b>Import bundle</b>. It holds:
        </Text>
        <List size="sm" spacing={4} icon={<ThemeIcon size={18} radius="xl" variant="light" color="teal"><IconCheck size={12} /></ThemeIcon>}>
          <List.Item>the details, hostname, auth method and its non-secret defaults, and pagination;</List.Item>
          <List.Item>
            {integration.actionCount} action{integration.actionCount === 1 ? '' : 's'} with your edits, the organisation mapping's
            definition, the cleaned OpenAPI document and the icon;
          </List.Item>
          <List.Item>its configurations as names and non-secret values, with the list of secrets each one needs.</List.Item>
        </List>
        <Alert color="teal" variant="light" icon={<IconLock size={18} />} title="Never a secret" data-testid="export-no-secrets">
          API keys, passwords, client secrets and tokens stay in this computer's keyring. Whoever imports the bundle enters their own.
        </Alert>
        <Switch
          checked={sign}
          onChange={(e) => setSign(e.currentTarget.checked)}
          disabled={busy}
          label="Sign with this computer's key"
          description="Adds an ed25519 signature. The importer sees “Signed by SHA256:…” and can compare that fingerprint with yours; a changed file no longer verifies."
          data-testid="export-sign"
        />
        {error && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="Could not export" role="alert" data-testid="export-error">
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {error.message}
            </Text>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={busy}>
            Cancel
          </Button>
          <Button leftSection={<IconFileExport size={16} />} onClick={() => void run()} loading={busy} data-testid="export-confirm" data-autofocus>
            Export…
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
