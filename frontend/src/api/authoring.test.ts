import { describe, expect, it, vi } from 'vitest';

const go = vi.hoisted(() => ({
  PreviewActionRename: vi.fn(),
  SetIntegrationStatus: vi.fn(),
  ListActions: vi.fn(),
  SetIntegrationIcon: vi.fn(),
}));
vi.mock('../../wailsjs/go/main/App', () => go);

import { ApiError, listActions, previewActionRename, setIntegrationIcon, setIntegrationStatus } from './index';

describe('authoring calls', () => {
  it('normalise the changes of a rename preview', async () => {
    go.PreviewActionRename.mockResolvedValueOnce([
      { actionId: 'a1', field: 'name', before: 'Photo Records Get', after: 'Get Photo Records' },
      { actionId: 'a2', field: 'description', before: null, after: 'x' },
    ]);
    const changes = await previewActionRename('i1', { pattern: '(.*?) Get', replacement: 'Get $1', target: 'name', ignoreCase: false });
    expect(go.PreviewActionRename).toHaveBeenCalledWith('i1', { pattern: '(.*?) Get', replacement: 'Get $1', target: 'name', ignoreCase: false });
    expect(changes).toEqual([
      { actionId: 'a1', field: 'name', before: 'Photo Records Get', after: 'Get Photo Records' },
      { actionId: 'a2', field: 'description', before: '', after: 'x' },
    ]);
  });

  it('turn a refused status change into an ApiError naming the field', async () => {
    go.SetIntegrationStatus.mockRejectedValueOnce(
      JSON.stringify({ code: 'invalid', message: 'A finalized integration cannot go back to Draft.', field: 'status' }),
    );
    const err = await setIntegrationStatus('i1', 'draft').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'invalid', field: 'status', message: 'A finalized integration cannot go back to Draft.' });
  });

  it('fill in what Go sends as null for a page of actions and an icon update', async () => {
    go.ListActions.mockResolvedValueOnce({ actions: null, total: 0 });
    expect(await listActions('i1', { search: 'x', method: '', tag: '', paginated: '', offset: 0, limit: 50 })).toEqual({ actions: [], total: 0, tags: [] });
    go.SetIntegrationIcon.mockResolvedValueOnce({ integration: { id: 'i1', name: 'A', status: 'draft' }, removed: null });
    const up = await setIntegrationIcon('i1', '<svg/>');
    expect(up.removed).toEqual([]);
    expect(up.integration).toMatchObject({ id: 'i1', name: 'A', status: 'draft' });
  });
});
