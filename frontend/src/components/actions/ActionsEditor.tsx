import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  EmptyState,
  Group,
  Loader,
  Modal,
  Paper,
  Select,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconFilterOff, IconListDetails, IconPlayerPlay, IconPlus, IconReplace, IconSearch, IconTrash } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import {
  addAction,
  deleteActions,
  listActions,
  restoreActions,
  toApiError,
  undoActionRename,
  type Action,
  type ActionQuery,
  type Integration,
  type RenameChange,
} from '../../api';
import { methodColor } from '../../lib/importFormat';
import { TestPanel } from '../testpanel/TestPanel';
import { ACTION_METHODS, ActionDrawer } from './ActionDrawer';
import { OrgMappingSection } from './OrgMappingSection';
import { RegexReplaceDialog } from './RegexReplaceDialog';

/** Actions fetched per request as the list scrolls. */
export const PAGE_SIZE = 200;
const ROW_HEIGHT = 44;
const SEARCH_DELAY_MS = 200;
const UNDO_MS = 15_000;

const GRID: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: '28px 84px minmax(120px, 2fr) minmax(120px, 2fr) minmax(70px, 1fr) 220px',
  columnGap: 12,
  alignItems: 'center',
  padding: '0 12px',
};

type PaginatedFilter = 'all' | 'yes' | 'no';

interface Loaded {
  /** The query the pages belong to. */
  key: string;
  total: number | null;
  pages: Record<number, Action[]>;
}

export interface ActionsEditorProps {
  integration: Integration;
  /** Called after actions are added, deleted, restored or change their paginated flag. */
  onActionsChanged?: () => void;
  /** Told whether the organization mapping has edits that are not saved (leaving would lose them). */
  onUnsavedChange?: (unsaved: boolean) => void;
  /** Shows the integration's Configurations tab (the Test panel links there when credentials are missing). */
  onOpenConfigurations?: () => void;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

let undoSeq = 0;

function notifyWithUndo(message: string, onUndo: () => Promise<void>) {
  const id = `actions-undo-${++undoSeq}`;
  notifications.show({
    id,
    color: 'teal',
    autoClose: UNDO_MS,
    message: (
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm">{message}</Text>
        <Button
          size="compact-sm"
          variant="light"
          onClick={() => {
            notifications.hide(id);
            void onUndo();
          }}
        >
          Undo
        </Button>
      </Group>
    ),
  });
}

function notifyError(title: string, err: unknown) {
  notifications.show({ color: 'red', title, message: toApiError(err).message, autoClose: 10_000 });
}

/**
 * The actions editor: a virtualised, filterable list of an integration's
 * actions (fetched a page at a time as it scrolls, so 10,000 stay smooth),
 * with add, delete (undoable), regex replace (undoable), an edit drawer,
 * and the organization mapping section below.
 */
export function ActionsEditor({ integration, onActionsChanged, onUnsavedChange, onOpenConfigurations }: ActionsEditorProps) {
  const integrationId = integration.id;
  const [searchInput, setSearchInput] = useState('');
  const [search] = useDebouncedValue(searchInput.trim(), SEARCH_DELAY_MS);
  const [method, setMethod] = useState<string | null>(null);
  const [tag, setTag] = useState<string | null>(null);
  const [paginated, setPaginated] = useState<PaginatedFilter>('all');
  const [reloadKey, setReloadKey] = useState(0);
  const [loaded, setLoaded] = useState<Loaded>({ key: '', total: null, pages: {} });
  const [tags, setTags] = useState<string[]>([]);
  const [allTotal, setAllTotal] = useState<number>(integration.actionCount);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [editing, setEditing] = useState<Action | null>(null);
  const [testing, setTesting] = useState<Action | null>(null);
  const [regexOpen, setRegexOpen] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState<string[] | null>(null);
  const [busy, setBusy] = useState<'add' | 'delete' | null>(null);
  const [orgKey, setOrgKey] = useState(0);

  const filters = useMemo(
    () => ({ search, method: method ?? '', tag: tag ?? '', paginated: paginated === 'all' ? '' : paginated }),
    [search, method, tag, paginated],
  );
  const filtered = filters.search !== '' || filters.method !== '' || filters.tag !== '' || filters.paginated !== '';
  const queryKey = `${integrationId}\n${JSON.stringify(filters)}`;
  const current: Loaded = loaded.key === queryKey ? loaded : { key: queryKey, total: null, pages: {} };
  const total = current.total;
  const scroller = useRef<HTMLDivElement>(null);

  // A new query starts at the top with nothing selected: a selection the filters hide would still be deleted.
  useEffect(() => {
    setSelected(new Set());
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [queryKey]);

  const reload = useCallback(() => setReloadKey((k) => k + 1), []);
  const changedRef = useRef(onActionsChanged);
  changedRef.current = onActionsChanged;
  const changed = useCallback(() => {
    setOrgKey((k) => k + 1);
    changedRef.current?.();
  }, []);

  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 900, height: 480 },
  });
  const items = virtualizer.getVirtualItems();
  const firstPage = items.length > 0 ? Math.floor(items[0].index / PAGE_SIZE) : 0;
  const lastPage = items.length > 0 ? Math.floor(items[items.length - 1].index / PAGE_SIZE) : 0;

  // Which pages of which query (and reload) have been asked for.
  const requested = useRef<{ key: string; reload: number; pages: Set<number> }>({ key: '', reload: -1, pages: new Set() });
  useEffect(() => {
    if (requested.current.key !== queryKey || requested.current.reload !== reloadKey) {
      requested.current = { key: queryKey, reload: reloadKey, pages: new Set() };
      setLoadError(null);
    }
    const mine = requested.current;
    for (let p = firstPage; p <= lastPage; p++) {
      if (mine.pages.has(p)) continue;
      mine.pages.add(p);
      const query: ActionQuery = { ...filters, offset: p * PAGE_SIZE, limit: PAGE_SIZE };
      listActions(integrationId, query)
        .then((page) => {
          if (requested.current !== mine) return;
          if (query.offset === 0) setTags(page.tags); // only the first page carries them
          if (query.search === '' && query.method === '' && query.tag === '' && query.paginated === '') setAllTotal(page.total);
          setLoaded((prev) => ({
            key: queryKey,
            total: page.total,
            // A reload keeps the pages shown until their fresh copy arrives; a new query starts empty.
            pages: { ...(prev.key === queryKey ? prev.pages : {}), [p]: page.actions },
          }));
        })
        .catch((err: unknown) => {
          if (requested.current !== mine) return;
          mine.pages.delete(p);
          setLoadError(toApiError(err).message);
        });
    }
  }, [integrationId, queryKey, reloadKey, firstPage, lastPage, filters]);

  const rowAt = useCallback(
    (index: number): Action | undefined => current.pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE],
    [current.pages],
  );
  const loadedActions = useMemo(() => Object.values(current.pages).flat(), [current.pages]);
  const selectedLoaded = loadedActions.filter((a) => selected.has(a.id)).length;
  const allLoadedSelected = loadedActions.length > 0 && selectedLoaded === loadedActions.length;

  const toggle = useCallback((id: string, on: boolean) => {
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

  function toggleAll() {
    setSelected(allLoadedSelected ? new Set() : new Set(loadedActions.map((a) => a.id)));
  }

  function clearFilters() {
    setSearchInput('');
    setMethod(null);
    setTag(null);
    setPaginated('all');
  }

  async function add() {
    setBusy('add');
    try {
      const created = await addAction(integrationId);
      setAllTotal((n) => n + 1);
      reload();
      changed();
      setEditing(created);
    } catch (err) {
      notifyError('Could not add an action', err);
    } finally {
      setBusy(null);
    }
  }

  async function restore(deleted: Action[]) {
    try {
      await restoreActions(integrationId, deleted);
      setAllTotal((n) => n + deleted.length);
      notifications.show({ color: 'teal', message: `Restored ${plural(deleted.length, 'action')}` });
    } catch (err) {
      notifyError('Could not restore the actions', err);
    } finally {
      reload();
      changed();
    }
  }

  async function remove(ids: string[]) {
    setConfirmDelete(null);
    setBusy('delete');
    try {
      const deleted = await deleteActions(integrationId, ids);
      setSelected((prev) => {
        const next = new Set(prev);
        for (const id of ids) next.delete(id);
        return next;
      });
      if (editing && ids.includes(editing.id)) setEditing(null);
      setAllTotal((n) => Math.max(0, n - deleted.length));
      reload();
      changed();
      notifyWithUndo(`Deleted ${plural(deleted.length, 'action')}`, () => restore(deleted));
    } catch (err) {
      notifyError('Nothing was deleted', err);
    } finally {
      setBusy(null);
    }
  }

  // Stable for the memoised rows; always calls the current remove.
  const removeRef = useRef(remove);
  removeRef.current = remove;
  const deleteOne = useCallback((a: Action) => void removeRef.current([a.id]), []);

  function requestDelete() {
    const ids = [...selected];
    if (ids.length === 0) return;
    if (ids.length > 1) setConfirmDelete(ids);
    else void remove(ids);
  }

  function renamed(changes: RenameChange[]) {
    reload();
    const n = new Set(changes.map((c) => c.actionId)).size;
    notifyWithUndo(`Renamed ${plural(n, 'action')}`, async () => {
      try {
        await undoActionRename(integrationId, changes);
        notifications.show({ color: 'teal', message: `Undid the rename of ${plural(n, 'action')}` });
      } catch (err) {
        notifyError('Could not undo the rename', err);
      } finally {
        reload();
      }
    });
  }

  function saved(action: Action, before: Action) {
    setEditing(null);
    reload();
    if (action.paginated !== before.paginated) changed();
    notifications.show({ color: 'teal', message: `Saved “${action.name}”` });
  }

  const open = useCallback((a: Action) => setEditing(a), []);
  const test = useCallback((a: Action) => {
    setEditing(null);
    setTesting(a);
  }, []);
  const noActions = total === 0 && !filtered;
  const noMatch = total === 0 && filtered;

  return (
    <Stack gap="md" data-testid="actions-editor">
      <Paper withBorder radius="lg" p="md">
        <Stack gap="sm">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <TextInput
              label="Search actions"
              placeholder="Name, path or operation id"
              leftSection={<IconSearch size={16} />}
              value={searchInput}
              onChange={(e) => setSearchInput(e.currentTarget.value)}
              style={{ flex: '1 1 240px' }}
            />
            <Select
              label="Method"
              placeholder="Any method"
              data={[...ACTION_METHODS]}
              value={method}
              onChange={setMethod}
              clearable
              w={140}
            />
            <Select
              label="Tag"
              placeholder={tags.length === 0 ? 'No tags' : 'Any tag'}
              data={tags}
              value={tag}
              onChange={setTag}
              clearable
              searchable
              disabled={tags.length === 0 && tag === null}
              nothingFoundMessage="No such tag"
              w={180}
            />
            <Select
              label="Pagination"
              data={[
                { value: 'all', label: 'All actions' },
                { value: 'yes', label: 'Paginated' },
                { value: 'no', label: 'Not paginated' },
              ]}
              value={paginated}
              onChange={(v) => setPaginated((v as PaginatedFilter | null) ?? 'all')}
              allowDeselect={false}
              w={160}
            />
          </Group>
          <Group justify="space-between" gap="sm">
            <Group gap="sm">
              <Text size="sm" c="dimmed" data-testid="actions-count" aria-live="polite">
                {total === null
                  ? 'Loading actions…'
                  : filtered
                    ? `${total.toLocaleString('en-US')} of ${plural(allTotal, 'action')}`
                    : plural(total, 'action')}
              </Text>
              {selected.size > 0 && (
                <Badge variant="light" data-testid="selected-count">
                  {selected.size.toLocaleString('en-US')} selected
                </Badge>
              )}
            </Group>
            <Group gap="xs">
              <Button leftSection={<IconPlus size={16} />} onClick={() => void add()} loading={busy === 'add'}>
                Add action
              </Button>
              <Tooltip
                label={selected.size > 0 ? 'Rename the selected actions (or all) with a pattern' : 'Rename all actions with a pattern'}
              >
                <Button variant="default" leftSection={<IconReplace size={16} />} onClick={() => setRegexOpen(true)} disabled={noActions}>
                  Regex replace
                </Button>
              </Tooltip>
              <Button
                color="red"
                variant="light"
                leftSection={<IconTrash size={16} />}
                onClick={requestDelete}
                disabled={selected.size === 0}
                loading={busy === 'delete'}
              >
                Delete
              </Button>
            </Group>
          </Group>
        </Stack>
      </Paper>

      {loadError && (
        <Alert color="red" icon={<IconAlertTriangle size={16} />} title="Could not load the actions">
          <Group justify="space-between">
            <Text size="sm">{loadError}</Text>
            <Button size="xs" variant="light" color="red" onClick={reload}>
              Try again
            </Button>
          </Group>
        </Alert>
      )}

      <Paper withBorder radius="lg">
        {noActions ? (
          <EmptyState
            py="xl"
            icon={<IconListDetails size={28} />}
            withIndicatorBackground
            title="No actions yet"
            description="Actions are the API calls this integration offers in the workflow builder. Add one and give it a method, a path and its parameters, or import an OpenAPI spec to create them all at once."
            data-testid="actions-empty"
          >
            <EmptyState.Actions>
              <Button leftSection={<IconPlus size={16} />} onClick={() => void add()} loading={busy === 'add'}>
                Add your first action
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        ) : noMatch ? (
          <EmptyState
            py="xl"
            icon={<IconFilterOff size={28} />}
            withIndicatorBackground
            title="No action matches these filters"
            description={`None of the ${plural(allTotal, 'action')} match the search and filters above.`}
            data-testid="actions-no-match"
          >
            <EmptyState.Actions>
              <Button variant="default" onClick={clearFilters}>
                Clear filters
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        ) : (
          <div role="table" aria-label="Actions" aria-rowcount={(total ?? 0) + 1} aria-busy={total === null}>
            <div role="row" aria-rowindex={1} style={{ ...GRID, height: 40, borderBottom: '1px solid var(--mantine-color-default-border)' }}>
              <div role="columnheader">
                <Checkbox
                  aria-label="Select all loaded actions"
                  checked={allLoadedSelected}
                  indeterminate={selectedLoaded > 0 && !allLoadedSelected}
                  onChange={toggleAll}
                  disabled={loadedActions.length === 0}
                />
              </div>
              {['Method', 'Name', 'Path', 'Tags', ''].map((h, i) => (
                <Text key={i} role="columnheader" size="xs" fw={600} c="dimmed" tt="uppercase">
                  {h}
                </Text>
              ))}
            </div>
            <div ref={scroller} style={{ height: 'min(60vh, 640px)', overflow: 'auto' }} data-testid="actions-scroller">
              {total === null ? (
                <Group justify="center" py="xl">
                  <Loader size="sm" />
                </Group>
              ) : (
                <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
                  {items.map((v) => {
                    const action = rowAt(v.index);
                    return action ? (
                      <ActionListRow
                        key={action.id}
                        action={action}
                        index={v.index}
                        start={v.start}
                        selected={selected.has(action.id)}
                        onToggle={toggle}
                        onOpen={open}
                        onTest={test}
                        onDelete={deleteOne}
                      />
                    ) : (
                      <div
                        key={`loading-${v.index}`}
                        role="row"
                        aria-rowindex={v.index + 2}
                        data-testid="action-row-loading"
                        style={{ ...GRID, ...placed(v.start) }}
                      >
                        <Skeleton height={16} width={16} />
                        <Skeleton height={18} width={56} />
                        <Skeleton height={12} />
                        <Skeleton height={12} />
                        <span />
                        <span />
                      </div>
                    );
                  })}
                </div>
              )}
            </div>
          </div>
        )}
      </Paper>

      <OrgMappingSection integrationId={integrationId} refreshKey={orgKey} onUnsavedChange={onUnsavedChange} />

      <ActionDrawer integration={integration} action={editing} onClose={() => setEditing(null)} onSaved={saved} onTest={test} />

      <TestPanel integration={integration} action={testing} onClose={() => setTesting(null)} onOpenConfigurations={onOpenConfigurations} />

      {regexOpen && (
        <RegexReplaceDialog
          opened
          integrationId={integrationId}
          selectedIds={[...selected]}
          onClose={() => setRegexOpen(false)}
          onApplied={renamed}
        />
      )}

      <Modal
        opened={confirmDelete !== null}
        onClose={() => setConfirmDelete(null)}
        title={`Delete ${plural(confirmDelete?.length ?? 0, 'action')}?`}
        centered
      >
        <Stack>
          <Text size="sm">
            The selected actions are removed from this integration. You can undo this from the notification that follows.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmDelete(null)} data-autofocus>
              Cancel
            </Button>
            <Button color="red" onClick={() => confirmDelete && void remove(confirmDelete)}>
              Delete {plural(confirmDelete?.length ?? 0, 'action')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** Where a virtual row sits in the list. */
function placed(start: number): CSSProperties {
  return { position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${start}px)` };
}

interface RowProps {
  action: Action;
  index: number;
  /** The row's offset from the top of the list, in pixels. */
  start: number;
  selected: boolean;
  onToggle: (id: string, on: boolean) => void;
  onOpen: (action: Action) => void;
  /** Opens the Test panel for the action. */
  onTest: (action: Action) => void;
  /** The seed's delete button at the right of each action (undo is offered, as for a selection). */
  onDelete: (action: Action) => void;
}

// Memoised on plain props, so scrolling re-renders only the rows that move in or out.
const ActionListRow = memo(function ActionListRow({ action: a, index, start, selected, onToggle, onOpen, onTest, onDelete }: RowProps) {
  const method = (a.method ?? '').toUpperCase();
  const tags = a.tags ?? [];
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen(a);
    }
  }
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      aria-label={`${method} ${a.path} ${a.name}`}
      tabIndex={0}
      data-testid="action-row"
      data-id={a.id}
      onClick={() => onOpen(a)}
      onKeyDown={onKeyDown}
      style={{
        ...GRID,
        ...placed(start),
        cursor: 'pointer',
        borderBottom: '1px solid var(--mantine-color-default-border)',
        backgroundColor: selected ? 'var(--mantine-primary-color-light)' : undefined,
      }}
    >
      <div role="cell" onClick={(e) => e.stopPropagation()}>
        <Checkbox aria-label={`Select ${a.name}`} checked={selected} onChange={(e) => onToggle(a.id, e.currentTarget.checked)} />
      </div>
      <div role="cell">
        <Badge color={methodColor(method)} variant="light" radius="sm" w={76} px={4}>
          {method}
        </Badge>
      </div>
      <Text role="cell" size="sm" fw={500} truncate title={a.name} td={a.deprecated ? 'line-through' : undefined}>
        {a.name}
      </Text>
      <Text role="cell" size="sm" ff="monospace" truncate title={a.path}>
        {a.path}
      </Text>
      <Group role="cell" gap={4} wrap="nowrap" style={{ overflow: 'hidden' }} title={tags.join(', ')}>
        {tags.slice(0, 2).map((t) => (
          <Badge key={t} size="xs" variant="outline" color="gray" style={{ flexShrink: 1, minWidth: 0 }}>
            {t}
          </Badge>
        ))}
        {tags.length > 2 && (
          <Text size="xs" c="dimmed">
            +{tags.length - 2}
          </Text>
        )}
      </Group>
      <Group role="cell" gap={4} wrap="nowrap" justify="flex-end">
        {a.paginated && (
          <Badge size="sm" variant="light" color="teal">
            Paginated
          </Badge>
        )}
        {a.deprecated && (
          <Badge size="sm" variant="light" color="orange" title="The spec marks this operation as deprecated">
            Deprecated
          </Badge>
        )}
        <Tooltip label="Test: send it to the vendor" openDelay={400}>
          <ActionIcon
            variant="subtle"
            color="blue"
            aria-label={`Test action ${a.name}`}
            data-testid="action-test"
            onClick={(e) => {
              e.stopPropagation();
              onTest(a);
            }}
          >
            <IconPlayerPlay size={16} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label="Delete (you can undo)" openDelay={400}>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={`Delete action ${a.name}`}
            onClick={(e) => {
              e.stopPropagation();
              onDelete(a);
            }}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
    </div>
  );
});
