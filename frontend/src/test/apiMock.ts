import { vi } from 'vitest';

/**
 * A stand-in for src/api with every bound call replaced by vi.fn(); the
 * error helpers and event names stay real. Use it as
 *   vi.mock('../api', async () => (await import('../test/apiMock')).apiMock());
 */
export async function apiMock() {
  const errors = await vi.importActual<typeof import('../api/errors')>('../api/errors');
  const events = await vi.importActual<typeof import('../api/events')>('../api/events');
  const types = await vi.importActual<typeof import('../api/types')>('../api/types');
  return {
    ...types,
    ...errors,
    ...events,
    getAppInfo: vi.fn(),
    listIntegrations: vi.fn(),
    createIntegration: vi.fn(),
    openExternal: vi.fn(),
    getStartupProblem: vi.fn(),
    quitApp: vi.fn(),
    pickSpecFile: vi.fn(),
    importSpecFile: vi.fn(),
    importSpecText: vi.fn(),
    previewSpecFix: vi.fn(),
    applySpecFix: vi.fn(),
    saveSpecImport: vi.fn(),
    discardSpecImport: vi.fn(),
    getSettings: vi.fn(),
    saveSettings: vi.fn(),
    onSpecProgress: vi.fn(),
    isDesktopApp: vi.fn(),
    onNativeFileDrop: vi.fn(),
    getIntegration: vi.fn(),
    setIntegrationHostname: vi.fn(),
    finalizeIntegration: vi.fn(),
    setIntegrationStatus: vi.fn(),
    previewActionRename: vi.fn(),
    applyActionRename: vi.fn(),
    undoActionRename: vi.fn(),
    updateIntegration: vi.fn(),
    setIntegrationIcon: vi.fn(),
    listActions: vi.fn(),
    addAction: vi.fn(),
    updateAction: vi.fn(),
    deleteActions: vi.fn(),
    restoreActions: vi.fn(),
    orgMappingAvailable: vi.fn(),
    getOrgMapping: vi.fn(),
    setOrgMapping: vi.fn(),
    authMethods: vi.fn(),
    authDefaultsFor: vi.fn(),
    authSharedWarning: vi.fn(),
    oauth2Guidance: vi.fn(),
    paginationTypes: vi.fn(),
    paginationFields: vi.fn(),
    getEditorDraft: vi.fn(),
    saveEditorDraft: vi.fn(),
    discardEditorDraft: vi.fn(),
    checkEditForm: vi.fn(),
    integrationSuggestions: vi.fn(),
  };
}
