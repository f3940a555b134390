import { EDITOR_STEPS, type AuthDefaults, type EditForm, type EditorStep, type FieldProblem, type Integration } from '../../api';

// The editor's form logic, kept free of React so it can be tested alone.

export const STEP_LABELS: Record<EditorStep, { label: string; description: string }> = {
  details: { label: 'Details', description: 'Name, icon, description' },
  hostname: { label: 'Hostname', description: 'Where calls go' },
  auth_method: { label: 'Auth method', description: 'How to sign in' },
  auth_defaults: { label: 'Auth defaults', description: 'Shared settings' },
  pagination_type: { label: 'Pagination', description: 'How lists page' },
  pagination_details: { label: 'Pagination details', description: 'Params and keys' },
  actions: { label: 'Actions', description: 'One per endpoint' },
  finalize: { label: 'Finalize', description: 'Lock and publish' },
};

/** The fields (dotted form paths) each step edits; a problem belongs to the step whose prefix it starts with. */
const STEP_FIELDS: Partial<Record<EditorStep, string[]>> = {
  details: ['name', 'description', 'icon'],
  hostname: ['hostname'],
  auth_method: ['auth.method', 'auth.oauth2.grant_type'],
  auth_defaults: ['auth.'],
  pagination_type: ['pagination.type'],
  pagination_details: ['pagination.'],
};

export function stepOfField(field: string): EditorStep | null {
  // The narrower steps first: auth.method belongs to the method step, not to the defaults.
  for (const step of ['auth_method', 'pagination_type', 'details', 'hostname', 'auth_defaults', 'pagination_details'] as const) {
    if (STEP_FIELDS[step]!.some((f) => (f.endsWith('.') ? field.startsWith(f) : field === f || field.startsWith(`${f}[`)))) {
      return step;
    }
  }
  return null;
}

export function problemsOfStep(problems: FieldProblem[], step: EditorStep): FieldProblem[] {
  return problems.filter((p) => stepOfField(p.field) === step);
}

/** The first problem of each field. */
export function problemMap(problems: FieldProblem[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) if (!(p.field in out)) out[p.field] = p.message;
  return out;
}

export function stepIndex(step: EditorStep): number {
  return EDITOR_STEPS.indexOf(step);
}

export function formOf(it: Integration): EditForm {
  return {
    name: it.name,
    description: it.description,
    hostname: it.hostname,
    auth: { method: it.authMethod || 'none', ...it.authDefaults },
    pagination: { ...it.pagination, type: it.pagination.type || 'none' },
  };
}

/**
 * What moving forward past step `through` stores: every section whose step
 * is at or before it from the form (the user has been through them), the
 * others as stored, so a half-typed later section never blocks saving an
 * earlier one. Choosing a method or a type is stored with its details.
 */
export function formToCommit(through: EditorStep, form: EditForm, stored: EditForm): EditForm {
  const i = stepIndex(through);
  return {
    name: form.name,
    description: form.description,
    hostname: i >= stepIndex('hostname') ? form.hostname : stored.hostname,
    auth: i >= stepIndex('auth_defaults') ? form.auth : stored.auth,
    pagination: i >= stepIndex('pagination_details') ? form.pagination : stored.pagination,
  };
}

/** The form with what a finalized integration keeps read-only taken from the stored one. */
export function withFrozenFrom(form: EditForm, stored: EditForm): EditForm {
  return {
    ...form,
    hostname: stored.hostname,
    auth: authChoiceOf(form) === authChoiceOf(stored) ? form.auth : stored.auth,
    pagination: form.pagination.type === stored.pagination.type ? form.pagination : stored.pagination,
  };
}

/** The key of an auth choice: the method, and for OAuth 2.0 the grant. */
export function authChoiceKey(method: string, grant?: string): string {
  return method === 'oauth2' ? `oauth2:${grant ?? ''}` : method;
}

export function authChoiceOf(form: EditForm): string {
  return authChoiceKey(form.auth.method, form.auth.oauth2?.grant_type);
}

/**
 * The form after picking a method: the method's usual defaults (fresh), under
 * whatever the form already holds for it, so switching away and back keeps
 * what was typed.
 */
export function withAuthChoice(form: EditForm, method: string, grant: string, fresh: AuthDefaults): EditForm {
  const prev = form.auth;
  const oauth2 = method === 'oauth2' ? { ...fresh.oauth2!, ...(prev.oauth2 ?? {}), grant_type: grant } : prev.oauth2;
  return {
    ...form,
    auth: {
      ...prev,
      method,
      api_key: prev.api_key ?? fresh.api_key,
      oauth2,
      extra_headers: prev.extra_headers ?? fresh.extra_headers,
    },
  };
}

/** Deep equality for plain JSON values. */
export function sameJSON(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Whether the form's auth is the suggested one (same method, grant and the fields the spec gave). */
export function authMatches(current: EditForm['auth'], suggested: EditForm['auth']): boolean {
  if (authChoiceKey(current.method, current.oauth2?.grant_type) !== authChoiceKey(suggested.method, suggested.oauth2?.grant_type)) {
    return false;
  }
  if (suggested.method === 'api_key') {
    return (current.api_key?.header_name ?? '') === (suggested.api_key?.header_name ?? '') &&
      (current.api_key?.preamble ?? '') === (suggested.api_key?.preamble ?? '');
  }
  if (suggested.method === 'oauth2') {
    return (current.oauth2?.token_url ?? '') === (suggested.oauth2?.token_url ?? '') &&
      (current.oauth2?.authorization_url ?? '') === (suggested.oauth2?.authorization_url ?? '');
  }
  return true;
}

/**
 * The form to resume a draft with. Sections stored before the draft's step
 * come from the database (the CLI, or another window, may have changed them
 * since); the rest is the user's unsaved typing. Once finalized, what is
 * frozen always comes from the database.
 */
export function resumeForm(draftStep: EditorStep, draft: EditForm, stored: EditForm, finalized: boolean): EditForm {
  const at = stepIndex(draftStep);
  const passed = (commitStep: EditorStep) => at > stepIndex(commitStep);
  const form: EditForm = {
    name: passed('details') ? stored.name : draft.name,
    description: passed('details') ? stored.description : draft.description,
    hostname: passed('hostname') ? stored.hostname : draft.hostname,
    auth: passed('auth_defaults') ? stored.auth : draft.auth,
    pagination: passed('pagination_details') ? stored.pagination : draft.pagination,
  };
  return finalized ? withFrozenFrom(form, stored) : form;
}
