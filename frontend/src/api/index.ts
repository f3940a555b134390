// The only module that talks to the Go side. Everything else imports from
// here, so tests can replace it with vi.mock('../api') and never load the
// Wails bindings (which need window.go).
import {
  AppInfo as goAppInfo,
  CreateIntegration as goCreateIntegration,
  ListIntegrations as goListIntegrations,
  OpenExternal as goOpenExternal,
  Quit as goQuit,
  StartupProblem as goStartupProblem,
} from '../../wailsjs/go/main/App';
import { ApiError, toApiError } from './errors';
import type { AppInfo, CreateIntegrationInput, Integration, IntegrationStatus, IntegrationSummary } from './types';

export * from './types';
export { ApiError, toApiError, ERROR_CODES, type ErrorCode } from './errors';

async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toApiError(err);
  }
}

function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'string' || typeof value === 'number') {
    const d = new Date(value);
    if (!Number.isNaN(d.getTime())) return d;
  }
  return new Date(Number.NaN);
}

function toStatus(value: unknown): IntegrationStatus {
  return value === 'published' || value === 'hidden' ? value : 'draft';
}

type Raw = Record<string, unknown>;

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function toSummary(raw: Raw): IntegrationSummary {
  return {
    id: str(raw.id),
    name: str(raw.name),
    iconSvg: str(raw.iconSvg),
    status: toStatus(raw.status),
    actionCount: typeof raw.actionCount === 'number' ? raw.actionCount : 0,
    updatedAt: toDate(raw.updatedAt),
  };
}

export function toIntegration(raw: Raw): Integration {
  return {
    ...toSummary(raw),
    description: str(raw.description),
    hostname: str(raw.hostname),
    authMethod: str(raw.authMethod),
    finalizedAt: raw.finalizedAt ? toDate(raw.finalizedAt) : null,
    createdAt: toDate(raw.createdAt),
  };
}

export function getAppInfo(): Promise<AppInfo> {
  return call(async () => {
    const info = (await goAppInfo()) as unknown as Raw;
    return { version: str(info.version), dataDir: str(info.dataDir), logFile: str(info.logFile) };
  });
}

export function listIntegrations(): Promise<IntegrationSummary[]> {
  return call(async () => {
    const list = (await goListIntegrations()) as unknown as Raw[] | null;
    return (list ?? []).map(toSummary);
  });
}

export function createIntegration(input: CreateIntegrationInput): Promise<Integration> {
  return call(async () => {
    const created = await goCreateIntegration({ name: input.name, description: input.description });
    return toIntegration(created as unknown as Raw);
  });
}

/** Opens an http(s) URL in the system browser; the webview never navigates away. */
export function openExternal(url: string): Promise<void> {
  return call(() => goOpenExternal(url));
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

/**
 * Why the app could not open its data dir (a database from a newer version,
 * a file that is not a database, an unwritable folder), or null when all is well.
 */
export function getStartupProblem(): Promise<ApiError | null> {
  return call(async () => {
    const problem = (await goStartupProblem()) as unknown;
    return problem ? toApiError(problem) : null;
  });
}

export function quitApp(): Promise<void> {
  return call(() => goQuit());
}
