import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Loader,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconKey, IconPlus, IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { createApiToken, listApiTokens, revokeApiToken, toApiError, type ApiToken, type CreatedApiToken } from '../api';
import { PageHeader } from '../components/PageHeader';
import { ShownOnce } from '../components/ShownOnce';

function when(d: Date | null): string {
  return d && !Number.isNaN(d.getTime()) ? d.toLocaleString() : 'never';
}

/** API tokens for the local automation API: created here, shown once, revoked here. */
export function ApiTokensPage() {
  const [tokens, setTokens] = useState<ApiToken[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  const load = useCallback(() => {
    listApiTokens().then(
      (list) => {
        setTokens(list);
        setError(null);
      },
      (err: unknown) => setError(toApiError(err).message),
    );
  }, []);
  useEffect(load, [load]);

  return (
    <>
      <PageHeader
        title="API tokens"
        description="Scripts on this computer call the local automation API with a token (Settings → Local automation API turns the API on). A token is shown once; only its hash is kept."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            Create token
          </Button>
        }
      />
      {error && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="Could not load the tokens" mb="md">
          {error}
        </Alert>
      )}
      {tokens === null && !error && <Loader size="sm" aria-label="Loading tokens" />}
      {tokens?.length === 0 && (
        <Paper withBorder p="xl" radius="md">
          <Stack align="center" gap="xs">
            <IconKey size={28} />
            <Text fw={600}>No tokens yet</Text>
            <Text size="sm" c="dimmed" ta="center" maw={460}>
              Create one for each script or tool, so that you can revoke one without breaking the others.
            </Text>
          </Stack>
        </Paper>
      )}
      {tokens && tokens.length > 0 && (
        <Table striped highlightOnHover data-testid="api-tokens">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Token</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th>Last used</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tokens.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td fw={600}>{t.name}</Table.Td>
                <Table.Td>
                  <Code>{t.hint}</Code>
                </Table.Td>
                <Table.Td>{when(t.createdAt)}</Table.Td>
                <Table.Td>{when(t.lastUsedAt)}</Table.Td>
                <Table.Td>
                  {t.revokedAt ? (
                    <Badge color="gray" variant="light">
                      Revoked {when(t.revokedAt)}
                    </Badge>
                  ) : (
                    <Badge color="teal" variant="light">
                      Active
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {!t.revokedAt && (
                    <Tooltip label="Revoke">
                      <ActionIcon variant="subtle" color="red" aria-label={`Revoke ${t.name}`} onClick={() => setRevoking(t)}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <CreateTokenModal opened={creating} onClose={() => setCreating(false)} onCreated={load} />
      <RevokeTokenModal token={revoking} onClose={() => setRevoking(null)} onRevoked={load} />
    </>
  );
}

function CreateTokenModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: () => void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);

  const close = () => {
    // The value leaves memory with the modal: it is never shown again.
    setName('');
    setError(null);
    setCreated(null);
    onClose();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setCreated(await createApiToken(name));
      onCreated();
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={created ? 'Copy your new token' : 'Create an API token'} size="lg">
      {created ? (
        <ShownOnce value={created.value} testId="new-token" onDone={close}>
            Copy it now and keep it somewhere safe: Integration Studio keeps only its hash and cannot show it again. Send it as
            <Code>Authorization: Bearer …</Code>, never in a URL.
        </ShownOnce>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              label="Name"
              description="What will use it, e.g. the nightly sync script."
              value={name}
              onChange={(e) => {
                setName(e.currentTarget.value);
                setError(null);
              }}
              error={error}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={busy}>
                Create token
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function RevokeTokenModal({ token, onClose, onRevoked }: { token: ApiToken | null; onClose: () => void; onRevoked: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const revoke = async () => {
    if (!token) return;
    setBusy(true);
    try {
      await revokeApiToken(token.id);
      notifications.show({ color: 'teal', title: 'Token revoked', message: `Requests with “${token.name}” are refused from now on.` });
      onRevoked();
      onClose();
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={token !== null} onClose={onClose} title="Revoke token?">
      <Stack>
        <Text size="sm">
          Scripts using <b>{token?.name}</b> (<Code>{token?.hint}</Code>) will get 401 from now on. This cannot be undone.
        </Text>
        {error && (
          <Text c="red" size="sm" role="alert">
            {error}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" loading={busy} onClick={() => void revoke()}>
            Revoke
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
