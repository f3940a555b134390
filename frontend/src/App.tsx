import { useEffect, useState, type ComponentType } from 'react';
import { getStartupProblem, type ApiError } from './api';
import { StartupProblem } from './components/StartupProblem';
import { AppLayout } from './components/AppLayout';
import { BundleImportProvider, useBundleImport } from './components/bundles/BundleImport';
import { useRoute, useRouteId, type Route } from './lib/router';
import { BlueprintsPage } from './pages/BlueprintsPage';
import { ApiTokensPage } from './pages/ApiTokensPage';
import { ImportPage } from './pages/ImportPage';
import { IntegrationEditorPage } from './pages/IntegrationEditorPage';
import { IntegrationsPage } from './pages/IntegrationsPage';
import { SettingsPage } from './pages/SettingsPage';
import { WebhooksPage } from './pages/WebhooksPage';
import { AppInfoProvider } from './state/appInfo';

const PAGES: Record<Route, ComponentType> = {
  integrations: IntegrationsPage,
  integration: IntegrationEditorPage,
  import: ImportPage,
  blueprints: BlueprintsPage,
  webhooks: WebhooksPage,
  'api-tokens': ApiTokensPage,
  settings: SettingsPage,
};

const TITLES: Record<Route, string> = {
  integrations: 'Integrations',
  integration: 'Edit integration',
  import: 'Import OpenAPI',
  blueprints: 'Blueprints',
  webhooks: 'Webhooks',
  'api-tokens': 'API tokens',
  settings: 'Settings',
};

export function App() {
  const [route] = useRoute();
  const routeId = useRouteId();
  const [problem, setProblem] = useState<ApiError | null>(null);
  useEffect(() => {
    document.title = `${TITLES[route]} · Integration Studio`;
  }, [route]);
  useEffect(() => {
    getStartupProblem().then(setProblem, setProblem);
  }, []);
  if (problem) return <StartupProblem problem={problem} />;
  return (
    <AppInfoProvider>
      <BundleImportProvider>
        <AppLayout route={route}>
          <CurrentPage route={route} routeId={routeId} />
        </AppLayout>
      </BundleImportProvider>
    </AppInfoProvider>
  );
}

/** The page on screen; shown afresh after a bundle import, which may have changed it. */
function CurrentPage({ route, routeId }: { route: Route; routeId: string }) {
  const { imports } = useBundleImport();
  const Page = PAGES[route];
  return <Page key={`${route}/${routeId}#${imports}`} />;
}
