import type { AuthAdvice, AuthChoice, EditForm, FormSuggestions, Integration, PaginationTypeOption } from '../../api';

/** What every step of the editor gets from the page. */
export interface StepProps {
  form: EditForm;
  setForm: (form: EditForm) => void;
  /** The message to show under a field (dotted path, e.g. "auth.oauth2.token_url"), or undefined. */
  errorOf: (field: string) => string | undefined;
  /** Marks a field as visited, so its problems show from now on. */
  touch: (field: string) => void;
  integration: Integration;
  onIntegration: (it: Integration) => void;
  /** True while a save is running. */
  disabled: boolean;
  /** True once finalized: hostname, auth method and pagination type are read-only. */
  frozen: boolean;
  suggestions: FormSuggestions;
  authChoices: AuthChoice[];
  /** The general OAuth 2.0 advice, shown above its two grants. */
  oauthAdvice: AuthAdvice;
  paginationTypes: PaginationTypeOption[];
  sharedWarning: string;
}
