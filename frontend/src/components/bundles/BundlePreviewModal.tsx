import { Alert, Badge, Button, Code, Group, List, Loader, Modal, Paper, Radio, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import {
  IconAlertCircle,
  IconAlertTriangle,
  IconCopy,
  IconFileImport,
  IconKey,
  IconReplace,
  IconShieldCheck,
  IconShieldQuestion,
  IconX,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { ApiError, BundlePreview, IntegrationStatus } from '../../api';
import { plural } from '../../lib/importFormat';
import { StatusBadge } from '../StatusBadge';
import { authLabel, paginationLabel } from './labels';

/** What the user picks when the bundle's integration already exists. */
export type ConflictPick = 'replace' | 'keep-both' | 'cancel';

export interface BundlePreviewModalProps {
  opened: boolean;
  /** The file being imported (shown in the title bar's description). */
  path: string;
  /** null while the file is being read and checked. */
  preview: BundlePreview | null;
  error: ApiError | null;
  importing: boolean;
  choice: ConflictPick;
  onChoiceChange: (c: ConflictPick) => void;
  onImport: () => void;
  onClose: () => void;
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

function toStatus(s: string): IntegrationStatus {
  return s === 'published' || s === 'hidden' ? s : 'draft';
}

/** The preview before a bundle is imported; nothing is stored until Import. */
export function BundlePreviewModal(props: BundlePreviewModalProps) {
  const { opened, path, preview, error, importing, choice, onChoiceChange, onImport, onClose } = props;
  const cancelling = preview?.conflict != null && choice === 'cancel';
  const close = () => {
    if (!importing) onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      centered
      size="xl"
      title={
        <Group gap="xs" wrap="nowrap">
          <IconFileImport size={20} />
          <Text fw={600}>Import bundle</Text>
          {path && (
            <Text size="sm" c="dimmed" ff="monospace" truncate maw={420} title={path}>
              {fileName(path)}
            </Text>
          )}
        </Group>
      }
      data-testid="bundle-preview-modal"
    >
      <Stack gap="md">
        {!preview && !error && (
          <Group gap="sm" py="xl" justify="center" data-testid="bundle-inspecting">
            <Loader size="sm" />
            <Text size="sm" c="dimmed">
              Reading and checking the bundle…
            </Text>
          </Group>
        )}
        {preview && <PreviewBody preview={preview} choice={choice} onChoiceChange={onChoiceChange} disabled={importing} />}
        {error && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertCircle size={18} />}
            title={preview ? 'Could not import the bundle' : 'This bundle cannot be imported'}
            role="alert"
            data-testid="bundle-error"
          >
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {error.message}
            </Text>
            {!preview && (
              <Text size="xs" c="dimmed" mt={6}>
                Nothing was stored.
              </Text>
            )}
          </Alert>
        )}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={close} disabled={importing} data-testid="bundle-cancel">
            {preview && !cancelling ? 'Cancel' : 'Close'}
          </Button>
          {preview && !cancelling && (
            <Button leftSection={<IconFileImport size={16} />} onClick={onImport} loading={importing} data-testid="bundle-import" data-autofocus>
              {preview.conflict ? (choice === 'replace' ? 'Replace and import' : 'Import as a copy') : 'Import'}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.4}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

export function SignatureBadge({ signedBy }: { signedBy: string }) {
  if (!signedBy) {
    return (
      <Tooltip label="Nobody vouches for this file: import it only if you trust where it came from." withArrow multiline w={260}>
        <Badge color="gray" variant="light" radius="sm" leftSection={<IconShieldQuestion size={14} />} style={{ textTransform: 'none' }} data-testid="bundle-signature" data-signed="false">
          Unsigned
        </Badge>
      </Tooltip>
    );
  }
  return (
    <Tooltip label="The signature verifies. Compare this fingerprint with the one the sender reads on their bundles." withArrow multiline w={260}>
      <Badge color="teal" variant="light" radius="sm" leftSection={<IconShieldCheck size={14} />} style={{ textTransform: 'none' }} data-testid="bundle-signature" data-signed="true">
        Signed by <span style={{ fontFamily: 'var(--mantine-font-family-monospace)' }}>{signedBy}</span>
      </Badge>
    </Tooltip>
  );
}

function PreviewBody({ preview: p, choice, onChoiceChange, disabled }: { preview: BundlePreview; choice: ConflictPick; onChoiceChange: (c: ConflictPick) => void; disabled: boolean }) {
  const lint = [p.lint.errors && plural(p.lint.errors, 'error'), p.lint.warnings && plural(p.lint.warnings, 'warning')].filter(Boolean).join(' · ');
  return (
    <Stack gap="md" data-testid="bundle-preview">
      <div>
        <Group gap="xs" wrap="wrap">
          <Title order={3} data-testid="bundle-name">
            {p.name}
          </Title>
          <StatusBadge status={toStatus(p.status)} />
          <SignatureBadge signedBy={p.signedBy} />
        </Group>
        {p.description && (
          <Text size="sm" c="dimmed" mt={4} data-testid="bundle-description">
            {p.description}
          </Text>
        )}
      </div>

      <Paper withBorder radius="md" p="md">
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="md" verticalSpacing="sm">
          <Fact label="Hostname" testId="bundle-hostname">
            {p.hostname ? <Text span ff="monospace" size="sm">{p.hostname}</Text> : <Text span c="dimmed" size="sm">not set</Text>}
          </Fact>
          <Fact label="Authentication" testId="bundle-auth">
            {authLabel(p.authMethod, p.grantType)}
          </Fact>
          <Fact label="Pagination" testId="bundle-pagination">
            {paginationLabel(p.pagination)}
          </Fact>
          <Fact label="Actions" testId="bundle-actions">
            {p.actions.toLocaleString('en-US')}
          </Fact>
          <Fact label="Spec check" testId="bundle-lint">
            {lint || 'No errors or warnings'}
          </Fact>
          <Fact label="Made with">{p.appVersion ? `Integration Studio ${p.appVersion}` : 'Integration Studio'}</Fact>
          {p.blueprints.length > 0 && <Fact label="Blueprints">{p.blueprints.join(', ')}</Fact>}
        </SimpleGrid>
      </Paper>

      <div>
        <Text fw={600} size="sm" mb={6}>
          Configurations
        </Text>
        {p.configurations.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="bundle-no-configurations">
            None in this bundle. Add one per client organisation after importing.
          </Text>
        ) : (
          <Stack gap={6} data-testid="bundle-configurations">
            {p.configurations.map((c) => (
              <Group key={c.name} justify="space-between" wrap="nowrap" gap="sm" data-testid="bundle-configuration">
                <Text size="sm" truncate>
                  <b>{c.name}</b>
                  {c.organization && <Text span c="dimmed" size="sm">{` · ${c.organization}`}</Text>}
                </Text>
                {c.secretsNeeded.length > 0 ? (
                  <Group gap={4} wrap="nowrap">
                    <IconKey size={14} color="var(--mantine-color-orange-6)" aria-hidden="true" />
                    <Text size="sm" c="orange.8" data-testid="bundle-secrets-needed">
                      needs {c.secretsNeeded.join(', ')}
                    </Text>
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed">
                    no secrets
                  </Text>
                )}
              </Group>
            ))}
            {p.configurations.some((c) => c.secretsNeeded.length > 0) && (
              <Text size="xs" c="dimmed">
                The bundle carries no secrets: each configuration shows “Secret missing” until you enter them on the Configurations tab.
              </Text>
            )}
          </Stack>
        )}
      </div>

      {p.ignored.length > 0 && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title="Left out" data-testid="bundle-ignored">
          <Text size="sm" mb={4}>
            These were in the file and will not be imported (credentials never travel in a bundle):
          </Text>
          <List size="sm" spacing={2}>
            {p.ignored.map((what) => (
              <List.Item key={what}>
                <Code>{what}</Code>
              </List.Item>
            ))}
          </List>
        </Alert>
      )}

      {p.conflict && (
        <Paper withBorder radius="md" p="md" data-testid="bundle-conflict" style={{ borderColor: 'var(--mantine-color-orange-4)' }}>
          <Group gap="xs" mb="xs" wrap="nowrap">
            <IconAlertTriangle size={18} color="var(--mantine-color-orange-6)" />
            <Text size="sm" fw={600}>
              {p.conflict.sameId
                ? `This integration is already here, as “${p.conflict.name}”.`
                : `An integration named “${p.conflict.name}” already exists.`}
            </Text>
          </Group>
          <Radio.Group value={choice} onChange={(v) => onChoiceChange(v as ConflictPick)} aria-label="What to do with the existing integration">
            <Stack gap="sm">
              <Radio
                value="replace"
                disabled={disabled}
                data-testid="conflict-replace"
                label={
                  <Group gap={6}>
                    <IconReplace size={15} />
                    Replace it
                  </Group>
                }
                description="Its details and actions become the bundle's. Its configurations and their secrets are kept; if the hostname or token URL changes, the secrets are held back from the new address until you confirm it."
              />
              <Radio
                value="keep-both"
                disabled={disabled}
                data-testid="conflict-keep-both"
                label={
                  <Group gap={6}>
                    <IconCopy size={15} />
                    Keep both
                  </Group>
                }
                description={`The bundle is imported next to it as a separate integration, named “${p.name} (2)” (or the next free number).`}
              />
              <Radio
                value="cancel"
                disabled={disabled}
                data-testid="conflict-cancel"
                label={
                  <Group gap={6}>
                    <IconX size={15} />
                    Cancel
                  </Group>
                }
                description="Import nothing."
              />
            </Stack>
          </Radio.Group>
        </Paper>
      )}
    </Stack>
  );
}
