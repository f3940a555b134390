// Reading what the Go side returns: the generated bindings type it loosely,
// so every wrapper checks each field and falls back to an empty value
// rather than trusting the shape. Part of src/api; nothing else needs it.
import { toApiError } from './errors';

export type Raw = Record<string, unknown>;

/** Runs a bound call and turns any failure into an ApiError. */
export async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toApiError(err);
  }
}

export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

export function obj(value: unknown): Raw | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : null;
}

export function arr(value: unknown): Raw[] {
  return Array.isArray(value) ? (value.filter((v) => v && typeof v === 'object') as Raw[]) : [];
}

export function strs(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'string' || typeof value === 'number') {
    const d = new Date(value);
    if (!Number.isNaN(d.getTime())) return d;
  }
  return new Date(Number.NaN);
}

