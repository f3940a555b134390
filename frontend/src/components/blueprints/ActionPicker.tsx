import { Select } from '@mantine/core';
import { useEffect, useState } from 'react';
import { listActions, type Action } from '../../api';

/** All of an integration's actions (up to 1000, the backend's page limit), or null while loading. */
export function useActions(integrationId: string): { actions: Action[] | null; error: string } {
  const [state, setState] = useState<{ id: string; actions: Action[] | null; error: string }>({ id: '', actions: null, error: '' });
  useEffect(() => {
    if (!integrationId) return;
    let live = true;
    listActions(integrationId, { search: '', method: '', tag: '', paginated: '', offset: 0, limit: 1000 }).then(
      (page) => live && setState({ id: integrationId, actions: page.actions, error: '' }),
      (err: Error) => live && setState({ id: integrationId, actions: [], error: err.message }),
    );
    return () => {
      live = false;
    };
  }, [integrationId]);
  if (!integrationId) return { actions: [], error: '' };
  return state.id === integrationId ? { actions: state.actions, error: state.error } : { actions: null, error: '' };
}

export function actionLabel(a: Action): string {
  return `${a.name || a.operationId || a.path} · ${a.method} ${a.path}`;
}

export function ActionSelect({
  integrationId,
  value,
  onChange,
  error,
  label = 'Action',
  description,
  testId,
}: {
  integrationId: string;
  value: string;
  onChange: (id: string, action: Action | null) => void;
  error?: string;
  label?: string;
  description?: string;
  testId?: string;
}) {
  const { actions, error: loadError } = useActions(integrationId);
  const data = (actions ?? []).map((a) => ({ value: a.id, label: actionLabel(a) }));
  return (
    <Select
      label={label}
      description={description}
      placeholder={!integrationId ? 'Pick an integration first' : actions === null ? 'Loading…' : data.length === 0 ? 'No actions' : 'Pick an action'}
      searchable
      disabled={!integrationId}
      data={data}
      value={value || null}
      onChange={(v) => onChange(v ?? '', (actions ?? []).find((a) => a.id === v) ?? null)}
      error={error || loadError || undefined}
      nothingFoundMessage="No action matches"
      data-testid={testId}
    />
  );
}
