import { describe, expect, it } from 'vitest';
import type { EditForm } from '../../api';
import { integration } from '../../test/fixtures';
import { authMatches, formOf, formToCommit, problemsOfStep, resumeForm, stepOfField, withAuthChoice } from './form';
import { iconFileProblem } from './DetailsStep';
import { hostOfUrl } from './HostnameStep';

const stored: EditForm = formOf(integration({ name: 'Stored', hostname: 'old.example.com' }));
const typed: EditForm = {
  name: 'Typed',
  description: 'New',
  hostname: 'new.example.com',
  auth: { method: 'api_key', api_key: { header_name: 'X-Key' } },
  pagination: { type: 'pointer', after_param: 'after' },
};

describe('editor form', () => {
  it.each([
    ['name', 'details'],
    ['description', 'details'],
    ['hostname', 'hostname'],
    ['auth.method', 'auth_method'],
    ['auth.oauth2.grant_type', 'auth_method'],
    ['auth.oauth2.token_url', 'auth_defaults'],
    ['auth.extra_headers[2].value', 'auth_defaults'],
    ['pagination.type', 'pagination_type'],
    ['pagination.pointer_path', 'pagination_details'],
    ['status', null],
  ])('a problem with %s belongs to step %s', (field, step) => {
    expect(stepOfField(field)).toBe(step);
  });

  it('keeps only the problems of the step asked', () => {
    const problems = [
      { field: 'name', message: 'a' },
      { field: 'pagination.after_param', message: 'b' },
    ];
    expect(problemsOfStep(problems, 'pagination_details')).toEqual([problems[1]]);
    expect(problemsOfStep(problems, 'hostname')).toEqual([]);
  });

  it('stores only the sections the user has been through', () => {
    expect(formToCommit('details', typed, stored)).toEqual({ ...stored, name: 'Typed', description: 'New' });
    expect(formToCommit('hostname', typed, stored)).toEqual({ ...stored, name: 'Typed', description: 'New', hostname: 'new.example.com' });
    expect(formToCommit('auth_defaults', typed, stored)?.pagination).toEqual(stored.pagination);
    expect(formToCommit('auth_defaults', typed, stored)?.auth).toEqual(typed.auth);
    expect(formToCommit('pagination_details', typed, stored)).toEqual(typed);
    // Choosing a method or a type is stored with its details, not alone.
    expect(formToCommit('auth_method', typed, stored)).toEqual({ ...stored, name: 'Typed', description: 'New', hostname: 'new.example.com' });
    expect(formToCommit('pagination_type', typed, stored)?.pagination).toEqual(stored.pagination);
    // Jumping to Finalize from anywhere stores every section.
    expect(formToCommit('actions', typed, stored)).toEqual(typed);
  });

  it('resumes a draft with stored sections from the database and unsaved ones from the draft', () => {
    // On the auth defaults step: details and hostname were stored (maybe changed since by the CLI).
    const resumed = resumeForm('auth_defaults', typed, stored, false);
    expect(resumed.name).toBe('Stored');
    expect(resumed.hostname).toBe('old.example.com');
    expect(resumed.auth).toEqual(typed.auth);
    expect(resumed.pagination).toEqual(typed.pagination);
    expect(resumeForm('details', typed, stored, false)).toEqual(typed);
    // Finalized: what is frozen comes from the database whatever the draft says.
    const frozen = resumeForm('details', typed, stored, true);
    expect(frozen.name).toBe('Typed');
    expect(frozen.hostname).toBe('old.example.com');
    expect(frozen.auth).toEqual(stored.auth);
    expect(frozen.pagination).toEqual(stored.pagination);
  });

  it('keeps what was typed when switching auth method away and back', () => {
    const fresh = { oauth2: { grant_type: 'client_credentials', token_url: '', token_key: 'access_token', token_expiration_key: 'expires_in', token_request_content_type: 'application/x-www-form-urlencoded', token_request_method: 'POST', basic_auth_on_exchange: false, include_client_config_on_refresh: true, include_redirect_uri_on_refresh: false, refresh_strategy: 'automatic' } };
    const oauth = withAuthChoice(typed, 'oauth2', 'client_credentials', fresh);
    expect(oauth.auth.method).toBe('oauth2');
    expect(oauth.auth.api_key).toEqual({ header_name: 'X-Key' });
    const withUrl = { ...oauth, auth: { ...oauth.auth, oauth2: { ...oauth.auth.oauth2!, token_url: 'https://t.example.com/token' } } };
    const code = withAuthChoice(withUrl, 'oauth2', 'authorization_code', fresh);
    expect(code.auth.oauth2).toMatchObject({ grant_type: 'authorization_code', token_url: 'https://t.example.com/token' });
    const back = withAuthChoice(code, 'api_key', '', { api_key: { header_name: '' } });
    expect(back.auth.api_key).toEqual({ header_name: 'X-Key' });
  });

  it('tells whether the auth in use is the suggested one', () => {
    const suggested = { method: 'api_key', api_key: { header_name: 'X-Key' } };
    expect(authMatches(typed.auth, suggested)).toBe(true);
    expect(authMatches({ ...typed.auth, api_key: { header_name: 'Authorization' } }, suggested)).toBe(false);
    expect(authMatches({ method: 'none' }, suggested)).toBe(false);
  });

  it('refuses icons that are not SVG or too big, naming the file', () => {
    expect(iconFileProblem({ name: 'logo.png', type: 'image/png', size: 100 })).toBe(
      '"logo.png" (image/png) is not an SVG file. The icon must be an SVG: export it as SVG from your design tool.',
    );
    expect(iconFileProblem({ name: 'big.svg', type: 'image/svg+xml', size: 300 * 1024 })).toMatch(/"big.svg" is 300 KB; an icon may be at most 256 KB/);
    expect(iconFileProblem({ name: 'ok.SVG', type: '', size: 10 })).toBeNull();
  });

  it('offers the host of a pasted URL', () => {
    expect(hostOfUrl('https://api.example.com/v2/')).toBe('api.example.com');
    expect(hostOfUrl('http://host:8443')).toBe('host:8443');
    expect(hostOfUrl('api.example.com')).toBeNull();
  });
});
