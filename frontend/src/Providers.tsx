import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { colorSchemeManager, theme } from './theme';

export function Providers({ children, env }: { children: ReactNode; env?: 'default' | 'test' }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto" colorSchemeManager={colorSchemeManager} env={env}>
      {/* Top right: at the bottom they would cover the editor's Back and Next buttons. */}
      <Notifications position="top-right" limit={4} />
      {children}
    </MantineProvider>
  );
}
