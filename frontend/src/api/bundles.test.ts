import { afterEach, describe, expect, it, vi } from 'vitest';

const go = vi.hoisted(() => ({
  ExportBundle: vi.fn(),
  PickBundleFile: vi.fn(),
  InspectBundleFile: vi.fn(),
  ImportBundleFile: vi.fn(),
}));
vi.mock('../../wailsjs/go/main/App', () => go);

import {
  ApiError,
  exportBundle,
  importBundleFile,
  inspectBundleFile,
  isBundleFile,
  onBundleFileDrop,
  onNativeFileDrop,
  pickBundleFile,
} from './index';

type RuntimeWindow = { runtime?: unknown };

afterEach(() => {
  delete (window as RuntimeWindow).runtime;
  vi.restoreAllMocks();
});

const rawPreview = {
  id: 'i1',
  name: 'Acme CRM',
  description: 'CRM',
  hostname: 'api.acme.test',
  authMethod: 'oauth2',
  grantType: 'client_credentials',
  pagination: 'page',
  status: 'draft',
  actions: 12,
  signedBy: 'SHA256:8f2a:91c0',
  appVersion: '0.1.0',
  configurations: [{ name: 'Contoso', organization: 'Contoso Ltd', settings: { clientId: 'c' }, secretsNeeded: ['client_secret'] }],
  lint: { errors: 1, warnings: 2, infos: 3 },
};

describe('bundle calls', () => {
  it('export passes the id and the sign choice and reports where the file went', async () => {
    go.ExportBundle.mockResolvedValueOnce({ path: '/tmp/Acme CRM.isbundle', bytes: 2048, signed: true, cancelled: false });
    expect(await exportBundle('i1', true)).toEqual({ path: '/tmp/Acme CRM.isbundle', bytes: 2048, signed: true, cancelled: false });
    expect(go.ExportBundle).toHaveBeenCalledWith('i1', true);
    go.ExportBundle.mockResolvedValueOnce({ cancelled: true });
    expect(await exportBundle('i1', false)).toEqual({ path: '', bytes: 0, signed: false, cancelled: true });
  });

  it('pick resolves to "" when cancelled', async () => {
    go.PickBundleFile.mockResolvedValueOnce('');
    expect(await pickBundleFile()).toBe('');
    go.PickBundleFile.mockResolvedValueOnce('/x/a.isbundle');
    expect(await pickBundleFile()).toBe('/x/a.isbundle');
  });

  it('inspect fills in what Go leaves out of a preview', async () => {
    go.InspectBundleFile.mockResolvedValueOnce({ ...rawPreview, configurations: null, grantType: undefined, signedBy: '' });
    const p = await inspectBundleFile('/x/a.isbundle');
    expect(go.InspectBundleFile).toHaveBeenCalledWith('/x/a.isbundle');
    expect(p).toMatchObject({ name: 'Acme CRM', grantType: '', signedBy: '', configurations: [], conflict: null, ignored: [], actions: 12 });
    expect(p.lint).toEqual({ errors: 1, warnings: 2, infos: 3 });
  });

  it('inspect keeps the conflict, the ignored list and the configuration stubs', async () => {
    go.InspectBundleFile.mockResolvedValueOnce({ ...rawPreview, conflict: { id: 'old', name: 'Acme CRM', sameId: true }, ignored: ['auth.api_key.value'] });
    const p = await inspectBundleFile('/x/a.isbundle');
    expect(p.conflict).toEqual({ id: 'old', name: 'Acme CRM', sameId: true });
    expect(p.ignored).toEqual(['auth.api_key.value']);
    expect(p.configurations).toEqual([{ name: 'Contoso', organization: 'Contoso Ltd', settings: { clientId: 'c' }, secretsNeeded: ['client_secret'] }]);
  });

  it('import sends the conflict choice and reads the mode', async () => {
    go.ImportBundleFile.mockResolvedValueOnce({ id: 'new', name: 'Acme CRM (2)', mode: 'copy', preview: rawPreview });
    const r = await importBundleFile('/x/a.isbundle', 'keep-both');
    expect(go.ImportBundleFile).toHaveBeenCalledWith('/x/a.isbundle', 'keep-both');
    expect(r).toMatchObject({ id: 'new', name: 'Acme CRM (2)', mode: 'copy', preview: { name: 'Acme CRM' } });
  });

  it('errors arrive as ApiErrors with their code and message', async () => {
    go.InspectBundleFile.mockRejectedValueOnce(JSON.stringify({ code: 'invalid', message: 'The file is not a bundle: it is not a zip.' }));
    const err = await inspectBundleFile('/x/a.isbundle').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'invalid', message: 'The file is not a bundle: it is not a zip.' });
    go.ImportBundleFile.mockRejectedValueOnce({ code: 'conflict', message: 'An integration with the name "Acme CRM" already exists.', field: 'onConflict' });
    const conflict = await importBundleFile('/x/a.isbundle', 'fail').catch((e: unknown) => e);
    expect(conflict).toMatchObject({ code: 'conflict', field: 'onConflict' });
  });
});

describe('bundle drops', () => {
  it('know a bundle by its extension', () => {
    expect(isBundleFile('/home/me/Acme CRM.isbundle')).toBe(true);
    expect(isBundleFile('C:\\x\\A.ISBUNDLE')).toBe(true);
    expect(isBundleFile('/home/me/openapi.yaml')).toBe(false);
  });

  it('route a dropped bundle to the bundle listener wherever it lands, and spec files to the spec listener', () => {
    const OnFileDrop = vi.fn();
    const OnFileDropOff = vi.fn();
    (window as RuntimeWindow).runtime = { OnFileDrop, OnFileDropOff };
    const specs: string[][] = [];
    const bundles: string[] = [];
    const offSpec = onNativeFileDrop((p) => specs.push(p));
    const offBundle = onBundleFileDrop((p) => bundles.push(p));
    // One Wails listener for both.
    expect(OnFileDrop).toHaveBeenCalledTimes(1);
    const drop = OnFileDrop.mock.calls[0]![0] as (x: number, y: number, paths: string[]) => void;
    const target = document.createElement('div');
    target.style.setProperty('--wails-drop-target', 'drop');
    document.body.appendChild(target);
    document.elementFromPoint = vi.fn().mockReturnValue(target); // jsdom has no layout

    drop(5, 5, ['/x/Acme.isbundle']);
    drop(5, 5, ['/x/openapi.yaml']);
    expect(bundles).toEqual(['/x/Acme.isbundle']);
    expect(specs).toEqual([['/x/openapi.yaml']]);

    offSpec();
    expect(OnFileDropOff).not.toHaveBeenCalled();
    drop(5, 5, ['/x/openapi.yaml']);
    expect(specs).toHaveLength(1);
    offBundle();
    expect(OnFileDropOff).toHaveBeenCalledTimes(1);
    target.remove();
    delete (document as { elementFromPoint?: unknown }).elementFromPoint;
  });
});
