import { useCallback, useSyncExternalStore } from 'react';

// A tiny hash router: the page lives in location.hash ("#/settings"), so a
// reload (or Wails dev's live reload) shows the same page again.

export const ROUTES = ['integrations', 'import', 'blueprints', 'webhooks', 'api-tokens', 'settings'] as const;
export type Route = (typeof ROUTES)[number];
export const DEFAULT_ROUTE: Route = 'integrations';

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return (ROUTES as readonly string[]).includes(path) ? (path as Route) : DEFAULT_ROUTE;
}

/** The sidebar entry a page belongs to (the import flow lives under Integrations). */
export function sectionOf(route: Route): Route {
  return route === 'import' ? 'integrations' : route;
}

export function hrefFor(route: Route): string {
  return `#/${route}`;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function snapshot(): Route {
  return parseHash(window.location.hash);
}

export function useRoute(): [Route, (route: Route) => void] {
  const route = useSyncExternalStore(subscribe, snapshot, () => DEFAULT_ROUTE);
  const navigate = useCallback((next: Route) => {
    window.location.hash = hrefFor(next);
  }, []);
  return [route, navigate];
}
