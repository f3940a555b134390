import type { ActionRow, Finding, ImportPreview, Integration, IntegrationSummary } from '../api';

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
    authDefaults: {},
    pagination: { type: 'none' },
    finalizedAt: null,
    createdAt: new Date(),
    ...overrides,
  };
}

export const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>';

export function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'operation-id-missing',
    severity: 'error',
    message: 'GET /tickets has no operationId.',
    pointer: '/paths/~1tickets/get',
    line: 12,
    column: 5,
    fixable: true,
    source: 'rewst',
    ...overrides,
  };
}

export function actionRow(overrides: Partial<ActionRow> = {}): ActionRow {
  return {
    name: 'List tickets',
    method: 'GET',
    path: '/tickets',
    operationId: 'listTickets',
    tags: ['tickets'],
    parameters: 2,
    paginationType: '',
    deprecated: false,
    ...overrides,
  };
}

export function actionRows(n: number): ActionRow[] {
  return Array.from({ length: n }, (_, i) =>
    actionRow({ name: `Action ${i}`, path: `/things/${i}`, operationId: `op${i}`, method: i % 2 ? 'POST' : 'GET' }),
  );
}

export function importPreview(overrides: Partial<ImportPreview> = {}): ImportPreview {
  const findings = overrides.findings ?? [
    finding(),
    finding({ ruleId: 'circular-reference', message: 'Schema Node refers to itself.', line: 40, column: 9, fixable: false, pointer: '/components/schemas/Node' }),
    finding({ ruleId: 'required-property-undefined', severity: 'warning', message: 'Ticket requires "owner", which is not a property.', line: 77, column: 7, pointer: '/components/schemas/Ticket' }),
    finding({ ruleId: 'info-contact', severity: 'info', message: 'info.contact is missing.', line: 2, column: 1, fixable: false, source: 'vacuum' }),
  ];
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  return {
    importId: 'imp-1',
    fileName: 'helpdesk.swagger.yaml',
    format: 'yaml',
    version: '2.0',
    converted: true,
    documentVersion: '3.0.3',
    title: 'Helpdesk API (v2)',
    findings,
    counts: { errors: count('error'), warnings: count('warning'), infos: count('info') },
    fixable: findings.filter((f) => f.fixable).length,
    actions: [
      actionRow(),
      actionRow({ name: 'Create ticket', method: 'POST', path: '/tickets', operationId: 'createTicket', parameters: 1 }),
      actionRow({ name: 'Delete ticket', method: 'DELETE', path: '/tickets/{id}', operationId: 'deleteTicket', paginationType: '', deprecated: true }),
      actionRow({ name: 'List agents', path: '/agents', operationId: 'listAgents', tags: ['agents'], paginationType: 'page' }),
    ],
    suggestions: {
      host: { hostname: 'api.helpdesk.example', basePath: '/v2', evidence: 'host + basePath' },
      auth: [
        { method: 'api_key', schemeName: 'apiKey', headerName: 'X-API-Key', evidence: 'securityDefinitions.apiKey' },
        {
          method: 'oauth2',
          grantType: 'client_credentials',
          schemeName: 'oauth',
          tokenUrl: 'https://auth.helpdesk.example/token',
          scopes: ['tickets:read'],
          evidence: 'securityDefinitions.oauth',
        },
      ],
      pagination: { type: 'page', pageParam: 'page', pageSizeParam: 'per_page', resultsKey: 'items', evidence: 'page and per_page on 3 list operations' },
    },
    ...overrides,
  };
}
