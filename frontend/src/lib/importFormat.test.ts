import { describe, expect, it } from 'vitest';
import { methodColor, plural, suggestedName, versionLabel } from './importFormat';

describe('versionLabel', () => {
  it('names a converted Swagger file and a native OpenAPI one', () => {
    expect(versionLabel({ version: '2.0', format: 'yaml', converted: true, documentVersion: '3.0.3' })).toBe(
      'Swagger 2.0 (YAML) → converted to OpenAPI 3.0.3',
    );
    expect(versionLabel({ version: '3.1.0', format: 'json', converted: false, documentVersion: '3.1.0' })).toBe('OpenAPI 3.1.0 (JSON)');
  });
});

describe('suggestedName (mirrors backend/integration/import.go)', () => {
  it.each([
    ['Acme API (v2.1)', 'acme.yaml', 'Acme API v2 1'],
    ['  Pedro   Aviary API ', 'x.json', 'Pedro Aviary API'],
    ['', 'specs/help-desk.swagger.yaml', 'help-desk'],
    ['', 'C:\\specs\\billing_v2.json', 'billing_v2'],
    ['★★★', '...', 'Imported API'],
    ['x'.repeat(70), 'a.json', 'x'.repeat(64)],
  ])('%j from %j is %j', (title, file, want) => {
    expect(suggestedName(title, file)).toBe(want);
  });
});

describe('small helpers', () => {
  it('pluralises with thousands separators', () => {
    expect(plural(1, 'error')).toBe('1 error');
    expect(plural(0, 'error')).toBe('0 errors');
    expect(plural(10000, 'action')).toBe('10,000 actions');
  });
  it('colours methods', () => {
    expect(methodColor('get')).toBe('blue');
    expect(methodColor('DELETE')).toBe('red');
    expect(methodColor('QUERY')).toBe('gray');
  });
});
