import { afterEach, describe, expect, it, vi } from 'vitest';
import { EVENT_SPEC_PROGRESS, isDesktopApp, onNativeFileDrop, onSpecProgress, toImportPreview } from './index';

type RuntimeWindow = { runtime?: unknown; wails?: unknown };

afterEach(() => {
  delete (window as RuntimeWindow).runtime;
  delete (window as RuntimeWindow).wails;
});

describe('toImportPreview', () => {
  it('fills in what Go sends as null and normalises methods', () => {
    const p = toImportPreview({
      importId: 'x',
      fileName: 'a.yaml',
      format: 'yaml',
      version: '2.0',
      converted: true,
      documentVersion: '3.0.3',
      title: 'A',
      findings: null,
      counts: null,
      fixable: 0,
      actions: [{ name: 'List', method: 'get', path: '/a', operationId: 'list', tags: null, parameters: 1, paginationType: '', deprecated: false }],
      suggestions: { auth: null, host: null, pagination: null },
    });
    expect(p.findings).toEqual([]);
    expect(p.documentVersion).toBe('3.0.3');
    expect(p.counts).toEqual({ errors: 0, warnings: 0, infos: 0 });
    expect(p.actions[0]).toMatchObject({ method: 'GET', tags: [] });
    expect(p.suggestions).toEqual({ auth: [] });
  });

  it('keeps findings and suggestions', () => {
    const p = toImportPreview({
      findings: [{ ruleId: 'r', severity: 'warning', message: 'm', pointer: '/p', line: 3, column: 4, fixable: true, source: 'vacuum' }],
      suggestions: {
        host: { hostname: 'h', basePath: '/v1', evidence: 'servers[0]' },
        auth: [{ method: 'api_key', schemeName: 'k', headerName: 'X-Key', preamble: '', evidence: 'e' }],
        pagination: { type: 'page', pageParam: 'page', evidence: 'e' },
      },
    });
    expect(p.findings[0]).toEqual({ ruleId: 'r', severity: 'warning', message: 'm', pointer: '/p', line: 3, column: 4, fixable: true, source: 'vacuum' });
    expect(p.suggestions.host).toEqual({ hostname: 'h', basePath: '/v1', evidence: 'servers[0]' });
    expect(p.suggestions.auth).toEqual([{ method: 'api_key', schemeName: 'k', headerName: 'X-Key', evidence: 'e' }]);
    expect(p.suggestions.pagination).toEqual({ type: 'page', pageParam: 'page', evidence: 'e' });
  });
});

describe('runtime wrappers', () => {
  it('are harmless without the Wails runtime', () => {
    expect(EVENT_SPEC_PROGRESS).toBe('spec:progress');
    expect(isDesktopApp()).toBe(false);
    expect(() => onSpecProgress(() => {})()).not.toThrow();
    expect(() => onNativeFileDrop(() => {})()).not.toThrow();
  });

  it('subscribe to spec:progress through the runtime', () => {
    const off = vi.fn();
    const EventsOnMultiple = vi.fn((_name: string, _cb: (...data: unknown[]) => void, _max: number) => off);
    (window as RuntimeWindow).runtime = { EventsOnMultiple };
    const seen: unknown[] = [];
    const unsubscribe = onSpecProgress((p) => seen.push(p));
    expect(EventsOnMultiple).toHaveBeenCalledWith('spec:progress', expect.any(Function), -1);
    EventsOnMultiple.mock.calls[0]![1]({ importId: 'i', stage: 'lint', message: 'Linting' });
    expect(seen).toEqual([{ importId: 'i', stage: 'lint', message: 'Linting' }]);
    unsubscribe();
    expect(off).toHaveBeenCalled();
  });

  it('detect the desktop app by its drag-and-drop flag', () => {
    (window as RuntimeWindow).runtime = {};
    expect(isDesktopApp()).toBe(false);
    (window as RuntimeWindow).wails = { flags: { enableWailsDragAndDrop: true } };
    expect(isDesktopApp()).toBe(true);
  });

  it('register and remove native file drops', () => {
    const OnFileDrop = vi.fn();
    const OnFileDropOff = vi.fn();
    (window as RuntimeWindow).runtime = { OnFileDrop, OnFileDropOff };
    const got: string[][] = [];
    const off = onNativeFileDrop((paths) => got.push(paths));
    // The whole window listens; spec files count only over a drop target.
    expect(OnFileDrop).toHaveBeenCalledWith(expect.any(Function), false);
    const target = document.createElement('div');
    target.style.setProperty('--wails-drop-target', 'drop');
    document.body.appendChild(target);
    const at = vi.fn().mockReturnValue(target);
    document.elementFromPoint = at; // jsdom has no layout
    OnFileDrop.mock.calls[0]![0](1, 2, ['/a.yaml']);
    expect(got).toEqual([['/a.yaml']]);
    at.mockReturnValue(document.body);
    OnFileDrop.mock.calls[0]![0](1, 2, ['/b.yaml']);
    expect(got).toEqual([['/a.yaml']]);
    off();
    expect(OnFileDropOff).toHaveBeenCalled();
    delete (document as { elementFromPoint?: unknown }).elementFromPoint;
    target.remove();
  });
});
