import { useCallback, useEffect, useRef, useState } from 'react';
import {
  createIntegration as apiCreate,
  listIntegrations,
  toApiError,
  type ApiError,
  type CreateIntegrationInput,
  type Integration,
  type IntegrationSummary,
} from '../api';

export type IntegrationsState =
  | { status: 'loading'; items: IntegrationSummary[]; error: null }
  | { status: 'ready'; items: IntegrationSummary[]; error: null }
  | { status: 'error'; items: IntegrationSummary[]; error: ApiError };

function summaryOf(it: Integration): IntegrationSummary {
  const { id, name, iconSvg, status, actionCount, updatedAt } = it;
  return { id, name, iconSvg, status, actionCount, updatedAt };
}

/** Newest first, as the Go side orders them (updated_at DESC, name). */
function sortSummaries(items: IntegrationSummary[]): IntegrationSummary[] {
  return [...items].sort(
    (a, b) => (b.updatedAt.getTime() || 0) - (a.updatedAt.getTime() || 0) || a.name.localeCompare(b.name),
  );
}

/**
 * The integrations list and the operations on it. Only the newest request's
 * answer is applied, so a slow earlier reload cannot overwrite a later one.
 */
export function useIntegrations() {
  const [state, setState] = useState<IntegrationsState>({ status: 'loading', items: [], error: null });
  const latest = useRef(0);
  const mounted = useRef(true);

  const load = useCallback(async (opts: { quiet?: boolean } = {}) => {
    const ticket = ++latest.current;
    if (!opts.quiet) setState((s) => ({ status: 'loading', items: s.items, error: null }));
    try {
      const items = await listIntegrations();
      if (mounted.current && ticket === latest.current) {
        setState({ status: 'ready', items, error: null });
      }
    } catch (err) {
      if (mounted.current && ticket === latest.current) {
        // A failed quiet refresh keeps what is on screen.
        setState((s) =>
          opts.quiet && s.status === 'ready' ? s : { status: 'error', items: s.items, error: toApiError(err) },
        );
      }
    }
  }, []);

  useEffect(() => {
    mounted.current = true;
    void load();
    return () => {
      mounted.current = false;
    };
  }, [load]);

  /** Creates an integration; rejects with an ApiError and leaves the list as it was on failure. */
  const create = useCallback(
    async (input: CreateIntegrationInput): Promise<Integration> => {
      const created = await apiCreate(input);
      if (mounted.current) {
        // Show the new row at once, then reconcile with the store.
        setState((s) => ({
          status: 'ready',
          items: sortSummaries([summaryOf(created), ...s.items.filter((i) => i.id !== created.id)]),
          error: null,
        }));
        void load({ quiet: true });
      }
      return created;
    },
    [load],
  );

  const reload = useCallback(() => load(), [load]);

  return { ...state, reload, create };
}
