// Live-feedback copy of backend/integration/validate.go. The Go rules are the
// ones enforced; keep the two in step (same limits, same messages).

export const NAME_MAX_LENGTH = 64;
export const DESCRIPTION_MAX_LENGTH = 2000;

export const NAME_RULES = "Up to 64 characters: letters, digits, spaces, '-' and '_'.";

const NAME_PATTERN = /^[A-Za-z0-9 _-]+$/;
const NAME_BAD_CHAR = /[^A-Za-z0-9 _-]/u;

/** Counts Unicode code points, as Go's utf8.RuneCountInString does. */
export function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

// Go's strings.TrimSpace trims Unicode White_Space, which differs from
// String.prototype.trim: it includes U+0085 and excludes U+FEFF.
const GO_SPACE = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const TRIM_PATTERN = new RegExp(`^${GO_SPACE}+|${GO_SPACE}+$`, 'gu');

export function trimSpace(s: string): string {
  return s.replace(TRIM_PATTERN, '');
}

/** Formats one character the way Go's %q does for the cases that matter here. */
export function goQuote(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  let body: string;
  switch (ch) {
    case '"':
      body = '\\"';
      break;
    case '\\':
      body = '\\\\';
      break;
    case '\t':
      body = '\\t';
      break;
    case '\n':
      body = '\\n';
      break;
    case '\r':
      body = '\\r';
      break;
    default:
      if (cp < 0x20 || cp === 0x7f) body = `\\x${cp.toString(16).padStart(2, '0')}`;
      else if (cp >= 0x80 && cp <= 0x9f) body = `\\u00${cp.toString(16).padStart(2, '0')}`;
      else body = ch;
  }
  return `"${body}"`;
}

/** Returns the first problem with an integration name, or null when valid. */
export function validateName(raw: string): string | null {
  const name = trimSpace(raw);
  if (name === '') return 'Name is required.';
  const length = runeCount(name);
  if (length > NAME_MAX_LENGTH) {
    return `Name is ${length} characters long; the limit is ${NAME_MAX_LENGTH}.`;
  }
  if (!NAME_PATTERN.test(name)) {
    const bad = NAME_BAD_CHAR.exec(name)?.[0] ?? '';
    return `Name contains ${goQuote(bad)}; use only letters, digits, spaces, '-' and '_'.`;
  }
  return null;
}

/** Returns the first problem with an integration description, or null. */
export function validateDescription(raw: string): string | null {
  const description = trimSpace(raw);
  if (description === '') return 'Description is required.';
  const length = runeCount(description);
  if (length > DESCRIPTION_MAX_LENGTH) {
    return `Description is ${length} characters long; the limit is ${DESCRIPTION_MAX_LENGTH}.`;
  }
  return null;
}

export interface CreateInputErrors {
  name?: string;
  description?: string;
}

export function validateCreateInput(input: { name: string; description: string }): CreateInputErrors {
  const errors: CreateInputErrors = {};
  const name = validateName(input.name);
  const description = validateDescription(input.description);
  if (name) errors.name = name;
  if (description) errors.description = description;
  return errors;
}
