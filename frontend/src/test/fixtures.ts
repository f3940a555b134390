import type { Integration, IntegrationSummary } from '../api';

export function summary(overrides: Partial<IntegrationSummary> = {}): IntegrationSummary {
  return {
    id: 'id-1',
    name: 'Acme CRM',
    iconSvg: '',
    status: 'draft',
    actionCount: 0,
    updatedAt: new Date(Date.now() - 5 * 60_000),
    ...overrides,
  };
}

export function integration(overrides: Partial<Integration> = {}): Integration {
  return {
    ...summary(),
    description: 'Contacts and deals.',
    hostname: '',
    authMethod: 'none',
    finalizedAt: null,
    createdAt: new Date(),
    ...overrides,
  };
}

export const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>';
