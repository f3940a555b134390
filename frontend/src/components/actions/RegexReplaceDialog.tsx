import { Alert, Button, Checkbox, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import {
  ApiError,
  applyActionRename,
  previewActionRename,
  type Rename,
  type RenameChange,
  type RenameTarget,
} from '../../api';

const ROW_HEIGHT = 40;
const GRID: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: '92px minmax(0, 1fr) 20px minmax(0, 1fr)',
  columnGap: 10,
  alignItems: 'center',
  padding: '0 10px',
};
// Up to this many rows render plainly; more are virtualised (10,000 actions stay smooth).
const PLAIN_ROWS = 200;
// Wait for the user to pause before asking the backend for a preview.
const PREVIEW_DELAY_MS = 200;

export interface RegexReplaceDialogProps {
  opened: boolean;
  integrationId: string;
  /** The actions selected in the editor; empty means the scope can only be all. */
  selectedIds: string[];
  onClose: () => void;
  /** Called with what was changed, so the editor can offer one undo for all of it. */
  onApplied: (changes: RenameChange[]) => void;
}

type FieldErrors = Partial<Record<'pattern' | 'replacement' | 'target' | 'form', string>>;

/**
 * The seed's Regex Replace dialog, with a live before/after preview of every
 * affected action, computed by the backend (the same code that applies it).
 * Example: `(.*?) Get` → `Get $1` turns "Photo Records Get" into "Get Photo Records".
 */
export function RegexReplaceDialog({ opened, integrationId, selectedIds, onClose, onApplied }: RegexReplaceDialogProps) {
  const [pattern, setPattern] = useState('');
  const [replacement, setReplacement] = useState('');
  const [target, setTarget] = useState<RenameTarget>('name');
  const [ignoreCase, setIgnoreCase] = useState(false);
  const [scope, setScope] = useState<'all' | 'selected'>(selectedIds.length > 0 ? 'selected' : 'all');
  const [changes, setChanges] = useState<RenameChange[] | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [applying, setApplying] = useState(false);

  const rename: Rename = {
    pattern,
    replacement,
    target,
    ignoreCase,
    actionIds: scope === 'selected' ? selectedIds : undefined,
  };
  const key = JSON.stringify(rename);

  useEffect(() => {
    if (!opened || pattern === '') {
      setChanges(null);
      setErrors({});
      return;
    }
    let stale = false;
    const timer = setTimeout(() => {
      previewActionRename(integrationId, JSON.parse(key) as Rename)
        .then((c) => {
          if (stale) return;
          setChanges(c);
          setErrors({});
        })
        .catch((err: unknown) => {
          if (stale) return;
          setChanges(null);
          setErrors(toFieldErrors(err));
        });
    }, PREVIEW_DELAY_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [opened, integrationId, key, pattern]);

  async function apply() {
    setApplying(true);
    try {
      const applied = await applyActionRename(integrationId, rename);
      onApplied(applied);
      onClose();
    } catch (err) {
      setErrors(toFieldErrors(err));
    } finally {
      setApplying(false);
    }
  }

  const count = changes?.length ?? 0;
  return (
    <Modal opened={opened} onClose={onClose} title="Regex replace" size="xl">
      <Stack gap="sm">
        <Group grow align="flex-start">
          <TextInput
            label="Pattern"
            description="A regular expression; put ( ) around the parts to keep."
            placeholder="(.*?) Get"
            value={pattern}
            onChange={(e) => setPattern(e.currentTarget.value)}
            error={errors.pattern}
            data-autofocus
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
          <TextInput
            label="Replace with"
            description="$1, $2… insert the groups; $$ is a dollar sign."
            placeholder="Get $1"
            value={replacement}
            onChange={(e) => setReplacement(e.currentTarget.value)}
            error={errors.replacement}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
        </Group>
        <Group gap="lg" align="center">
          <div>
            <Text size="sm" fw={500} mb={4} id="rename-target-label">
              Change
            </Text>
            <SegmentedControl
              aria-labelledby="rename-target-label"
              value={target}
              onChange={(v) => setTarget(v as RenameTarget)}
              data={[
                { value: 'name', label: 'Names' },
                { value: 'description', label: 'Descriptions' },
                { value: 'both', label: 'Both' },
              ]}
            />
          </div>
          <div>
            <Text size="sm" fw={500} mb={4} id="rename-scope-label">
              In
            </Text>
            <SegmentedControl
              aria-labelledby="rename-scope-label"
              value={scope}
              onChange={(v) => setScope(v as 'all' | 'selected')}
              data={[
                { value: 'selected', label: `Selected actions (${selectedIds.length})`, disabled: selectedIds.length === 0 },
                { value: 'all', label: 'All actions' },
              ]}
            />
          </div>
          <Checkbox label="Ignore case" checked={ignoreCase} onChange={(e) => setIgnoreCase(e.currentTarget.checked)} mt="lg" />
        </Group>
        {errors.target && <Text c="red" size="sm">{errors.target}</Text>}
        {errors.form && (
          <Alert color="red" icon={<IconAlertTriangle size={16} />} title="Cannot apply">
            {errors.form}
          </Alert>
        )}
        <Preview changes={changes} pattern={pattern} />
        <Group justify="space-between">
          <Text size="sm" c="dimmed" data-testid="rename-count">
            {changes === null ? ' ' : `${count.toLocaleString('en-US')} field${count === 1 ? '' : 's'} will change`}
          </Text>
          <Group>
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button onClick={() => void apply()} loading={applying} disabled={count === 0 || Object.keys(errors).length > 0}>
              Replace {count > 0 ? count.toLocaleString('en-US') : ''}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}

function Preview({ changes, pattern }: { changes: RenameChange[] | null; pattern: string }) {
  const scroller = useRef<HTMLDivElement>(null);
  const rows = changes ?? [];
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  if (changes === null || rows.length === 0) {
    return (
      <Text size="sm" c="dimmed" ta="center" py="lg" data-testid="rename-preview-empty">
        {pattern === '' ? 'Type a pattern to see what changes.' : changes === null ? ' ' : 'Nothing matches; nothing would change.'}
      </Text>
    );
  }
  return (
    <div role="table" aria-label="Preview" aria-rowcount={rows.length + 1}>
      <div role="row" style={{ ...GRID, height: 30, borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        {['Field', 'Before', '', 'After'].map((h, i) => (
          <Text key={i} role="columnheader" size="xs" fw={600} c="dimmed" tt="uppercase">
            {h}
          </Text>
        ))}
      </div>
      <div ref={scroller} style={{ maxHeight: 'min(40vh, 360px)', overflow: 'auto' }} data-testid="rename-preview-scroller">
        {rows.length <= PLAIN_ROWS ? (
          rows.map((c, i) => <ChangeRow key={`${c.actionId}:${c.field}`} change={c} index={i} />)
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((v) => (
              <ChangeRow
                key={`${rows[v.index].actionId}:${rows[v.index].field}`}
                change={rows[v.index]}
                index={v.index}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${v.start}px)` }}
              />
            ))}
          </div>
        )}
      </div>
    </div>
  );
}

function ChangeRow({ change: c, index, style }: { change: RenameChange; index: number; style?: CSSProperties }) {
  return (
    <div role="row" aria-rowindex={index + 2} style={{ ...GRID, height: ROW_HEIGHT, ...style }}>
      <Text role="cell" size="xs" c="dimmed">
        {c.field}
      </Text>
      <Text role="cell" size="sm" truncate title={c.before} td="line-through" c="dimmed">
        {c.before}
      </Text>
      <IconArrowRight size={14} aria-hidden />
      <Text role="cell" size="sm" truncate title={c.after} fw={500}>
        {c.after}
      </Text>
    </div>
  );
}

function toFieldErrors(err: unknown): FieldErrors {
  if (err instanceof ApiError) {
    if (err.field === 'pattern' || err.field === 'replacement' || err.field === 'target') return { [err.field]: err.message };
    return { form: err.message };
  }
  return { form: err instanceof Error ? err.message : String(err) };
}
