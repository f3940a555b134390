// The Test panel's form, generated from an action's parameters (spec.Parameter) and request body
// schema. Values are kept as text: the backend (runner.BuildRequest) applies defaults, enforces
// required ones and checks enums, and names the parameter in its error.
import type { Action, ActionParameter, Configuration } from '../../api';

export type ParamLocation = 'path' | 'query' | 'header';
export const LOCATIONS: readonly ParamLocation[] = ['path', 'query', 'header'];
export const LOCATION_LABELS: Record<ParamLocation, string> = {
  path: 'Path parameters',
  query: 'Query parameters',
  header: 'Header parameters',
};

export type ParamKind = 'enum' | 'boolean' | 'number' | 'integer' | 'text';

export interface ParamField {
  /** The key sent in RunRequest.params: the name, or "query.name" when the name is used in two places. */
  key: string;
  name: string;
  in: ParamLocation;
  description: string;
  required: boolean;
  kind: ParamKind;
  /** The allowed values, as text (enum), or ['true', 'false'] for a boolean. */
  options: string[];
  /** The default as text, '' when there is none. */
  defaultValue: string;
  minimum?: number;
  maximum?: number;
}

function obj(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** A value as the backend writes it into a request (runner.defaultText). */
export function valueText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** The action's parameters as stored (a JSON list), tolerating anything else as none. */
export function actionParameters(action: Action): ActionParameter[] {
  const raw: unknown = action.parameters;
  if (!Array.isArray(raw)) return [];
  return raw.filter((p): p is ActionParameter => !!obj(p) && typeof (p as ActionParameter).name === 'string');
}

function schemaType(schema: Record<string, unknown> | null): string {
  const t = schema?.type;
  if (typeof t === 'string') return t;
  // OpenAPI 3.1 allows ["integer", "null"].
  if (Array.isArray(t)) return (t.find((x) => x !== 'null') as string | undefined) ?? '';
  return '';
}

/** The form's fields, in the action's order. */
export function paramFields(action: Action): ParamField[] {
  const params = actionParameters(action);
  const count = new Map<string, number>();
  for (const p of params) count.set(p.name, (count.get(p.name) ?? 0) + 1);
  return params.map((p) => {
    const schema = obj(p.schema);
    const enumValues = Array.isArray(p.enum) && p.enum.length > 0 ? p.enum : Array.isArray(schema?.enum) ? (schema.enum as unknown[]) : [];
    const type = schemaType(schema);
    const loc: ParamLocation = p.in === 'path' || p.in === 'header' ? p.in : 'query';
    const kind: ParamKind =
      enumValues.length > 0 ? 'enum' : type === 'boolean' ? 'boolean' : type === 'integer' ? 'integer' : type === 'number' ? 'number' : 'text';
    const def = p.default !== undefined ? p.default : schema?.default;
    return {
      key: (count.get(p.name) ?? 0) > 1 ? `${loc}.${p.name}` : p.name,
      name: p.name,
      in: loc,
      description: typeof p.description === 'string' ? p.description : typeof schema?.description === 'string' ? schema.description : '',
      required: p.required === true || loc === 'path',
      kind,
      options: kind === 'enum' ? [...new Set(enumValues.map(valueText))] : kind === 'boolean' ? ['true', 'false'] : [],
      defaultValue: valueText(def),
      ...(typeof schema?.minimum === 'number' ? { minimum: schema.minimum } : {}),
      ...(typeof schema?.maximum === 'number' ? { maximum: schema.maximum } : {}),
    };
  });
}

export function initialValues(fields: ParamField[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f.key, f.defaultValue]));
}

/** What is sent: only the values given (an empty one leaves the default to the backend). */
export function paramsToSend(values: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) if (v.trim() !== '') out[k] = v;
  return out;
}

/** The field a backend error belongs to: "params.status" → the status parameter's key. */
export function paramKeyOfError(field: string | undefined, fields: ParamField[]): string | null {
  if (!field?.startsWith('params.')) return null;
  const name = field.slice('params.'.length);
  return (fields.find((f) => f.key === name) ?? fields.find((f) => f.name === name))?.key ?? null;
}

function sample(schema: Record<string, unknown> | null, depth: number): unknown {
  if (!schema) return null;
  if (schema.default !== undefined) return schema.default;
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  switch (schemaType(schema) || (obj(schema.properties) ? 'object' : '')) {
    case 'string':
      return '';
    case 'integer':
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object':
      return depth < 4 ? skeletonOf(schema, depth + 1) : {};
    default:
      return null;
  }
}

function skeletonOf(schema: Record<string, unknown>, depth: number): Record<string, unknown> {
  const props = obj(schema.properties) ?? {};
  const required = Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : [];
  return Object.fromEntries(required.map((name) => [name, sample(obj(props[name]), depth)]));
}

/** Whether the panel offers a body: the action declares one, or its method usually takes one. */
export function takesBody(action: Action): boolean {
  if (action.requestBody !== undefined && action.requestBody !== null) return true;
  return ['POST', 'PUT', 'PATCH'].includes((action.method ?? '').toUpperCase());
}

/** The body the editor starts with: the request body schema's required properties, else {}. */
export function bodySkeleton(action: Action): string {
  const schema = obj(action.requestBody);
  if (!schema) return takesBody(action) ? '{}' : '';
  const type = schemaType(schema);
  if (type === 'array') return '[]';
  if (type && type !== 'object') return JSON.stringify(sample(schema, 0), null, 2);
  return JSON.stringify(skeletonOf(schema, 0), null, 2);
}

/** A configuration ready to send requests with (no sign-in or secret missing, origin confirmed). */
export function isReady(c: Configuration): boolean {
  return (c.status.state === 'signed_in' || c.status.state === 'ready') && c.originChange === null;
}

/** The configuration the panel starts on: the first ready one, else the first. */
export function defaultConfiguration(list: Configuration[]): string | null {
  return (list.find(isReady) ?? list[0])?.id ?? null;
}
