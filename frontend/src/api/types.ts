import type { auth, bundle, configuration, finding, fix, importer, integration, main, paginate, runner, settings, spec } from '../../wailsjs/go/models';

/** A Go struct as the bindings deliver it: its data, without the helper methods of the
 *  generated classes. */
type Plain<T> = T extends readonly (infer U)[]
  ? Plain<U>[]
  : T extends object
    ? { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: Plain<T[K]> }
    : T;

export type IntegrationStatus = 'draft' | 'published' | 'hidden';

export type AppInfo = Plain<main.AppInfo>;

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
  /** The auth method's non-secret defaults (snake_case, as EditForm.auth). */
  authDefaults: AuthDefaults;
  pagination: PaginationConfig;
  finalizedAt: Date | null;
  createdAt: Date;
}

export type CreateIntegrationInput = Plain<integration.CreateInput>;

// ---- OpenAPI import: the Go structs of backend/importer, finding, fix and spec, as the
// bindings deliver them, so a renamed Go field fails the type check. Only what Go
// cannot say (string unions, dates) is written here. ----

export type Severity = 'error' | 'warning' | 'info';
export type FindingSource = 'import' | 'rewst' | 'vacuum';

/** A problem in the spec: pointer is a JSON pointer into the document
 *  (e.g. "/paths/~1birds/get"); line and column are 1-based, 0 when unknown. */
export type Finding = Omit<Plain<finding.Finding>, 'severity'> & { severity: Severity };

export type FindingCounts = Plain<finding.Counts>;

export type PaginationType = '' | 'index' | 'page' | 'link' | 'pointer';

export type ActionRow = Plain<importer.ActionRow>;
export type HostSuggestion = Plain<spec.HostSuggestion>;
export type AuthSuggestion = Plain<spec.AuthSuggestion>;
export type PaginationSuggestion = Plain<spec.PaginationSuggestion>;
export type Suggestions = Plain<spec.Suggestions>;

/** version is as written in the file ("2.0", "3.1.0"); converted is true when a Swagger 2.0
 *  document became OpenAPI 3; documentVersion is the clean document's ("3.0.3" then). */
export type ImportPreview = Omit<Plain<importer.Preview>, 'findings'> & { findings: Finding[] };

export type FixChange = Plain<fix.Change>;

/** before and after are pretty-printed JSON; counts are the counts once the fixes are applied. */
export type FixPreview = Plain<importer.FixPreview>;

export type ImportedIntegration = Omit<Plain<integration.Imported>, 'integration'> & { integration: Integration };

export type Settings = Plain<settings.Settings>;

// ---- Authoring (backend/integration) ----

export type RenameTarget = 'name' | 'description' | 'both';

/** A regex replace over actions: $1, $2… in replacement insert the pattern's groups. */
export type Rename = Omit<Plain<integration.Rename>, 'target'> & { target: RenameTarget };

export type RenameChange = Omit<Plain<integration.RenameChange>, 'field'> & { field: 'name' | 'description' };

/** An integration's pagination (snake_case keys, as the CLI's edit --set uses). */
export type PaginationConfig = Plain<paginate.Config>;
export type AuthDefaults = Plain<auth.Defaults>;
/** The editor's form: name, description, hostname, auth (method + defaults), pagination. */
export type EditForm = Plain<integration.EditForm>;
/** One action as the actions editor edits it; parameters/requestBody/responseSchema are JSON. */
export type Action = Plain<integration.Action>;
export type ActionQuery = Plain<integration.ActionQuery>;
export type ActionPage = Plain<integration.ActionPage>;
export type OrgMapping = Plain<integration.OrgMapping>;
export type IconUpdate = Omit<Plain<integration.IconUpdate>, 'integration'> & { integration: Integration };
export type AuthChoice = Plain<main.AuthChoice>;
export type AuthAdvice = Plain<auth.Advice>;
export type PaginationTypeOption = Plain<paginate.TypeOption>;
export type PaginationField = Plain<paginate.Field>;

export const EDITOR_STEPS = [
  'details',
  'hostname',
  'auth_method',
  'auth_defaults',
  'pagination_type',
  'pagination_details',
  'actions',
  'finalize',
] as const;
/** The editor's steps, as backend/integration.EditorSteps names them. */
export type EditorStep = (typeof EDITOR_STEPS)[number];
export type EditorDraft = Omit<Plain<integration.Draft>, 'step' | 'updatedAt'> & { step: EditorStep; updatedAt: Date };
export interface FieldProblem {
  field: string;
  message: string;
}
export type FormSuggestions = Plain<integration.FormSuggestions>;

export type ProgressStage = 'read' | 'parse' | 'lint' | 'actions' | 'fix';

export interface SpecProgress {
  importId: string;
  stage: ProgressStage | string;
  message: string;
}

// ---- Configurations (backend/configuration): one per client organisation ----

/** Where a configuration's credentials stand (auth.State). */
export type AuthState = 'ready' | 'missing_secret' | 'signed_out' | 'signed_in' | 'needs_sign_in';

/** The secrets a configuration asks for, by auth method (configuration.SecretFieldsFor). */
export type SecretField = 'api_key' | 'password' | 'client_secret';

export type AuthStatus = Omit<Plain<auth.Status>, 'state' | 'expiresAt' | 'lastError'> & {
  state: AuthState;
  /** When the access token expires (OAuth 2.0 signed in), else null. */
  expiresAt: Date | null;
  /** Why the last refresh or sign-in failed, '' when none did. */
  lastError: string;
};

/** Set when the hostname or token URL changed since the secrets were saved. */
export type OriginChange = Plain<configuration.OriginChange>;

/** A configuration as the UI sees it: never a secret value, only which secrets are saved. */
export type Configuration = Omit<
  Plain<configuration.Configuration>,
  'username' | 'clientId' | 'redirectPort' | 'overrides' | 'status' | 'originChange' | 'createdAt' | 'updatedAt'
> & {
  username: string;
  clientId: string;
  /** 0 picks a free port for each sign-in. */
  redirectPort: number;
  /** Auth defaults replaced by dotted key ("oauth2.scope"). */
  overrides: Record<string, unknown>;
  status: AuthStatus;
  originChange: OriginChange | null;
  createdAt: Date;
  updatedAt: Date;
};

/** Creates or edits a configuration. secrets are write-only: '' keeps the saved value. */
export type ConfigurationInput = Plain<configuration.Input>;

export type ConnectionResult = Omit<Plain<configuration.ConnectionResult>, 'auth'> & { auth: AuthStatus };

/** configuration.SignInStarted: where the user signs in and the redirect URI the vendor must accept. */
export interface SignInStarted {
  integrationId: string;
  configurationId: string;
  url: string;
  redirectUri: string;
  /** Set when the system browser could not be opened; the user opens url by hand. */
  browserError: string;
}

// ---- Test runs (backend/runner): an action sent to the vendor, paged, with its transcript ----

/** What RunAction is asked: params by name (or "query.name" when a name is used in two places),
 *  the body as JSON text, maxPages 0 for the pagination's own limit (≤ 20). */
export type RunRequest = Plain<runner.Request>;

/** One page of a run: status 0 on a transport error; stop says why paging ended after it. */
export type PageTrace = Omit<Plain<paginate.PageTrace>, 'stop' | 'retries'> & { stop: string; retries: number };

/** One round trip (retries included), already redacted by the backend. */
export type Exchange = Omit<Plain<runner.Exchange>, 'requestBody' | 'truncated' | 'error'> & {
  requestBody: string;
  truncated: boolean;
  error: string;
};

/** A vendor failure: the run still came back (complete = false). */
export interface RunError {
  code: string;
  message: string;
  field?: string;
}

/** A finished run; items are the merged JSON values of every page. */
export type Run = Omit<Plain<runner.Run>, 'startedAt' | 'error' | 'items' | 'pages' | 'transcript'> & {
  startedAt: Date;
  error: RunError | null;
  items: unknown[];
  pages: PageTrace[];
  transcript: Exchange[];
};

export type RunSummary = Omit<Plain<runner.RunSummary>, 'startedAt'> & { startedAt: Date };

/** runner.PageProgress: a page finished while RunAction is still waiting (its url is left out). */
export interface RunPage {
  runId: string;
  page: PageTrace;
}

/** A parameter of an action (spec.Parameter), as stored in Action.parameters. */
export interface ActionParameter {
  name: string;
  in: 'path' | 'query' | 'header' | string;
  description?: string;
  required: boolean;
  schema?: Record<string, unknown>;
  enum?: unknown[];
  default?: unknown;
}

// ---- Bundles (backend/bundle): an integration exported as a .isbundle file, never with a secret ----

/** Where ExportBundle wrote the file; cancelled when the user closed the save dialog. */
export type BundleExport = Plain<main.BundleExport>;

/** A configuration as a bundle carries it: names, non-secret settings and the secrets to supply. */
export type BundleConfiguration = Omit<Plain<integration.ConfigurationStub>, 'settings'> & {
  settings: Record<string, unknown>;
};

/** What importing a bundle would do; nothing is stored yet. */
export type BundlePreview = Omit<Plain<bundle.Preview>, 'grantType' | 'configurations' | 'lint' | 'conflict' | 'ignored'> & {
  /** The OAuth 2.0 grant, '' for other methods. */
  grantType: string;
  configurations: BundleConfiguration[];
  lint: FindingCounts;
  /** The existing integration with the same id or name, or null. */
  conflict: Plain<bundle.Conflict> | null;
  /** Credential-like values the file carried that are never imported. */
  ignored: string[];
};

/** What to do when the bundle's integration exists: fail (the default), replace it, or keep both. */
export type BundleConflictChoice = 'fail' | 'replace' | 'keep-both';

export type BundleImportMode = 'new' | 'replace' | 'copy';

export type BundleImported = Omit<Plain<bundle.Imported>, 'mode' | 'preview'> & {
  mode: BundleImportMode;
  preview: BundlePreview;
};
