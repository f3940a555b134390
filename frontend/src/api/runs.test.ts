import { afterEach, describe, expect, it, vi } from 'vitest';

const go = vi.hoisted(() => ({
  RunAction: vi.fn(),
  CancelRun: vi.fn(),
  ListRuns: vi.fn(),
  GetRun: vi.fn(),
}));
vi.mock('../../wailsjs/go/main/App', () => go);

import { ApiError, cancelRun, EVENT_RUN_PAGE, getRun, listRuns, onRunPage, runAction } from './index';

type RuntimeWindow = { runtime?: unknown };

afterEach(() => {
  delete (window as RuntimeWindow).runtime;
});

const request = { runId: 'r1', integrationId: 'i1', actionId: 'a1', configurationId: '', params: { page: '2' }, body: '', maxPages: 0 };

describe('test run calls', () => {
  it('pass the request through and fill in what Go leaves out of a run', async () => {
    go.RunAction.mockResolvedValueOnce({
      id: 'r1',
      actionName: 'List tickets',
      startedAt: '2026-03-01T10:00:00Z',
      durationMs: 42,
      pagination: 'page',
      complete: true,
      stopReason: 'empty page',
      items: [{ id: 1 }, 'two'],
      itemCount: 2,
      pages: [{ number: 1, url: 'http://127.0.0.1:9/t?page=2', method: 'GET', status: 200, durationMs: 40, items: 2 }],
      transcript: [{ page: 1, attempt: 1, method: 'GET', url: 'http://127.0.0.1:9/t', requestHeaders: { Accept: 'application/json' }, status: 200, statusText: '200 OK', responseHeaders: null, responseBody: '[]', bodyBytes: 2, durationMs: 40 }],
      curl: "curl 'http://127.0.0.1:9/t'",
    });
    const run = await runAction(request);
    expect(go.RunAction).toHaveBeenCalledWith(request);
    expect(run.startedAt).toEqual(new Date('2026-03-01T10:00:00Z'));
    expect(run).toMatchObject({ id: 'r1', integrationId: '', configurationId: '', error: null, itemCount: 2, items: [{ id: 1 }, 'two'] });
    expect(run.pages[0]).toEqual({ number: 1, url: 'http://127.0.0.1:9/t?page=2', method: 'GET', status: 200, durationMs: 40, items: 2, stop: '', retries: 0 });
    expect(run.transcript[0]).toMatchObject({ requestBody: '', responseHeaders: {}, truncated: false, error: '' });
  });

  it('keep a vendor error on the run and turn an input problem into an ApiError naming the field', async () => {
    go.RunAction.mockResolvedValueOnce({ id: 'r2', complete: false, error: { code: 'unavailable', message: 'Page 1: the vendor answered 500.' }, items: null, pages: null, transcript: null });
    const run = await runAction(request);
    expect(run.error).toEqual({ code: 'unavailable', message: 'Page 1: the vendor answered 500.' });
    expect(run).toMatchObject({ complete: false, items: [], itemCount: 0, pages: [], transcript: [], curl: '' });

    go.RunAction.mockRejectedValueOnce(JSON.stringify({ code: 'invalid', message: 'The query parameter "status" is required.', field: 'params.status' }));
    const err = await runAction(request).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'invalid', field: 'params.status' });
  });

  it('cancel, list and get runs', async () => {
    go.CancelRun.mockResolvedValueOnce(true);
    expect(await cancelRun('r1')).toBe(true);
    expect(go.CancelRun).toHaveBeenCalledWith('r1');

    go.ListRuns.mockResolvedValueOnce([{ id: 'r1', configurationId: 'c1', startedAt: '2026-03-01T10:00:00Z', complete: true, itemCount: 3 }]);
    expect(await listRuns('i1', 'a1')).toEqual([{ id: 'r1', configurationId: 'c1', startedAt: new Date('2026-03-01T10:00:00Z'), complete: true, itemCount: 3 }]);
    go.ListRuns.mockResolvedValueOnce(null);
    expect(await listRuns('i1', 'a1')).toEqual([]);

    go.GetRun.mockResolvedValueOnce({ id: 'r1', items: [], itemCount: 5000, complete: true });
    const run = await getRun('i1', 'r1');
    expect(go.GetRun).toHaveBeenCalledWith('i1', 'r1');
    expect(run).toMatchObject({ id: 'r1', items: [], itemCount: 5000 });
    go.GetRun.mockRejectedValueOnce({ code: 'not_found', message: 'No run with id "x".' });
    await expect(getRun('i1', 'x')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('subscribe to runner:page through the runtime', () => {
    expect(EVENT_RUN_PAGE).toBe('runner:page');
    expect(() => onRunPage(() => {})()).not.toThrow();
    const off = vi.fn();
    const EventsOnMultiple = vi.fn((_name: string, _cb: (...data: unknown[]) => void, _max: number) => off);
    (window as RuntimeWindow).runtime = { EventsOnMultiple };
    const seen: unknown[] = [];
    const unsubscribe = onRunPage((p) => seen.push(p));
    expect(EventsOnMultiple).toHaveBeenCalledWith('runner:page', expect.any(Function), -1);
    EventsOnMultiple.mock.calls[0]![1]({ runId: 'r1', page: { number: 2, method: 'GET', status: 429, durationMs: 1200, items: 0, retries: 1 } });
    expect(seen).toEqual([{ runId: 'r1', page: { number: 2, url: '', method: 'GET', status: 429, durationMs: 1200, items: 0, stop: '', retries: 1 } }]);
    unsubscribe();
    expect(off).toHaveBeenCalled();
  });
});
