import { ActionIcon, Alert, Anchor, Button, Group, Modal, Paper, Skeleton, Stack, Text, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertCircle,
  IconAlertTriangle,
  IconKey,
  IconLogin,
  IconLogout,
  IconPencil,
  IconPlugConnected,
  IconPlus,
  IconRefresh,
  IconTrash,
} from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  authenticateConfiguration,
  cancelConfigurationSignIn,
  configurationSecretFields,
  deleteConfiguration,
  getOrgMapping,
  listConfigurations,
  onSignInStarted,
  signOutConfiguration,
  toApiError,
  trustConfigurationOrigin,
  type ApiError,
  type Configuration,
  type Integration,
  type SignInStarted,
} from '../../api';
import { ConfigurationDrawer } from './ConfigurationDrawer';
import { SignInPanel } from './SignInPanel';
import { AuthStatusBadge, secretLabel } from './status';
import { TestConnectionModal } from './TestConnectionModal';

/** The list is re-read this often, so "expires in" and refreshed tokens stay true. */
export const REFRESH_MS = 30_000;

const METHOD_LABELS: Record<string, string> = {
  api_key: 'API Key',
  basic: 'Basic Auth',
  oauth2: 'OAuth 2.0',
  none: 'No Auth',
};

type Busy = 'auth' | 'signout' | 'trust';

/** "client secret", "API key": a secret's name inside a sentence. */
function secretPhrase(field: string): string {
  const label = secretLabel(field);
  return label.startsWith('API') ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

/** "API key", "API key and password": the secrets' names in a sentence. */
function joinLabels(fields: string[]): string {
  const labels = fields.map(secretPhrase);
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
}

function notifyError(title: string, err: unknown) {
  notifications.show({ color: 'red', title, message: toApiError(err).message, autoClose: 10_000 });
}

/**
 * An integration's configurations — one per client organisation — with their sign-in state:
 * add and edit (secrets write-only), authenticate (OAuth 2.0), sign out, confirm a changed
 * address, test the connection and delete.
 */
export function ConfigurationsTab({ integration }: { integration: Integration }) {
  const id = integration.id;
  const [list, setList] = useState<{ status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; items: Configuration[] }>({
    status: 'loading',
  });
  const [now, setNow] = useState(() => new Date());
  const [secretFields, setSecretFields] = useState<string[]>([]);
  const [organizations, setOrganizations] = useState<string[]>([]);
  const [editing, setEditing] = useState<Configuration | 'new' | null>(null);
  const [testing, setTesting] = useState<Configuration | null>(null);
  const [deleting, setDeleting] = useState<Configuration | null>(null);
  const [removing, setRemoving] = useState(false);
  const [busy, setBusy] = useState<Record<string, Busy>>({});
  const [signIn, setSignIn] = useState<SignInStarted | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const cancelled = useRef(new Set<string>());

  const reload = useCallback(
    (quiet: boolean) =>
      listConfigurations(id).then(
        (items) => {
          setList({ status: 'ready', items });
          setNow(new Date());
        },
        (err) => {
          // A failed background refresh keeps what is shown.
          if (!quiet) setList({ status: 'error', error: toApiError(err) });
        },
      ),
    [id],
  );

  useEffect(() => {
    void reload(false);
    const t = window.setInterval(() => void reload(true), REFRESH_MS);
    return () => window.clearInterval(t);
  }, [reload]);

  // The secrets follow the auth method, which the Setup tab may have just changed.
  useEffect(() => {
    let live = true;
    configurationSecretFields(id).then(
      (f) => live && setSecretFields(f),
      () => live && setSecretFields([]),
    );
    return () => {
      live = false;
    };
  }, [id, integration.authMethod]);

  useEffect(() => {
    let live = true;
    getOrgMapping(id).then(
      (m) => {
        if (!live) return;
        const orgs = new Set((m?.entries ?? []).map((e) => e.localOrg.trim()).filter((o) => o !== ''));
        setOrganizations([...orgs].sort((a, b) => a.localeCompare(b)));
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [id]);

  useEffect(() => onSignInStarted((s) => s.integrationId === id && setSignIn(s)), [id]);

  const replace = (c: Configuration) =>
    setList((l) => (l.status === 'ready' ? { status: 'ready', items: l.items.map((x) => (x.id === c.id ? c : x)) } : l));
  const setBusyOf = (cid: string, b: Busy | null) =>
    setBusy((all) => {
      const next = { ...all };
      if (b) next[cid] = b;
      else delete next[cid];
      return next;
    });

  async function authenticate(c: Configuration) {
    setBusyOf(c.id, 'auth');
    cancelled.current.delete(c.id);
    try {
      const signedIn = await authenticateConfiguration(id, c.id);
      replace(signedIn);
      setNow(new Date());
      notifications.show({ color: 'teal', message: `Signed in “${c.name}”` });
    } catch (err) {
      if (cancelled.current.has(c.id)) notifications.show({ color: 'gray', message: `Sign-in of “${c.name}” cancelled` });
      else notifyError(`Could not sign in “${c.name}”`, err);
      void reload(true);
    } finally {
      setBusyOf(c.id, null);
      setSignIn((s) => (s?.configurationId === c.id ? null : s));
      setCancelling(false);
    }
  }

  async function cancelSignIn() {
    if (!signIn) return;
    setCancelling(true);
    cancelled.current.add(signIn.configurationId);
    try {
      await cancelConfigurationSignIn(signIn.configurationId);
    } catch (err) {
      cancelled.current.delete(signIn.configurationId);
      setCancelling(false);
      notifyError('Could not cancel the sign-in', err);
    }
  }

  async function run(c: Configuration, b: Busy, fn: () => Promise<Configuration>, done: string, failed: string) {
    setBusyOf(c.id, b);
    try {
      replace(await fn());
      setNow(new Date());
      notifications.show({ color: 'teal', message: done });
    } catch (err) {
      notifyError(failed, err);
    } finally {
      setBusyOf(c.id, null);
    }
  }

  async function remove(c: Configuration) {
    setRemoving(true);
    try {
      await deleteConfiguration(id, c.id);
      setList((l) => (l.status === 'ready' ? { status: 'ready', items: l.items.filter((x) => x.id !== c.id) } : l));
      notifications.show({ color: 'teal', message: `Deleted “${c.name}” and its keyring entries` });
      setDeleting(null);
    } catch (err) {
      notifyError(`Could not delete “${c.name}”`, err);
    } finally {
      setRemoving(false);
    }
  }

  const method = integration.authMethod;
  const items = list.status === 'ready' ? list.items : [];
  const signingIn = signIn ? items.find((c) => c.id === signIn.configurationId) : undefined;

  return (
    <Stack gap="lg" data-testid="configurations">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={3}>Configurations</Title>
          <Text size="sm" c="dimmed" maw={640}>
            One per client organisation: its credentials for {METHOD_LABELS[method] ?? method}, and overrides of the integration's auth
            defaults. Secrets are kept only in the OS keyring.
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap">
          <Tooltip label="Refresh" withArrow>
            <ActionIcon variant="default" size="lg" aria-label="Refresh configurations" onClick={() => void reload(false)}>
              <IconRefresh size={16} />
            </ActionIcon>
          </Tooltip>
          {items.length > 0 && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="add-configuration">
              Add configuration
            </Button>
          )}
        </Group>
      </Group>

      {method === 'none' && (
        <Alert color="blue" variant="light" icon={<IconAlertCircle size={18} />}>
          This integration uses No Auth, so its configurations carry no credentials; they still name the organisation and can test
          the connection.
        </Alert>
      )}

      {list.status === 'loading' && (
        <Stack gap="sm" data-testid="configurations-loading">
          <Skeleton h={76} radius="md" />
          <Skeleton h={76} radius="md" />
        </Stack>
      )}
      {list.status === 'error' && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="Cannot list the configurations" data-testid="configurations-error">
          <Text size="sm" mb="sm">
            {list.error.message}
          </Text>
          <Button size="xs" variant="light" color="red" onClick={() => void reload(false)}>
            Try again
          </Button>
        </Alert>
      )}
      {list.status === 'ready' && items.length === 0 && (
        <Paper withBorder radius="lg" p="xl" data-testid="configurations-empty">
          <Stack align="center" gap="sm" py="lg">
            <ThemeIcon size={48} radius="xl" variant="light">
              <IconKey size={26} />
            </ThemeIcon>
            <Text fw={600}>No configurations yet</Text>
            <Text size="sm" c="dimmed" ta="center" maw={460}>
              Add one for each client organisation that uses this integration, with its own credentials. Then sign in and test the
              connection.
            </Text>
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} mt="xs" data-testid="add-configuration">
              Add configuration
            </Button>
          </Stack>
        </Paper>
      )}
      {items.length > 0 && (
        <Stack gap="sm" data-testid="configuration-list">
          {items.map((c) => (
            <ConfigurationRow
              key={c.id}
              configuration={c}
              method={method}
              missing={secretFields.filter((f) => !c.secretFields.includes(f))}
              now={now}
              busy={busy[c.id] ?? null}
              onAuthenticate={() => void authenticate(c)}
              onSignOut={() => void run(c, 'signout', () => signOutConfiguration(id, c.id), `Signed out “${c.name}”`, `Could not sign out “${c.name}”`)}
              onTrust={() =>
                void run(c, 'trust', () => trustConfigurationOrigin(id, c.id), `Confirmed the new address for “${c.name}”`, 'Could not confirm the new address')
              }
              onTest={() => setTesting(c)}
              onEdit={() => setEditing(c)}
              onDelete={() => setDeleting(c)}
            />
          ))}
        </Stack>
      )}

      <ConfigurationDrawer
        integration={integration}
        editing={editing}
        secretFields={secretFields}
        organizations={organizations}
        onClose={() => setEditing(null)}
        onSaved={(c, created) => {
          setEditing(null);
          setList((l) => {
            const rest = l.status === 'ready' ? l.items.filter((x) => x.id !== c.id) : [];
            return { status: 'ready', items: [...rest, c].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase())) };
          });
          notifications.show({ color: 'teal', message: created ? `Added “${c.name}”` : `Saved “${c.name}”` });
        }}
      />
      <TestConnectionModal integrationId={id} configuration={testing} onClose={() => setTesting(null)} onTested={() => void reload(true)} />
      <SignInPanel started={signIn} configurationName={signingIn?.name ?? 'this configuration'} cancelling={cancelling} onCancel={() => void cancelSignIn()} />
      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title={`Delete “${deleting?.name ?? ''}”?`} centered>
        <Stack>
          <Text size="sm">
            The configuration is removed, and its keyring entries are deleted too: the saved secrets and any tokens. This cannot be
            undone.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)} data-autofocus>
              Cancel
            </Button>
            <Button color="red" loading={removing} onClick={() => deleting && void remove(deleting)} data-testid="confirm-delete-configuration">
              Delete configuration
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

interface RowProps {
  configuration: Configuration;
  method: string;
  /** The secrets the integration asks for that this configuration has not saved. */
  missing: string[];
  now: Date;
  busy: Busy | null;
  onAuthenticate: () => void;
  onSignOut: () => void;
  onTrust: () => void;
  onTest: () => void;
  onEdit: () => void;
  onDelete: () => void;
}

function ConfigurationRow({ configuration: c, method, missing, now, busy, onAuthenticate, onSignOut, onTrust, onTest, onEdit, onDelete }: RowProps) {
  const oauth = method === 'oauth2';
  const hasTokens = c.status.state === 'signed_in' || c.status.state === 'needs_sign_in';
  const origin = c.originChange;
  return (
    <Paper withBorder radius="md" p="md" data-testid="configuration-row" data-name={c.name}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="center">
          <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
            <div style={{ minWidth: 0 }}>
              <Group gap="xs" wrap="nowrap">
                <Text fw={600} truncate data-testid="configuration-name">
                  {c.name}
                </Text>
                <AuthStatusBadge status={c.status} now={now} />
              </Group>
              <Text size="sm" c="dimmed" truncate>
                {[c.organization || 'No organisation', c.username && `user ${c.username}`, c.clientId && `client ${c.clientId}`]
                  .filter(Boolean)
                  .join(' · ')}
                {Object.keys(c.overrides).length > 0 && ` · ${Object.keys(c.overrides).length} override${Object.keys(c.overrides).length === 1 ? '' : 's'}`}
              </Text>
            </div>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {oauth && (
              <Button
                size="xs"
                variant={c.status.authenticated ? 'default' : 'filled'}
                leftSection={<IconLogin size={14} />}
                onClick={onAuthenticate}
                loading={busy === 'auth'}
                disabled={busy !== null && busy !== 'auth'}
                data-testid="configuration-authenticate"
              >
                {c.status.authenticated ? 'Authenticate again' : 'Authenticate'}
              </Button>
            )}
            {oauth && hasTokens && (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconLogout size={14} />}
                onClick={onSignOut}
                loading={busy === 'signout'}
                disabled={busy !== null && busy !== 'signout'}
                data-testid="configuration-signout"
              >
                Sign out
              </Button>
            )}
            <Button size="xs" variant="default" leftSection={<IconPlugConnected size={14} />} onClick={onTest} disabled={busy !== null} data-testid="configuration-test">
              Test connection
            </Button>
            <Tooltip label="Edit" withArrow>
              <ActionIcon variant="subtle" color="gray" onClick={onEdit} aria-label={`Edit ${c.name}`} disabled={busy !== null} data-testid="configuration-edit">
                <IconPencil size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Delete" withArrow>
              <ActionIcon variant="subtle" color="red" onClick={onDelete} aria-label={`Delete ${c.name}`} disabled={busy !== null} data-testid="configuration-delete">
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
        {c.status.state === 'missing_secret' && (
          <Group gap={6} wrap="nowrap" data-testid="configuration-needs-credentials">
            <IconKey size={14} color="var(--mantine-color-orange-6)" aria-hidden="true" style={{ flex: 'none' }} />
            <Text size="sm" c="dimmed">
              Needs credentials: enter {missing.length > 0 ? `its ${joinLabels(missing)}` : 'its secrets'} before it can sign in or call the vendor.{' '}
              <Anchor component="button" type="button" size="sm" onClick={onEdit} disabled={busy !== null} data-testid="configuration-enter-secrets">
                Enter {missing.length === 1 ? secretPhrase(missing[0]!) : 'secrets'}
              </Anchor>
            </Text>
          </Group>
        )}
        {c.status.lastError && (
          <Text size="sm" c="red" data-testid="configuration-last-error">
            {c.status.lastError}
          </Text>
        )}
        {origin && (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title="Confirm the new address" data-testid="configuration-origin">
            <Stack gap="xs">
              <Text size="sm">
                The {originWhat(origin)} changed since the secrets were saved; they are not sent to the new address until you confirm it.
              </Text>
              {origin.trustedHostname.toLowerCase() !== origin.hostname.toLowerCase() && (
                <Text size="sm" ff="monospace">
                  {origin.trustedHostname || '(none)'} → {origin.hostname || '(none)'}
                </Text>
              )}
              {(origin.trustedTokenUrl ?? '') !== (origin.tokenUrl ?? '') && (
                <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
                  {origin.trustedTokenUrl || '(none)'} → {origin.tokenUrl || '(none)'}
                </Text>
              )}
              <Button size="xs" color="yellow" variant="filled" style={{ alignSelf: 'flex-start' }} onClick={onTrust} loading={busy === 'trust'} data-testid="configuration-trust">
                Confirm new address
              </Button>
            </Stack>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function originWhat(o: NonNullable<Configuration['originChange']>): string {
  const host = o.trustedHostname.toLowerCase() !== o.hostname.toLowerCase();
  const token = (o.trustedTokenUrl ?? '') !== (o.tokenUrl ?? '');
  if (host && token) return 'hostname and token URL';
  return token ? 'token URL' : 'hostname';
}
