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
