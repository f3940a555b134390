export type IntegrationStatus = 'draft' | 'published' | 'hidden';

export interface AppInfo {
  version: string;
  dataDir: string;
  logFile: string;
}

export interface IntegrationSummary {
  id: string;
  name: string;
  /** Raw SVG markup, or '' when the integration has no icon yet. */
  iconSvg: string;
  status: IntegrationStatus;
  actionCount: number;
  updatedAt: Date;
}

export interface Integration extends IntegrationSummary {
  description: string;
  hostname: string;
  authMethod: string;
  finalizedAt: Date | null;
  createdAt: Date;
}

export interface CreateIntegrationInput {
  name: string;
  description: string;
}

// ---- OpenAPI import (mirrors backend/importer, backend/finding, backend/fix, backend/spec) ----

export type Severity = 'error' | 'warning' | 'info';
export type FindingSource = 'import' | 'rewst' | 'vacuum';

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** JSON pointer into the document, e.g. "/paths/~1birds/get". */
  pointer: string;
  /** 1-based; 0 when unknown. */
  line: number;
  column: number;
  fixable: boolean;
  source: FindingSource | string;
}

export interface FindingCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export type PaginationType = '' | 'index' | 'page' | 'link' | 'pointer';

export interface ActionRow {
  name: string;
  method: string;
  path: string;
  operationId: string;
  tags: string[];
  parameters: number;
  paginationType: PaginationType | string;
  deprecated: boolean;
}

export interface HostSuggestion {
  hostname: string;
  basePath: string;
  evidence: string;
}

export interface AuthSuggestion {
  method: 'api_key' | 'basic' | 'oauth2' | string;
  grantType?: string;
  schemeName: string;
  headerName?: string;
  preamble?: string;
  authorizationUrl?: string;
  tokenUrl?: string;
  refreshUrl?: string;
  scopes?: string[];
  evidence: string;
}

export interface PaginationSuggestion {
  type: string;
  resultsKey?: string;
  pageSizeParam?: string;
  indexParam?: string;
  pageParam?: string;
  afterParam?: string;
  pointerPath?: string;
  linkLocation?: string;
  headerName?: string;
  nextPageKey?: string;
  evidence: string;
}

export interface Suggestions {
  host?: HostSuggestion;
  auth: AuthSuggestion[];
  pagination?: PaginationSuggestion;
}

export interface ImportPreview {
  importId: string;
  fileName: string;
  format: 'json' | 'yaml' | string;
  /** The version as written in the file ("2.0", "3.1.0"). */
  version: string;
  /** True when a Swagger 2.0 document was converted to OpenAPI 3. */
  converted: boolean;
  /** The OpenAPI version of the clean document ("3.0.3" after a conversion). */
  documentVersion: string;
  title: string;
  findings: Finding[];
  counts: FindingCounts;
  fixable: number;
  actions: ActionRow[];
  suggestions: Suggestions;
}

export interface FixChange {
  ruleId: string;
  pointer: string;
  message: string;
}

export interface FixPreview {
  /** Pretty-printed JSON before and after the fixes. */
  before: string;
  after: string;
  changes: FixChange[];
  unfixed: FixChange[];
  /** The counts once the fixes are applied. */
  counts: FindingCounts;
}

export interface ImportedIntegration {
  integration: Integration;
  actions: number;
}

export interface Settings {
  importLimitMb: number;
}

export type ProgressStage = 'read' | 'parse' | 'lint' | 'actions' | 'fix';

export interface SpecProgress {
  importId: string;
  stage: ProgressStage | string;
  message: string;
}
