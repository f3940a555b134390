import { render, type RenderOptions } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { Providers } from '../Providers';

function Wrapper({ children }: { children: ReactNode }) {
  return <Providers env="test">{children}</Providers>;
}

/** Renders with the app's Mantine theme; env="test" turns off transitions and portals. */
export function renderWithProviders(ui: ReactElement, options?: Omit<RenderOptions, 'wrapper'>) {
  return render(ui, { wrapper: Wrapper, ...options });
}
