// The only module that talks to the Go side. Everything else imports from
// here, so tests can replace it with vi.mock('../api') and never load the
// Wails bindings (which need window.go).
import {
  AddAction as goAddAction,
  AppInfo as goAppInfo,
  ApplyActionRename as goApplyActionRename,
  ApplySpecFix as goApplySpecFix,
  AuthDefaultsFor as goAuthDefaultsFor,
  AuthenticateConfiguration as goAuthenticateConfiguration,
  AuthMethods as goAuthMethods,
  AuthSharedWarning as goAuthSharedWarning,
  CancelRun as goCancelRun,
  CancelConfigurationSignIn as goCancelConfigurationSignIn,
  CheckEditForm as goCheckEditForm,
  ConfigurationSecretFields as goConfigurationSecretFields,
  CreateConfiguration as goCreateConfiguration,
  CreateIntegration as goCreateIntegration,
  DeleteActions as goDeleteActions,
  DeleteConfiguration as goDeleteConfiguration,
  DeleteIntegration as goDeleteIntegration,
  DiscardEditorDraft as goDiscardEditorDraft,
  ExportBundle as goExportBundle,
  DiscardSpecImport as goDiscardSpecImport,
  FinalizeIntegration as goFinalizeIntegration,
  GetEditorDraft as goGetEditorDraft,
  GetIntegration as goGetIntegration,
  GetOrgMapping as goGetOrgMapping,
  GetRun as goGetRun,
  GetSettings as goGetSettings,
  ImportBundleFile as goImportBundleFile,
  ImportSpecFile as goImportSpecFile,
  InspectBundleFile as goInspectBundleFile,
  ImportSpecText as goImportSpecText,
  IntegrationSuggestions as goIntegrationSuggestions,
  ListActions as goListActions,
  ListConfigurations as goListConfigurations,
  ListIntegrations as goListIntegrations,
  ListRuns as goListRuns,
  OpenExternal as goOpenExternal,
  OAuth2Guidance as goOAuth2Guidance,
  OrgMappingAvailable as goOrgMappingAvailable,
  PaginationFields as goPaginationFields,
  PaginationTypes as goPaginationTypes,
  PickBundleFile as goPickBundleFile,
  PickSpecFile as goPickSpecFile,
  PreviewActionRename as goPreviewActionRename,
  PreviewSpecFix as goPreviewSpecFix,
  Quit as goQuit,
  RestoreActions as goRestoreActions,
  RunAction as goRunAction,
  SaveEditorDraft as goSaveEditorDraft,
  SaveSettings as goSaveSettings,
  SaveSpecImport as goSaveSpecImport,
  SetIntegrationHostname as goSetIntegrationHostname,
  SetIntegrationIcon as goSetIntegrationIcon,
  SetIntegrationStatus as goSetIntegrationStatus,
  SetOrgMapping as goSetOrgMapping,
  SignOutConfiguration as goSignOutConfiguration,
  StartupProblem as goStartupProblem,
  SubmitConfigurationSignInCode as goSubmitConfigurationSignInCode,
  TestConfigurationConnection as goTestConfigurationConnection,
  TrustConfigurationOrigin as goTrustConfigurationOrigin,
  UndoActionRename as goUndoActionRename,
  UpdateAction as goUpdateAction,
  UpdateConfiguration as goUpdateConfiguration,
  UpdateIntegration as goUpdateIntegration,
} from '../../wailsjs/go/main/App';
import { EventsOn, OnFileDrop, OnFileDropOff } from '../../wailsjs/runtime/runtime';
import { ApiError, toApiError } from './errors';
import { type Raw, arr, call, num, obj, str, strs, toDate } from './raw';
import { isBundleFile } from './files';
import { EVENT_RUN_PAGE, EVENT_SIGNIN_STARTED, EVENT_SPEC_PROGRESS } from './events';
import type {
  AuthState,
  AuthStatus,
  Configuration,
  ConfigurationInput,
  ConnectionResult,
  SignInStarted,
  ActionRow,
  AppInfo,
  AuthSuggestion,
  BundleConfiguration,
  BundleConflictChoice,
  BundleExport,
  BundleImported,
  BundlePreview,
  CreateIntegrationInput,
  Finding,
  FindingCounts,
  FixChange,
  FixPreview,
  ImportedIntegration,
  ImportPreview,
  Integration,
  IntegrationStatus,
  IntegrationSummary,
  PaginationSuggestion,
  Action,
  ActionPage,
  ActionQuery,
  AuthAdvice,
  AuthChoice,
  AuthDefaults,
  EditForm,
  EditorDraft,
  EditorStep,
  FieldProblem,
  FormSuggestions,
  IconUpdate,
  OrgMapping,
  PaginationConfig,
  PaginationField,
  PaginationTypeOption,
  Rename,
  RenameChange,
  Exchange,
  PageTrace,
  Run,
  RunError,
  RunPage,
  RunRequest,
  RunSummary,
  Settings,
  Severity,
  SpecProgress,
  Suggestions,
} from './types';

export * from './types';
export { ApiError, toApiError, ERROR_CODES, type ErrorCode } from './errors';
export { BUNDLE_EXTENSION, isBundleFile } from './files';
export { EVENT_RUN_PAGE, EVENT_SIGNIN_STARTED, EVENT_SPEC_PROGRESS } from './events';



function toStatus(value: unknown): IntegrationStatus {
  return value === 'published' || value === 'hidden' ? value : 'draft';
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
    authDefaults: (obj(raw.authDefaults) ?? {}) as AuthDefaults,
    pagination: { ...(obj(raw.pagination) ?? {}), type: str(obj(raw.pagination)?.type) || 'none' } as PaginationConfig,
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

export function getIntegration(id: string): Promise<Integration> {
  return call(async () => toIntegration((await goGetIntegration(id)) as unknown as Raw));
}

export function setIntegrationHostname(id: string, hostname: string): Promise<Integration> {
  return call(async () => toIntegration((await goSetIntegrationHostname(id, hostname)) as unknown as Raw));
}

/** Freezes hostname, auth method and pagination type; the draft becomes Hidden. */
export function finalizeIntegration(id: string): Promise<Integration> {
  return call(async () => toIntegration((await goFinalizeIntegration(id)) as unknown as Raw));
}

export function setIntegrationStatus(id: string, status: IntegrationStatus): Promise<Integration> {
  return call(async () => toIntegration((await goSetIntegrationStatus(id, status)) as unknown as Raw));
}

function toRenameChanges(list: unknown): RenameChange[] {
  return arr(list).map((c) => ({
    actionId: str(c.actionId),
    field: c.field === 'description' ? 'description' : 'name',
    before: str(c.before),
    after: str(c.after),
  }));
}

/** What a regex replace over the actions would change; changes nothing. */
export function previewActionRename(id: string, rename: Rename): Promise<RenameChange[]> {
  return call(async () => toRenameChanges(await goPreviewActionRename(id, rename)));
}

/** Applies the replace; pass the result to undoActionRename to take it back in one step. */
export function applyActionRename(id: string, rename: Rename): Promise<RenameChange[]> {
  return call(async () => toRenameChanges(await goApplyActionRename(id, rename)));
}

export function undoActionRename(id: string, changes: RenameChange[]): Promise<void> {
  return call(() => goUndoActionRename(id, changes));
}

/** Stores the editor's form, validated as a whole (read-only fields of a finalized integration refused). */
export function updateIntegration(id: string, form: EditForm): Promise<Integration> {
  return call(async () => toIntegration((await goUpdateIntegration(id, form as never)) as unknown as Raw));
}

/** Stores an SVG icon sanitised ('' removes it); says what sanitising removed. */
export function setIntegrationIcon(id: string, svg: string): Promise<IconUpdate> {
  return call(async () => {
    const up = (await goSetIntegrationIcon(id, svg)) as unknown as Raw;
    return { integration: toIntegration((up.integration ?? {}) as Raw), removed: Array.isArray(up.removed) ? (up.removed as string[]) : [] };
  });
}

export function listActions(id: string, query: ActionQuery): Promise<ActionPage> {
  return call(async () => {
    const page = (await goListActions(id, query as never)) as unknown as Raw;
    return {
      actions: (Array.isArray(page.actions) ? page.actions : []) as Action[],
      total: num(page.total),
      tags: strs(page.tags),
    };
  });
}

export function addAction(id: string): Promise<Action> {
  return call(async () => (await goAddAction(id)) as unknown as Action);
}

export function updateAction(id: string, action: Action): Promise<Action> {
  return call(async () => (await goUpdateAction(id, action as never)) as unknown as Action);
}

/** Deletes actions and returns them whole: pass them to restoreActions to undo. */
export function deleteActions(id: string, actionIds: string[]): Promise<Action[]> {
  return call(async () => ((await goDeleteActions(id, actionIds)) ?? []) as unknown as Action[]);
}

export function restoreActions(id: string, actions: Action[]): Promise<void> {
  return call(() => goRestoreActions(id, actions as never));
}

/** The organisation mapping applies once at least one action is paginated. */
export function orgMappingAvailable(id: string): Promise<boolean> {
  return call(() => goOrgMappingAvailable(id));
}

export function getOrgMapping(id: string): Promise<OrgMapping | null> {
  return call(async () => ((await goGetOrgMapping(id)) ?? null) as unknown as OrgMapping | null);
}

export function setOrgMapping(id: string, mapping: OrgMapping): Promise<OrgMapping> {
  return call(async () => (await goSetOrgMapping(id, mapping as never)) as unknown as OrgMapping);
}

export function authMethods(): Promise<AuthChoice[]> {
  return call(async () => ((await goAuthMethods()) ?? []) as unknown as AuthChoice[]);
}

/** The warning the auth defaults step shows: defaults are exported and copied into every configuration. */
export function authSharedWarning(): Promise<string> {
  return call(async () => str(await goAuthSharedWarning()));
}

/** The seed's general OAuth 2.0 "choose this if" advice, shown above the two grants. */
export function oauth2Guidance(): Promise<AuthAdvice> {
  return call(async () => {
    const raw = ((await goOAuth2Guidance()) ?? {}) as unknown as Raw;
    return { summary: str(raw.summary), choose_if: strs(raw.choose_if) };
  });
}

export function authDefaultsFor(method: string, grantType: string): Promise<AuthDefaults> {
  return call(async () => (await goAuthDefaultsFor(method, grantType)) as unknown as AuthDefaults);
}

export function paginationTypes(): Promise<PaginationTypeOption[]> {
  return call(async () => ((await goPaginationTypes()) ?? []) as unknown as PaginationTypeOption[]);
}

export function paginationFields(type: PaginationConfig['type'], linkLocation: string): Promise<PaginationField[]> {
  return call(async () => ((await goPaginationFields(type, linkLocation)) ?? []) as unknown as PaginationField[]);
}

/** The editor's unsaved work on an integration (step + form as typed), or null. */
export function getEditorDraft(id: string): Promise<EditorDraft | null> {
  return call(async () => {
    const raw = (await goGetEditorDraft(id)) as unknown as Raw | null;
    if (!raw) return null;
    return { step: str(raw.step) as EditorStep, form: raw.form as EditForm, updatedAt: toDate(raw.updatedAt) };
  });
}

/** Autosaves the editor's step and form; nothing is validated, nothing else changes. */
export function saveEditorDraft(id: string, step: EditorStep, form: EditForm): Promise<void> {
  return call(async () => {
    await goSaveEditorDraft(id, step, form as never);
  });
}

export function discardEditorDraft(id: string): Promise<void> {
  return call(() => goDiscardEditorDraft(id));
}

/** Every problem with the form, each naming its field ("auth.oauth2.token_url"), as saving would report it. */
export function checkEditForm(form: EditForm): Promise<FieldProblem[]> {
  return call(async () =>
    arr(await goCheckEditForm(form as never)).map((p) => ({ field: str(p.field), message: str(p.message) })),
  );
}

/** What the imported spec suggests for the form (empty for an integration made from scratch). */
export function integrationSuggestions(id: string): Promise<FormSuggestions> {
  return call(async () => {
    const raw = ((await goIntegrationSuggestions(id)) ?? {}) as unknown as Raw;
    return { ...(raw as unknown as FormSuggestions), auth: (Array.isArray(raw.auth) ? raw.auth : []) as FormSuggestions['auth'] };
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

// ---- OpenAPI import ----





function toSeverity(value: unknown): Severity {
  return value === 'error' || value === 'warning' ? value : 'info';
}

function toCounts(raw: unknown): FindingCounts {
  const c = obj(raw) ?? {};
  return { errors: num(c.errors), warnings: num(c.warnings), infos: num(c.infos) };
}

function toFinding(raw: Raw): Finding {
  return {
    ruleId: str(raw.ruleId),
    severity: toSeverity(raw.severity),
    message: str(raw.message),
    pointer: str(raw.pointer),
    line: num(raw.line),
    column: num(raw.column),
    fixable: raw.fixable === true,
    source: str(raw.source),
  };
}

function toActionRow(raw: Raw): ActionRow {
  return {
    name: str(raw.name),
    method: str(raw.method).toUpperCase(),
    path: str(raw.path),
    operationId: str(raw.operationId),
    tags: strs(raw.tags),
    parameters: num(raw.parameters),
    paginationType: str(raw.paginationType),
    deprecated: raw.deprecated === true,
  };
}

/** Copies the string fields that are present and non-empty. */
function pickStrings<T>(raw: Raw, keys: readonly string[]): Partial<T> {
  const out: Record<string, string> = {};
  for (const k of keys) if (typeof raw[k] === 'string' && raw[k] !== '') out[k] = raw[k];
  return out as Partial<T>;
}

function toSuggestions(raw: unknown): Suggestions {
  const s = obj(raw) ?? {};
  const out: Suggestions = { auth: [] };
  const host = obj(s.host);
  if (host) out.host = { hostname: str(host.hostname), basePath: str(host.basePath), evidence: str(host.evidence) };
  out.auth = arr(s.auth).map((a): AuthSuggestion => {
    const scopes = strs(a.scopes);
    return {
      ...pickStrings<AuthSuggestion>(a, ['grantType', 'headerName', 'preamble', 'authorizationUrl', 'tokenUrl', 'refreshUrl']),
      method: str(a.method),
      schemeName: str(a.schemeName),
      evidence: str(a.evidence),
      ...(scopes.length ? { scopes } : {}),
    };
  });
  const p = obj(s.pagination);
  if (p && str(p.type)) {
    out.pagination = {
      ...pickStrings<PaginationSuggestion>(p, [
        'resultsKey',
        'pageSizeParam',
        'indexParam',
        'pageParam',
        'afterParam',
        'pointerPath',
        'linkLocation',
        'headerName',
        'nextPageKey',
      ]),
      type: str(p.type),
      evidence: str(p.evidence),
    };
  }
  return out;
}

export function toImportPreview(raw: Raw): ImportPreview {
  return {
    importId: str(raw.importId),
    fileName: str(raw.fileName),
    format: str(raw.format),
    version: str(raw.version),
    converted: raw.converted === true,
    documentVersion: str(raw.documentVersion),
    title: str(raw.title),
    findings: arr(raw.findings).map(toFinding),
    counts: toCounts(raw.counts),
    fixable: num(raw.fixable),
    actions: arr(raw.actions).map(toActionRow),
    suggestions: toSuggestions(raw.suggestions),
  };
}

function toChange(raw: Raw): FixChange {
  return { ruleId: str(raw.ruleId), pointer: str(raw.pointer), message: str(raw.message) };
}

function toFixPreview(raw: Raw): FixPreview {
  return {
    before: str(raw.before),
    after: str(raw.after),
    changes: arr(raw.changes).map(toChange),
    unfixed: arr(raw.unfixed).map(toChange),
    counts: toCounts(raw.counts),
  };
}

/** Opens the native file dialog; resolves to "" when the user cancels. */
export function pickSpecFile(): Promise<string> {
  return call(async () => str(await goPickSpecFile()));
}

/** Reads, parses, converts and lints a file on disk. Nothing is stored yet. */
export function importSpecFile(path: string, allowFileRefs: boolean): Promise<ImportPreview> {
  return call(async () => toImportPreview((await goImportSpecFile(path, allowFileRefs)) as unknown as Raw));
}

/** Like importSpecFile, for pasted text or a file read in the browser. */
export function importSpecText(name: string, text: string): Promise<ImportPreview> {
  return call(async () => toImportPreview((await goImportSpecText(name, text)) as unknown as Raw));
}

/** What fixing would change; rules = [] means every fixable rule. */
export function previewSpecFix(importId: string, rules: string[], dropUndefinedRequired: boolean): Promise<FixPreview> {
  return call(async () => toFixPreview((await goPreviewSpecFix(importId, rules, dropUndefinedRequired)) as unknown as Raw));
}

/** Applies the fixes and returns the re-linted preview. */
export function applySpecFix(importId: string, rules: string[], dropUndefinedRequired: boolean): Promise<ImportPreview> {
  return call(async () => toImportPreview((await goApplySpecFix(importId, rules, dropUndefinedRequired)) as unknown as Raw));
}

/** Stores the import as a draft integration; name "" uses the spec's title. */
export function saveSpecImport(importId: string, name: string): Promise<ImportedIntegration> {
  return call(async () => {
    const raw = (await goSaveSpecImport(importId, name)) as unknown as Raw;
    return { integration: toIntegration(obj(raw.integration) ?? {}), actions: num(raw.actions) };
  });
}

export function discardSpecImport(importId: string): Promise<void> {
  return call(() => goDiscardSpecImport(importId));
}

export function getSettings(): Promise<Settings> {
  return call(async () => {
    const raw = (await goGetSettings()) as unknown as Raw;
    return {
      importLimitMb: num(raw.importLimitMb),
      blueprintLimit: num(raw.blueprintLimit),
      localApiEnabled: raw.localApiEnabled === true,
      localApiPort: num(raw.localApiPort),
    };
  });
}

export function saveSettings(input: Settings): Promise<Settings> {
  return call(async () => {
    const raw = (await goSaveSettings({
      importLimitMb: input.importLimitMb,
      blueprintLimit: input.blueprintLimit,
      localApiEnabled: input.localApiEnabled,
      localApiPort: input.localApiPort,
    })) as unknown as Raw;
    return {
      importLimitMb: num(raw.importLimitMb),
      blueprintLimit: num(raw.blueprintLimit),
      localApiEnabled: raw.localApiEnabled === true,
      localApiPort: num(raw.localApiPort),
    };
  });
}

// ---- Configurations (backend/configuration) ----

const AUTH_STATES: readonly AuthState[] = ['ready', 'missing_secret', 'signed_out', 'signed_in', 'needs_sign_in'];

export function toAuthStatus(raw: unknown): AuthStatus {
  const s = obj(raw) ?? {};
  const state = AUTH_STATES.includes(s.state as AuthState) ? (s.state as AuthState) : 'signed_out';
  return {
    method: str(s.method),
    state,
    authenticated: s.authenticated === true,
    expiresAt: s.expiresAt ? toDate(s.expiresAt) : null,
    lastError: str(s.lastError),
  };
}

export function toConfiguration(raw: Raw): Configuration {
  const origin = obj(raw.originChange);
  return {
    id: str(raw.id),
    integrationId: str(raw.integrationId),
    name: str(raw.name),
    organization: str(raw.organization),
    username: str(raw.username),
    clientId: str(raw.clientId),
    redirectPort: num(raw.redirectPort),
    overrides: obj(raw.overrides) ?? {},
    secretFields: strs(raw.secretFields),
    status: toAuthStatus(raw.status),
    originChange: origin
      ? {
          trustedHostname: str(origin.trustedHostname),
          hostname: str(origin.hostname),
          ...(origin.trustedTokenUrl !== undefined ? { trustedTokenUrl: str(origin.trustedTokenUrl) } : {}),
          ...(origin.tokenUrl !== undefined ? { tokenUrl: str(origin.tokenUrl) } : {}),
        }
      : null,
    createdAt: toDate(raw.createdAt),
    updatedAt: toDate(raw.updatedAt),
  };
}

/** An integration's configurations, by name. */
export function listConfigurations(integrationId: string): Promise<Configuration[]> {
  return call(async () => arr(await goListConfigurations(integrationId)).map(toConfiguration));
}

export function createConfiguration(integrationId: string, input: ConfigurationInput): Promise<Configuration> {
  return call(async () => toConfiguration((await goCreateConfiguration(integrationId, input as never)) as unknown as Raw));
}

/** Edits a configuration; an empty secret keeps the saved one, clearSecrets removes some. */
export function updateConfiguration(integrationId: string, id: string, input: ConfigurationInput): Promise<Configuration> {
  return call(async () => toConfiguration((await goUpdateConfiguration(integrationId, id, input as never)) as unknown as Raw));
}

/** Deletes a configuration with its keyring entries (secrets and tokens). */
export function deleteConfiguration(integrationId: string, id: string): Promise<void> {
  return call(() => goDeleteConfiguration(integrationId, id));
}

/** Deletes an integration with every configuration's keyring entries. */
export function deleteIntegration(integrationId: string): Promise<void> {
  return call(() => goDeleteIntegration(integrationId));
}

/** The secrets a configuration of this integration asks for (api_key, password or client_secret). */
export function configurationSecretFields(integrationId: string): Promise<string[]> {
  return call(async () => strs(await goConfigurationSecretFields(integrationId)));
}

/**
 * Client credentials: fetches a token. Authorization code: opens the browser and waits (up to
 * five minutes) for the redirect; the sign-in URL arrives meanwhile through onSignInStarted.
 */
export function authenticateConfiguration(integrationId: string, id: string): Promise<Configuration> {
  return call(async () => toConfiguration((await goAuthenticateConfiguration(integrationId, id)) as unknown as Raw));
}

/** Stops a browser sign-in in progress; false when none was waiting. */
export function cancelConfigurationSignIn(id: string): Promise<boolean> {
  return call(async () => (await goCancelConfigurationSignIn(id)) === true);
}

/** Finishes a waiting sign-in with the address the browser ended on, or the bare code. */
export function submitConfigurationSignInCode(id: string, pasted: string): Promise<void> {
  return call(() => goSubmitConfigurationSignInCode(id, pasted));
}

/** Forgets the configuration's tokens. */
export function signOutConfiguration(integrationId: string, id: string): Promise<Configuration> {
  return call(async () => toConfiguration((await goSignOutConfiguration(integrationId, id)) as unknown as Raw));
}

/** Confirms the integration's new hostname / token URL for the saved secrets. */
export function trustConfigurationOrigin(integrationId: string, id: string): Promise<Configuration> {
  return call(async () => toConfiguration((await goTrustConfigurationOrigin(integrationId, id)) as unknown as Raw));
}

/** Sends one GET action (without required parameters) with the configuration's credentials. */
export function testConfigurationConnection(integrationId: string, id: string, actionId: string): Promise<ConnectionResult> {
  return call(async () => {
    const raw = ((await goTestConfigurationConnection(integrationId, id, actionId)) ?? {}) as unknown as Raw;
    return {
      ok: raw.ok === true,
      status: num(raw.status),
      statusText: str(raw.statusText),
      url: str(raw.url),
      durationMs: num(raw.durationMs),
      contentType: str(raw.contentType),
      bodyPreview: str(raw.bodyPreview),
      truncated: raw.truncated === true,
      auth: toAuthStatus(raw.auth),
    };
  });
}

// ---- Bundles (backend/bundle) ----

function toBundleConfiguration(raw: Raw): BundleConfiguration {
  return { name: str(raw.name), organization: str(raw.organization), settings: obj(raw.settings) ?? {}, secretsNeeded: strs(raw.secretsNeeded) };
}

export function toBundlePreview(raw: Raw): BundlePreview {
  const conflict = obj(raw.conflict);
  return {
    id: str(raw.id),
    name: str(raw.name),
    description: str(raw.description),
    hostname: str(raw.hostname),
    authMethod: str(raw.authMethod) || 'none',
    grantType: str(raw.grantType),
    pagination: str(raw.pagination) || 'none',
    status: str(raw.status),
    blueprints: strs(raw.blueprints),
    actions: num(raw.actions),
    signedBy: str(raw.signedBy),
    appVersion: str(raw.appVersion),
    configurations: arr(raw.configurations).map(toBundleConfiguration),
    lint: toCounts(raw.lint),
    conflict: conflict ? { id: str(conflict.id), name: str(conflict.name), sameId: conflict.sameId === true } : null,
    ignored: strs(raw.ignored),
  };
}

/**
 * Exports the integration: opens the save dialog ("<name>.isbundle") and writes the file.
 * cancelled is true when the user closed the dialog. No secret is ever written.
 */
export function exportBundle(integrationId: string, sign: boolean): Promise<BundleExport> {
  return call(async () => {
    const raw = ((await goExportBundle(integrationId, sign)) ?? {}) as unknown as Raw;
    return { path: str(raw.path), bytes: num(raw.bytes), signed: raw.signed === true, cancelled: raw.cancelled === true };
  });
}

/** Opens the file dialog for a bundle; resolves to "" when the user cancels. */
export function pickBundleFile(): Promise<string> {
  return call(async () => str(await goPickBundleFile()));
}

/** Reads and checks a bundle and says what importing it would do; nothing is stored. */
export function inspectBundleFile(path: string): Promise<BundlePreview> {
  return call(async () => toBundlePreview(((await goInspectBundleFile(path)) ?? {}) as unknown as Raw));
}

/**
 * Imports a bundle in one transaction. When the integration exists, onConflict decides;
 * 'fail' rejects with a conflict ApiError.
 */
export function importBundleFile(path: string, onConflict: BundleConflictChoice): Promise<BundleImported> {
  return call(async () => {
    const raw = ((await goImportBundleFile(path, onConflict)) ?? {}) as unknown as Raw;
    const mode = raw.mode === 'replace' || raw.mode === 'copy' ? raw.mode : 'new';
    return { id: str(raw.id), name: str(raw.name), mode, preview: toBundlePreview(obj(raw.preview) ?? {}) };
  });
}

// ---- Test runs (backend/runner) ----

function strMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj(value) ?? {})) out[k] = typeof v === 'string' ? v : String(v);
  return out;
}

export function toPageTrace(raw: unknown): PageTrace {
  const p = obj(raw) ?? {};
  return {
    number: num(p.number),
    url: str(p.url),
    method: str(p.method),
    status: num(p.status),
    durationMs: num(p.durationMs),
    items: num(p.items),
    stop: str(p.stop),
    retries: num(p.retries),
  };
}

function toExchange(raw: Raw): Exchange {
  return {
    page: num(raw.page),
    attempt: num(raw.attempt),
    method: str(raw.method),
    url: str(raw.url),
    requestHeaders: strMap(raw.requestHeaders),
    requestBody: str(raw.requestBody),
    status: num(raw.status),
    statusText: str(raw.statusText),
    responseHeaders: strMap(raw.responseHeaders),
    responseBody: str(raw.responseBody),
    bodyBytes: num(raw.bodyBytes),
    truncated: raw.truncated === true,
    durationMs: num(raw.durationMs),
    error: str(raw.error),
  };
}

function toRunError(raw: unknown): RunError | null {
  const e = obj(raw);
  if (!e) return null;
  return { code: str(e.code) || 'internal', message: str(e.message), ...(str(e.field) ? { field: str(e.field) } : {}) };
}

export function toRun(raw: Raw): Run {
  const items = Array.isArray(raw.items) ? (raw.items as unknown[]) : [];
  return {
    id: str(raw.id),
    integrationId: str(raw.integrationId),
    actionId: str(raw.actionId),
    actionName: str(raw.actionName),
    configurationId: str(raw.configurationId),
    startedAt: toDate(raw.startedAt),
    durationMs: num(raw.durationMs),
    pagination: str(raw.pagination) || 'none',
    complete: raw.complete === true,
    stopReason: str(raw.stopReason),
    error: toRunError(raw.error),
    items,
    itemCount: typeof raw.itemCount === 'number' ? raw.itemCount : items.length,
    pages: arr(raw.pages).map(toPageTrace),
    transcript: arr(raw.transcript).map(toExchange),
    curl: str(raw.curl),
  };
}

/**
 * Sends the action and pages through its results; resolves when the whole run is done (up to two
 * minutes). Input problems reject with an ApiError naming the field ("params.<name>", "body",
 * "configurationId", "hostname", "origin"); a vendor failure resolves with run.error set.
 * Pages arrive meanwhile through onRunPage, tagged with request.runId.
 */
export function runAction(request: RunRequest): Promise<Run> {
  return call(async () => toRun(((await goRunAction(request as never)) ?? {}) as unknown as Raw));
}

/** Stops a run in progress; false when none has that id. */
export function cancelRun(runId: string): Promise<boolean> {
  return call(async () => (await goCancelRun(runId)) === true);
}

/** An action's last runs (up to 20), newest first. */
export function listRuns(integrationId: string, actionId: string): Promise<RunSummary[]> {
  return call(async () =>
    arr(await goListRuns(integrationId, actionId)).map((r) => ({
      id: str(r.id),
      configurationId: str(r.configurationId),
      startedAt: toDate(r.startedAt),
      complete: r.complete === true,
      itemCount: num(r.itemCount),
    })),
  );
}

/** One run from the history, whole (items may be empty when they were too large to keep). */
export function getRun(integrationId: string, runId: string): Promise<Run> {
  return call(async () => toRun(((await goGetRun(integrationId, runId)) ?? {}) as unknown as Raw));
}

// ---- Wails runtime: events and native file drops ----

interface WailsWindow {
  runtime?: Record<string, unknown>;
  wails?: { flags?: { enableWailsDragAndDrop?: boolean } };
  webkit?: { messageHandlers?: { external?: unknown } };
  chrome?: { webview?: unknown };
}

function hasRuntime(): boolean {
  return typeof window !== 'undefined' && !!(window as unknown as WailsWindow).runtime;
}

/** Calls cb for every spec:progress event; returns the unsubscribe function. */
export function onSpecProgress(cb: (progress: SpecProgress) => void): () => void {
  if (!hasRuntime()) return () => {};
  return EventsOn(EVENT_SPEC_PROGRESS, (payload: unknown) => {
    const p = obj(payload);
    if (p) cb({ importId: str(p.importId), stage: str(p.stage), message: str(p.message) });
  });
}

/** Calls cb when a browser sign-in starts (auth:signin-started); returns the unsubscribe function. */
export function onSignInStarted(cb: (started: SignInStarted) => void): () => void {
  if (!hasRuntime()) return () => {};
  return EventsOn(EVENT_SIGNIN_STARTED, (payload: unknown) => {
    const p = obj(payload);
    if (!p) return;
    cb({
      integrationId: str(p.integrationId),
      configurationId: str(p.configurationId),
      url: str(p.url),
      redirectUri: str(p.redirectUri),
      browserError: str(p.browserError),
    });
  });
}

/** Calls cb for every runner:page event (a page of a run finished); returns the unsubscribe function. */
export function onRunPage(cb: (progress: RunPage) => void): () => void {
  if (!hasRuntime()) return () => {};
  return EventsOn(EVENT_RUN_PAGE, (payload: unknown) => {
    const p = obj(payload);
    if (p) cb({ runId: str(p.runId), page: toPageTrace(p.page) });
  });
}

/**
 * True inside the desktop app's webview, where the native file dialog is in
 * front of the user and a file dropped on the window arrives as paths
 * (onNativeFileDrop). False in a plain browser pointed at `wails dev`
 * (:34115): there the dialog would open on the app's window instead, and
 * only the HTML drop event carries the file.
 */
export function isDesktopApp(): boolean {
  if (!hasRuntime()) return false;
  const w = window as unknown as WailsWindow;
  return w.wails?.flags?.enableWailsDragAndDrop === true || !!w.webkit?.messageHandlers?.external || !!w.chrome?.webview;
}

// ---- Native file drops: one Wails listener, routed here ----

// The Wails runtime holds one drop listener at a time, so src/api holds it
// and routes each drop: a bundle dropped anywhere on the window goes to the
// bundle import; any other file goes to the spec import, and only when it was
// dropped on an element whose CSS sets `--wails-drop-target: drop`.
type DropListener = (paths: string[]) => void;
const specDropListeners: DropListener[] = [];
const bundleDropListeners: DropListener[] = [];
let dropRegistered = false;

function onDropTarget(x: number, y: number): boolean {
  const el = typeof document.elementFromPoint === 'function' ? document.elementFromPoint(x, y) : null;
  return !!el && getComputedStyle(el).getPropertyValue('--wails-drop-target').trim() === 'drop';
}

/** Routes one native drop; exported for tests. */
export function routeNativeDrop(x: number, y: number, paths: string[]): void {
  const list = Array.isArray(paths) ? paths.filter((p) => typeof p === 'string' && p !== '') : [];
  if (list.length === 0) return;
  // The newest listener is the page on screen.
  if (isBundleFile(list[0]!)) {
    bundleDropListeners.at(-1)?.(list);
    return;
  }
  if (onDropTarget(x, y)) specDropListeners.at(-1)?.(list);
}

function listenForDrops(into: DropListener[], cb: DropListener): () => void {
  if (!hasRuntime()) return () => {};
  into.push(cb);
  if (!dropRegistered) {
    dropRegistered = true;
    // false: the whole window reports drops; routeNativeDrop checks the target for spec files.
    OnFileDrop(routeNativeDrop, false);
  }
  return () => {
    const i = into.lastIndexOf(cb);
    if (i >= 0) into.splice(i, 1);
    if (dropRegistered && specDropListeners.length === 0 && bundleDropListeners.length === 0) {
      dropRegistered = false;
      OnFileDropOff();
    }
  };
}

/**
 * Listens for spec files dropped on an element whose CSS sets
 * `--wails-drop-target: drop` (a bundle goes to onBundleFileDrop instead).
 * Returns the function that stops listening.
 */
export function onNativeFileDrop(cb: (paths: string[]) => void): () => void {
  return listenForDrops(specDropListeners, cb);
}

/** Listens for a bundle (".isbundle") dropped anywhere on the window; cb gets its path. */
export function onBundleFileDrop(cb: (path: string) => void): () => void {
  return listenForDrops(bundleDropListeners, (paths) => cb(paths[0]!));
}
export * from './blueprints';
export * from './automation';
