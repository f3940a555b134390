// Mirrors backend/apperr: every failure of a bound Go method reaches the UI
// as {code, message, field?}. Wails may also reject with a plain string (for
// example when a method is missing), and our own code may throw an Error;
// toApiError turns all of these into one ApiError.

export const ERROR_CODES = ['invalid', 'not_found', 'conflict', 'unavailable', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const GENERIC_MESSAGE = 'Something went wrong inside Integration Studio. The details are in the log file.';

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    if (field) this.field = field;
  }
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

function fromObject(obj: Record<string, unknown>): ApiError | null {
  const message = typeof obj.message === 'string' ? obj.message.trim() : '';
  if (!('code' in obj) && !message) return null;
  const code = isErrorCode(obj.code) ? obj.code : 'internal';
  const field = typeof obj.field === 'string' && obj.field !== '' ? obj.field : undefined;
  return new ApiError(code, message || GENERIC_MESSAGE, field);
}

function fromString(text: string): ApiError {
  const trimmed = text.trim();
  // Some Wails paths hand the formatted error over still JSON-encoded.
  if (trimmed.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (parsed && typeof parsed === 'object') {
        const err = fromObject(parsed as Record<string, unknown>);
        if (err) return err;
      }
    } catch {
      // not JSON: fall through and show the text as it is
    }
  }
  return new ApiError('internal', trimmed || GENERIC_MESSAGE);
}

/** Normalises anything a rejected promise may carry into an ApiError. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (typeof err === 'string') return fromString(err);
  if (err instanceof Error) {
    const fromFields = 'code' in err ? fromObject(err as unknown as Record<string, unknown>) : null;
    // The Go side's ErrorFormatter sends JSON, which the Wails runtime wraps in an Error.
    return fromFields ?? fromString(err.message);
  }
  if (err && typeof err === 'object') {
    const fromFields = fromObject(err as Record<string, unknown>);
    if (fromFields) return fromFields;
  }
  return new ApiError('internal', GENERIC_MESSAGE);
}
