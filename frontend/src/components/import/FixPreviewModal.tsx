import { Alert, Badge, Box, Button, Center, Group, Loader, Modal, Radio, ScrollArea, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconCheck, IconX } from '@tabler/icons-react';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { applySpecFix, previewSpecFix, toApiError, type ApiError, type FixChange, type FixPreview, type ImportPreview } from '../../api';
import { plural, RULE_REQUIRED_UNDEFINED } from '../../lib/importFormat';

const SpecDiff = lazy(() => import('./SpecDiff'));

/** How many change rows to put in the DOM; the rest are counted. */
const LIST_LIMIT = 500;

export interface FixRequest {
  /** [] = every fixable rule ("Fix all"); one id = that rule's findings. */
  rules: string[];
}

export interface FixPreviewModalProps {
  importId: string;
  request: FixRequest | null;
  /** Whether the findings being fixed include required-property-undefined. */
  offersRequiredChoice: boolean;
  onClose: () => void;
  onApplied: (preview: ImportPreview, changes: number) => void;
}

type Loaded = { status: 'loading' } | { status: 'ready'; data: FixPreview } | { status: 'error'; error: ApiError };

export function FixPreviewModal({ importId, request, offersRequiredChoice, onClose, onApplied }: FixPreviewModalProps) {
  const [applying, setApplying] = useState(false);
  const opened = request !== null;
  const title = request && request.rules.length > 0 ? `Fix preview: ${request.rules.join(', ')}` : 'Fix preview: all fixable findings';
  return (
    <Modal
      opened={opened}
      onClose={() => !applying && onClose()}
      title={title}
      size="calc(100vw - 64px)"
      centered
      closeOnClickOutside={!applying}
      closeOnEscape={!applying}
      withCloseButton={!applying}
      styles={{ title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } }}
      data-testid="fix-preview"
    >
      {request && (
        <FixPreviewBody
          key={request.rules.join('\n')}
          importId={importId}
          rules={request.rules}
          offersRequiredChoice={offersRequiredChoice}
          applying={applying}
          setApplying={setApplying}
          onCancel={onClose}
          onApplied={onApplied}
        />
      )}
    </Modal>
  );
}

function FixPreviewBody({
  importId,
  rules,
  offersRequiredChoice,
  applying,
  setApplying,
  onCancel,
  onApplied,
}: {
  importId: string;
  rules: string[];
  offersRequiredChoice: boolean;
  applying: boolean;
  setApplying: (v: boolean) => void;
  onCancel: () => void;
  onApplied: (preview: ImportPreview, changes: number) => void;
}) {
  const [dropUndefined, setDropUndefined] = useState(false);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [applyError, setApplyError] = useState<ApiError | null>(null);

  useEffect(() => {
    let live = true;
    setLoaded({ status: 'loading' });
    previewSpecFix(importId, rules, dropUndefined).then(
      (data) => live && setLoaded({ status: 'ready', data }),
      (err: unknown) => live && setLoaded({ status: 'error', error: toApiError(err) }),
    );
    return () => {
      live = false;
    };
  }, [importId, rules, dropUndefined]);

  const apply = async () => {
    if (applying || loaded.status !== 'ready') return;
    setApplying(true);
    setApplyError(null);
    try {
      const next = await applySpecFix(importId, rules, dropUndefined);
      setApplying(false);
      onApplied(next, loaded.data.changes.length);
    } catch (err) {
      setApplying(false);
      setApplyError(toApiError(err));
    }
  };

  const showChoice = offersRequiredChoice && (rules.length === 0 || rules.includes(RULE_REQUIRED_UNDEFINED));

  return (
    <Stack gap="md">
      {showChoice && (
        <Radio.Group
          label={
            <>
              For names listed in <code>required</code> that have no property (
              <Text span ff="monospace" size="sm">
                {RULE_REQUIRED_UNDEFINED}
              </Text>
              )
            </>
          }
          value={dropUndefined ? 'drop' : 'add'}
          onChange={(v) => setDropUndefined(v === 'drop')}
        >
          <Group gap="lg" mt={6}>
            <Radio value="add" label="Add an untyped property (default)" disabled={applying} />
            <Radio value="drop" label="Remove the name from required" disabled={applying} />
          </Group>
        </Radio.Group>
      )}

      {loaded.status === 'loading' && (
        <Center h={240} aria-busy="true">
          <Group gap="sm">
            <Loader size="sm" />
            <Text size="sm" c="dimmed">
              Working out the fixes…
            </Text>
          </Group>
        </Center>
      )}
      {loaded.status === 'error' && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="Could not preview the fixes" role="alert">
          {loaded.error.message}
        </Alert>
      )}
      {loaded.status === 'ready' && (
        <>
          <Group gap="xs" data-testid="fix-counts">
            <Text size="sm" fw={500}>
              After fixing:
            </Text>
            <Badge color="red" variant="light">
              {plural(loaded.data.counts.errors, 'error')}
            </Badge>
            <Badge color="yellow" variant="light">
              {plural(loaded.data.counts.warnings, 'warning')}
            </Badge>
            <Badge color="blue" variant="light">
              {loaded.data.counts.infos.toLocaleString('en-US')} info
            </Badge>
          </Group>
          <Box>
            <SimpleGrid cols={2} mb={4}>
              <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                Before
              </Text>
              <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                After
              </Text>
            </SimpleGrid>
            <Suspense
              fallback={
                <Center h={200}>
                  <Loader size="sm" />
                </Center>
              }
            >
              <SpecDiff before={loaded.data.before} after={loaded.data.after} />
            </Suspense>
          </Box>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <ChangeList
              title={`Changes (${loaded.data.changes.length.toLocaleString('en-US')})`}
              items={loaded.data.changes}
              empty="Nothing to change."
              icon={<IconCheck size={14} color="var(--mantine-color-teal-6)" />}
              testId="fix-change"
            />
            <ChangeList
              title={`Not fixed (${loaded.data.unfixed.length.toLocaleString('en-US')})`}
              items={loaded.data.unfixed}
              empty="Every selected finding can be fixed."
              icon={<IconX size={14} color="var(--mantine-color-orange-6)" />}
              testId="fix-unfixed"
            />
          </SimpleGrid>
        </>
      )}
      {applyError && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="Could not apply the fixes" role="alert">
          {applyError.message}
        </Alert>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel} disabled={applying}>
          Cancel
        </Button>
        <Button
          onClick={() => void apply()}
          loading={applying}
          disabled={loaded.status !== 'ready' || loaded.data.changes.length === 0 || applying}
        >
          Apply fixes
        </Button>
      </Group>
    </Stack>
  );
}

function ChangeList({
  title,
  items,
  empty,
  icon,
  testId,
}: {
  title: string;
  items: FixChange[];
  empty: string;
  icon: ReactNode;
  testId: string;
}) {
  const shown = items.slice(0, LIST_LIMIT);
  return (
    <Stack gap={6}>
      <Title order={5}>{title}</Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <ScrollArea.Autosize mah={170} type="auto" offsetScrollbars>
          <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {shown.map((c, i) => (
              <Group key={i} component="li" gap={8} wrap="nowrap" align="flex-start" data-testid={testId}>
                <Box mt={3}>{icon}</Box>
                <Box style={{ minWidth: 0 }}>
                  <Text size="sm">{c.message}</Text>
                  <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
                    {c.ruleId}
                    {c.pointer ? ` · ${c.pointer}` : ''}
                  </Text>
                </Box>
              </Group>
            ))}
            {items.length > shown.length && (
              <Text component="li" size="sm" c="dimmed">
                …and {(items.length - shown.length).toLocaleString('en-US')} more
              </Text>
            )}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}
