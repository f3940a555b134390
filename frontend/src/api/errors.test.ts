import { describe, expect, it } from 'vitest';
import { ApiError, toApiError } from './errors';

describe('toApiError', () => {
  it('keeps code, message and field from the Go ErrorFormatter object', () => {
    const err = toApiError({ code: 'conflict', message: 'An integration named "Acme" already exists.', field: 'name' });
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toBeInstanceOf(Error);
    expect(err.code).toBe('conflict');
    expect(err.message).toBe('An integration named "Acme" already exists.');
    expect(err.field).toBe('name');
  });

  it('leaves field undefined when the object has none', () => {
    const err = toApiError({ code: 'unavailable', message: 'The keyring is locked.' });
    expect(err.code).toBe('unavailable');
    expect(err.field).toBeUndefined();
  });

  it('maps an unknown code to internal but keeps the message', () => {
    const err = toApiError({ code: 'weird', message: 'Odd.' });
    expect(err.code).toBe('internal');
    expect(err.message).toBe('Odd.');
  });

  it('turns a plain string into an internal error with that message', () => {
    const err = toApiError('method main.App.Nope not found');
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe('internal');
    expect(err.message).toBe('method main.App.Nope not found');
  });

  it('parses a JSON-encoded error object passed as a string', () => {
    const err = toApiError(JSON.stringify({ code: 'invalid', message: 'Name is required.', field: 'name' }));
    expect(err.code).toBe('invalid');
    expect(err.message).toBe('Name is required.');
    expect(err.field).toBe('name');
  });

  it('turns an Error into an internal ApiError with its message', () => {
    const err = toApiError(new TypeError("Cannot read properties of undefined (reading 'main')"));
    expect(err.code).toBe('internal');
    expect(err.message).toBe("Cannot read properties of undefined (reading 'main')");
  });

  it('reads the coded error out of the Error the Wails runtime wraps it in', () => {
    // runtime/desktop/calls.js rejects with new Error(message.error); the Go ErrorFormatter sends JSON.
    const wrapped = new Error(JSON.stringify({ code: 'conflict', message: 'An integration named "Acme" already exists.', field: 'name' }));
    const err = toApiError(wrapped);
    expect(err.code).toBe('conflict');
    expect(err.field).toBe('name');
    expect(err.message).toBe('An integration named "Acme" already exists.');
  });

  it('returns an ApiError unchanged', () => {
    const original = new ApiError('not_found', 'Gone.');
    expect(toApiError(original)).toBe(original);
  });

  it.each([null, undefined, 42, {}, ''])('gives a generic internal error for %j', (value) => {
    const err = toApiError(value);
    expect(err.code).toBe('internal');
    expect(err.message).toMatch(/Something went wrong/);
  });
});
