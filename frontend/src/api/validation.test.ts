import { describe, expect, it } from 'vitest';
import {
  DESCRIPTION_MAX_LENGTH,
  NAME_MAX_LENGTH,
  trimSpace,
  validateCreateInput,
  validateDescription,
  validateName,
} from './validation';

describe('validateName', () => {
  it.each<[string, string, string | null]>([
    ['empty', '', 'Name is required.'],
    ['only spaces', '   \t ', 'Name is required.'],
    ['too long', 'a'.repeat(NAME_MAX_LENGTH + 1), 'Name is 65 characters long; the limit is 64.'],
    ['too long in code points', 'é'.repeat(70), 'Name is 70 characters long; the limit is 64.'],
    ['exclamation mark', 'Acme!', `Name contains "!"; use only letters, digits, spaces, '-' and '_'.`],
    ['first bad character named', 'a.b/c', `Name contains "."; use only letters, digits, spaces, '-' and '_'.`],
    ['quote escaped like Go %q', 'say "hi"', `Name contains "\\""; use only letters, digits, spaces, '-' and '_'.`],
    ['non-ASCII letter', 'Café', `Name contains "é"; use only letters, digits, spaces, '-' and '_'.`],
    ['emoji as one character', 'Hi 🚀', `Name contains "🚀"; use only letters, digits, spaces, '-' and '_'.`],
    ['inner tab', 'a\tb', `Name contains "\\t"; use only letters, digits, spaces, '-' and '_'.`],
    ['ok simple', 'Acme CRM', null],
    ['ok with dash, underscore, digits', 'acme-crm_v2 2024', null],
    ['ok at the limit', 'a'.repeat(NAME_MAX_LENGTH), null],
    ['ok once trimmed', `  ${'a'.repeat(NAME_MAX_LENGTH)}  `, null],
  ])('%s', (_label, input, expected) => {
    expect(validateName(input)).toBe(expected);
  });
});

describe('validateDescription', () => {
  it.each<[string, string, string | null]>([
    ['empty', '', 'Description is required.'],
    ['whitespace', ' \n\t ', 'Description is required.'],
    ['too long', 'x'.repeat(DESCRIPTION_MAX_LENGTH + 1), 'Description is 2001 characters long; the limit is 2000.'],
    ['ok at the limit', 'x'.repeat(DESCRIPTION_MAX_LENGTH), null],
    ['ok with any characters', 'Talks to Acme’s CRM — contacts & deals!\nSecond line.', null],
  ])('%s', (_label, input, expected) => {
    expect(validateDescription(input)).toBe(expected);
  });
});

describe('validateCreateInput', () => {
  it('reports both fields', () => {
    expect(validateCreateInput({ name: '', description: '' })).toEqual({
      name: 'Name is required.',
      description: 'Description is required.',
    });
  });
  it('is empty when valid', () => {
    expect(validateCreateInput({ name: 'Acme', description: 'CRM' })).toEqual({});
  });
});

describe('trimSpace', () => {
  it('trims like Go strings.TrimSpace', () => {
    expect(trimSpace('\u00a0 a b \n\u0085')).toBe('a b');
    expect(trimSpace('\ufeffa')).toBe('\ufeffa');
  });
});
