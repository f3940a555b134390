import type { ImportPreview, Severity } from '../api';

/** "Swagger 2.0 (YAML) → converted to OpenAPI 3.0.3" or "OpenAPI 3.1.0 (JSON)". */
export function versionLabel(p: Pick<ImportPreview, 'version' | 'format' | 'converted' | 'documentVersion'>): string {
  const format = p.format ? ` (${p.format.toUpperCase()})` : '';
  if (p.converted) return `Swagger ${p.version || '2.0'}${format} → converted to OpenAPI ${p.documentVersion || '3'}`;
  return `OpenAPI ${p.version || '3'}${format}`;
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Info' };
export const SEVERITY_COLOR: Record<Severity, string> = { error: 'red', warning: 'yellow', info: 'blue' };

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

const METHOD_COLOR: Record<string, string> = {
  GET: 'blue',
  POST: 'teal',
  PUT: 'orange',
  PATCH: 'grape',
  DELETE: 'red',
  HEAD: 'gray',
  OPTIONS: 'gray',
  TRACE: 'gray',
};

export function methodColor(method: string): string {
  return METHOD_COLOR[method.toUpperCase()] ?? 'gray';
}

const NAME_UNSAFE = /[^A-Za-z0-9 _-]+/g;

function fields(s: string): string {
  return s
    .replace(NAME_UNSAFE, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .join(' ');
}

/**
 * The name the Go side gives an import saved without one
 * (backend/integration/import.go suggestedName): the title with unsafe
 * characters dropped, else the file's base name, else "Imported API".
 */
export function suggestedName(title: string, fileName: string): string {
  let n = fields(title);
  if (!n) {
    let base = fileName;
    const slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
    if (slash >= 0) base = base.slice(slash + 1);
    const dot = base.indexOf('.');
    if (dot > 0) base = base.slice(0, dot);
    n = fields(base);
  }
  if (!n) n = 'Imported API';
  if (n.length > 64) n = n.slice(0, 64).trim();
  return n;
}

/** The rule whose fix can either add an untyped property or drop the name from required. */
export const RULE_REQUIRED_UNDEFINED = 'required-property-undefined';
