import { useEffect, useState, type ComponentType } from 'react';
import { getStartupProblem, type ApiError } from './api';
import { StartupProblem } from './components/StartupProblem';
import { AppLayout } from './components/AppLayout';
import { useRoute, type Route } from './lib/router';
import { ApiTokensPage, BlueprintsPage, WebhooksPage } from './pages/ComingPages';
import { ImportPage } from './pages/ImportPage';
import { IntegrationsPage } from './pages/IntegrationsPage';
import { SettingsPage } from './pages/SettingsPage';
import { AppInfoProvider } from './state/appInfo';

const PAGES: Record<Route, ComponentType> = {
  integrations: IntegrationsPage,
  import: ImportPage,
  blueprints: BlueprintsPage,
  webhooks: WebhooksPage,
  'api-tokens': ApiTokensPage,
  settings: SettingsPage,
};

const TITLES: Record<Route, string> = {
  integrations: 'Integrations',
  import: 'Import OpenAPI',
  blueprints: 'Blueprints',
  webhooks: 'Webhooks',
  'api-tokens': 'API tokens',
  settings: 'Settings',
};

export function App() {
  const [route] = useRoute();
  const Page = PAGES[route];
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
      <AppLayout route={route}>
        <Page key={route} />
      </AppLayout>
    </AppInfoProvider>
  );
}
