import { describe, expect, it } from 'vitest';
import { checkJson, formatJson, lineColumn } from './jsonText';

describe('JSON text of the action drawer', () => {
  it('parses valid JSON', () => {
    expect(checkJson('[{"name": "id", "in": "path"}]')).toEqual({ ok: true, value: [{ name: 'id', in: 'path' }] });
  });

  it.each([
    ['[\n  {"name": "id",}\n]', 2, 17, "expected a property name in double quotes, found \"}\""],
    ['{"a": 1\n"b": 2}', 2, 1, "expected ',' or '}', found"],
    ['[1, 2', 1, 6, "expected ',' or ']', found the end of the text"],
    ["{'a': 1}", 1, 2, 'expected a property name in double quotes'],
    ['{"a": tru}', 1, 7, 'expected a value'],
    ['{"a": "line\nbreak"}', 1, 12, 'line break'],
    ['[] x', 1, 4, 'unexpected text after the JSON value'],
    ['', 1, 1, 'expected a value, found the end of the text'],
  ])('locates the mistake in %j', (text, line, column, what) => {
    const check = checkJson(text);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect([check.line, check.column]).toEqual([line, column]);
    expect(check.message).toContain(`Line ${line}, column ${column}: `);
    expect(check.message).toContain(what);
  });

  it('counts lines and columns from 1', () => {
    expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });

  it('formats nothing as an empty editor', () => {
    expect(formatJson(undefined)).toBe('');
    expect(formatJson(null)).toBe('');
    expect(formatJson([1])).toBe('[\n  1\n]');
  });
});
