import { AppShell, Box, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { IconApi, IconPlug, IconSettings, IconTemplate, IconWebhook } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { hrefFor, sectionOf, type Route } from '../lib/router';
import { useAppInfo } from '../state/appInfo';
import { Logo } from './Logo';

const NAV: { route: Route; label: string; icon: ReactNode }[] = [
  { route: 'integrations', label: 'Integrations', icon: <IconPlug size={18} stroke={1.7} /> },
  { route: 'blueprints', label: 'Blueprints', icon: <IconTemplate size={18} stroke={1.7} /> },
  { route: 'webhooks', label: 'Webhooks', icon: <IconWebhook size={18} stroke={1.7} /> },
  { route: 'api-tokens', label: 'API tokens', icon: <IconApi size={18} stroke={1.7} /> },
  { route: 'settings', label: 'Settings', icon: <IconSettings size={18} stroke={1.7} /> },
];

export function AppLayout({ route, children }: { route: Route; children: ReactNode }) {
  const { info } = useAppInfo();
  const section = sectionOf(route);
  return (
    <AppShell navbar={{ width: 232, breakpoint: 0 }} padding="xl">
      <AppShell.Navbar p="md" aria-label="Main">
        <AppShell.Section mb="lg" px={6} pt={4}>
          <Logo />
        </AppShell.Section>
        <AppShell.Section grow component={ScrollArea} scrollbarSize={6}>
          <Stack gap={2}>
            {NAV.map((item) => (
              <NavLink
                key={item.route}
                href={hrefFor(item.route)}
                label={item.label}
                leftSection={item.icon}
                active={item.route === section}
                aria-current={item.route === section ? 'page' : undefined}
                variant="light"
                style={{ borderRadius: 'var(--mantine-radius-md)' }}
                data-testid={`nav-${item.route}`}
              />
            ))}
          </Stack>
        </AppShell.Section>
        <AppShell.Section px={6} pt="sm">
          <Text size="xs" c="dimmed" data-testid="app-version">
            {info ? `Version ${info.version}` : '\u00a0'}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Box maw={route === 'import' || route === 'integration' ? 1600 : 1100} mx="auto">
          {children}
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
