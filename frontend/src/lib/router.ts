import { useCallback, useSyncExternalStore } from 'react';

// A tiny hash router: the page lives in location.hash ("#/settings",
// "#/integrations/<id>"), so a reload (or Wails dev's live reload) shows the
// same page again.

export const ROUTES = ['integrations', 'integration', 'import', 'blueprints', 'webhooks', 'api-tokens', 'settings'] as const;
export type Route = (typeof ROUTES)[number];
export const DEFAULT_ROUTE: Route = 'integrations';

/** Where the app is: a page, and for the integration editor the integration's id. */
export interface Location {
  route: Route;
  id: string;
}

export function parseLocation(hash: string): Location {
  const parts = hash.replace(/^#\/?/, '').split('?')[0]!.split('/');
  const [first = '', second = ''] = parts;
  if (first === 'integrations' && second !== '') return { route: 'integration', id: decodeURIComponent(second) };
  if (first === 'integration') return { route: DEFAULT_ROUTE, id: '' };
  return { route: (ROUTES as readonly string[]).includes(first) ? (first as Route) : DEFAULT_ROUTE, id: '' };
}

export function parseHash(hash: string): Route {
  return parseLocation(hash).route;
}

/** The sidebar entry a page belongs to (the import flow and the editor live under Integrations). */
export function sectionOf(route: Route): Route {
  return route === 'import' || route === 'integration' ? 'integrations' : route;
}

export function hrefFor(route: Route, id = ''): string {
  if (route === 'integration') return `#/integrations/${encodeURIComponent(id)}`;
  return `#/${route}`;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function snapshot(): string {
  return window.location.hash;
}

function useHash(): string {
  return useSyncExternalStore(subscribe, snapshot, () => '');
}

export function useRoute(): [Route, (route: Route, id?: string) => void] {
  const route = parseLocation(useHash()).route;
  const navigate = useCallback((next: Route, id = '') => {
    window.location.hash = hrefFor(next, id);
  }, []);
  return [route, navigate];
}

/** The id in the current location ("" when the page has none). */
export function useRouteId(): string {
  return parseLocation(useHash()).id;
}
