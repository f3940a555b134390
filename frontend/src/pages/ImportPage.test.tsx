import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../api';
import { ApiError } from '../api/errors';
import { actionRows, finding, importPreview } from '../test/fixtures';
import { BundleImportProvider } from '../components/bundles/BundleImport';
import { renderWithProviders } from '../test/render';
import { ImportPage } from './ImportPage';

vi.mock('../api', async () => (await import('../test/apiMock')).apiMock());

// CodeMirror needs real layout; the diff is checked in the browser (e2e).
vi.mock('../components/import/SpecDiff', () => ({
  default: ({ before, after }: { before: string; after: string }) => (
    <div data-testid="spec-diff">
      <pre>{before}</pre>
      <pre>{after}</pre>
    </div>
  ),
}));

// jsdom has no layout. TanStack Virtual reads the scroller's clientHeight /
// clientWidth; give every element a viewport-sized box so the virtualizer
// renders a realistic window of rows.
const sizes: Record<string, PropertyDescriptor | undefined> = {};
beforeAll(() => {
  for (const [prop, value] of [
    ['clientHeight', 600],
    ['clientWidth', 1000],
    ['offsetHeight', 600],
    ['offsetWidth', 1000],
  ] as const) {
    sizes[prop] = Object.getOwnPropertyDescriptor(HTMLElement.prototype, prop);
    Object.defineProperty(HTMLElement.prototype, prop, { configurable: true, get: () => value });
  }
});
afterAll(() => {
  for (const [prop, desc] of Object.entries(sizes)) if (desc) Object.defineProperty(HTMLElement.prototype, prop, desc);
});

const m = {
  pick: vi.mocked(api.pickSpecFile),
  importFile: vi.mocked(api.importSpecFile),
  importText: vi.mocked(api.importSpecText),
  previewFix: vi.mocked(api.previewSpecFix),
  applyFix: vi.mocked(api.applySpecFix),
  save: vi.mocked(api.saveSpecImport),
  discard: vi.mocked(api.discardSpecImport),
  progress: vi.mocked(api.onSpecProgress),
  desktop: vi.mocked(api.isDesktopApp),
  nativeDrop: vi.mocked(api.onNativeFileDrop),
};

beforeEach(() => {
  window.location.hash = '#/import';
  m.desktop.mockReturnValue(true);
  m.progress.mockReturnValue(() => {});
  m.nativeDrop.mockReturnValue(() => {});
  m.discard.mockResolvedValue(undefined);
});

function renderPage() {
  return renderWithProviders(
    <BundleImportProvider>
      <ImportPage />
    </BundleImportProvider>,
  );
}

/** Picks a file through the (mocked) native dialog and waits for the review. */
async function pickAndReview(user: ReturnType<typeof userEvent.setup>, preview = importPreview()) {
  m.pick.mockResolvedValue('/home/me/specs/helpdesk.swagger.yaml');
  m.importFile.mockResolvedValue(preview);
  const view = renderPage();
  await user.click(screen.getByRole('button', { name: 'Choose file…' }));
  await screen.findByTestId('import-review');
  return view;
}

describe('ImportPage: choosing input', () => {
  it('offers a drop zone with a hidden file input, Choose file… and the file-references option', () => {
    renderPage();
    const zone = screen.getByTestId('spec-dropzone');
    expect(zone).toHaveTextContent('Drop an OpenAPI or Swagger file (JSON or YAML) here');
    expect(within(zone).getByTestId('spec-file-input')).toHaveAttribute('type', 'file');
    expect(within(zone).getByRole('button', { name: 'Choose file…' })).toBeEnabled();
    expect(screen.getByRole('checkbox', { name: "Allow file references inside the spec's folder" })).not.toBeChecked();
  });

  it('picks a file, shows progress from spec:progress, then findings grouped with counts and the actions', async () => {
    const user = userEvent.setup();
    let emit: (p: api.SpecProgress) => void = () => {};
    m.progress.mockImplementation((cb) => {
      emit = cb;
      return () => {};
    });
    let resolve: (p: api.ImportPreview) => void = () => {};
    m.pick.mockResolvedValue('/home/me/specs/helpdesk.swagger.yaml');
    m.importFile.mockReturnValue(new Promise((r) => (resolve = r)));
    renderPage();

    await user.click(screen.getByRole('checkbox', { name: "Allow file references inside the spec's folder" }));
    await user.click(screen.getByRole('button', { name: 'Choose file…' }));
    expect(m.importFile).toHaveBeenCalledWith('/home/me/specs/helpdesk.swagger.yaml', true);

    const status = await screen.findByTestId('import-progress');
    expect(status).toHaveTextContent('Starting…');
    act(() => emit({ importId: 'imp-1', stage: 'lint', message: 'Linting' }));
    expect(screen.getByTestId('import-progress-message')).toHaveTextContent('Linting');
    expect(screen.getByRole('button', { name: 'Choose file…' })).toBeDisabled();

    await act(async () => resolve(importPreview()));
    expect(await screen.findByTestId('import-review')).toBeInTheDocument();
    expect(screen.queryByTestId('import-progress')).not.toBeInTheDocument();
    expect(screen.getByTestId('import-file-name')).toHaveTextContent('helpdesk.swagger.yaml');
    expect(screen.getByTestId('import-version')).toHaveTextContent('Swagger 2.0 (YAML) → converted to OpenAPI 3.0.3');
    expect(screen.getByTestId('count-errors')).toHaveTextContent('2 errors');
    expect(screen.getByTestId('count-warnings')).toHaveTextContent('1 warning');
    expect(screen.getByTestId('count-infos')).toHaveTextContent('1 info');

    // Grouped by severity, errors first, each row with line:column, rule and source.
    const rows = screen.getAllByTestId('finding-row');
    expect(rows.map((r) => r.dataset.severity)).toEqual(['error', 'error', 'warning', 'info']);
    expect(rows[0]).toHaveTextContent('12:5');
    expect(rows[0]).toHaveTextContent('operation-id-missing');
    expect(rows[0]).toHaveTextContent('rewst');
    expect(rows[1]).toHaveTextContent('circular-reference');
    expect(within(rows[0]!).getByRole('button', { name: 'Fix operation-id-missing' })).toBeInTheDocument();
    expect(within(rows[1]!).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByTestId('findings-group-error')).toHaveTextContent('Errors2');
    expect(screen.getByRole('button', { name: 'Fix all (2)' })).toBeEnabled();

    // Filter and severity toggles.
    await user.type(screen.getByRole('textbox', { name: 'Filter findings' }), 'itself');
    await waitFor(() => expect(screen.getAllByTestId('finding-row')).toHaveLength(1));
    await user.clear(screen.getByRole('textbox', { name: 'Filter findings' }));
    await user.click(screen.getByRole('checkbox', { name: /^Errors/ }));
    await waitFor(() => expect(screen.getAllByTestId('finding-row')).toHaveLength(2));
    expect(screen.queryByTestId('findings-group-error')).not.toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: 'Actions (4)' }));
    const actions = await screen.findAllByTestId('action-row');
    expect(actions).toHaveLength(4);
    expect(actions[1]).toHaveTextContent('POST');
    expect(actions[1]).toHaveTextContent('/tickets');
    expect(actions[3]).toHaveTextContent('page');
    await user.type(screen.getByRole('textbox', { name: 'Filter actions' }), 'agents');
    await waitFor(() => expect(screen.getAllByTestId('action-row')).toHaveLength(1));

    await user.click(screen.getByRole('tab', { name: 'Suggestions' }));
    expect(screen.getByTestId('suggestion-host')).toHaveTextContent('api.helpdesk.example');
    expect(screen.getByTestId('suggestion-host')).toHaveTextContent('/v2');
    expect(screen.getAllByTestId('suggestion-auth-option')).toHaveLength(2);
    expect(screen.getByTestId('suggestion-auth')).toHaveTextContent('X-API-Key');
    expect(screen.getByTestId('suggestion-pagination')).toHaveTextContent('per_page');
    expect(screen.getByTestId('suggestion-pagination')).toHaveTextContent('page and per_page on 3 list operations');
  });

  it('does nothing when the dialog is cancelled', async () => {
    const user = userEvent.setup();
    m.pick.mockResolvedValue('');
    renderPage();
    await user.click(screen.getByRole('button', { name: 'Choose file…' }));
    expect(m.importFile).not.toHaveBeenCalled();
    expect(screen.getByTestId('spec-dropzone')).toBeInTheDocument();
  });

  it('shows an import error with its message and keeps the pasted text', async () => {
    const user = userEvent.setup();
    const message = 'acme.yaml: line 3, column 7: mapping values are not allowed in this context';
    m.importText.mockRejectedValue(new ApiError('invalid', message));
    renderPage();
    await user.click(screen.getByRole('tab', { name: 'Paste text' }));
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'acme.yaml');
    const text = 'openapi: 3.1.0\ninfo:\n  title: a: b\n';
    const area = screen.getByRole('textbox', { name: /OpenAPI or Swagger document/ });
    await user.click(area);
    await user.paste(text);
    await user.click(screen.getByRole('button', { name: 'Import' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(m.importText).toHaveBeenCalledWith('acme.yaml', text);
    expect(screen.getByRole('textbox', { name: /OpenAPI or Swagger document/ })).toHaveValue(text);
    expect(screen.getByRole('button', { name: 'Import' })).toBeEnabled();
  });

  it('in a browser, Choose file… opens the file input and the chosen file is sent as text', async () => {
    const user = userEvent.setup();
    m.desktop.mockReturnValue(false);
    m.importText.mockResolvedValue(importPreview({ fileName: 'petstore.json', format: 'json', version: '3.1.0', converted: false, documentVersion: '3.1.0' }));
    renderPage();
    const input = screen.getByTestId('spec-file-input') as HTMLInputElement;
    const click = vi.spyOn(input, 'click');
    await user.click(screen.getByRole('button', { name: 'Choose file…' }));
    expect(click).toHaveBeenCalled();
    expect(m.pick).not.toHaveBeenCalled();

    await user.upload(input, new File(['{"openapi":"3.1.0"}'], 'petstore.json', { type: 'application/json' }));
    await screen.findByTestId('import-review');
    expect(m.importText).toHaveBeenCalledWith('petstore.json', '{"openapi":"3.1.0"}');
    expect(screen.getByTestId('import-version')).toHaveTextContent('OpenAPI 3.1.0 (JSON)');
  });

  it('in a browser, a file dropped on the zone is read and sent as text', async () => {
    m.desktop.mockReturnValue(false);
    m.importText.mockResolvedValue(importPreview());
    renderPage();
    const file = new File(['swagger: "2.0"'], 'helpdesk.yaml', { type: 'application/yaml' });
    fireEvent.drop(screen.getByTestId('spec-dropzone'), { dataTransfer: { files: [file], types: ['Files'] } });
    await screen.findByTestId('import-review');
    expect(m.importText).toHaveBeenCalledWith('helpdesk.yaml', 'swagger: "2.0"');
  });

  it('in the app, a dropped file is imported from its path, not twice', async () => {
    let native: (paths: string[]) => void = () => {};
    m.nativeDrop.mockImplementation((cb) => {
      native = cb;
      return () => {};
    });
    m.importFile.mockResolvedValue(importPreview());
    renderPage();
    const file = new File(['swagger: "2.0"'], 'helpdesk.yaml');
    fireEvent.drop(screen.getByTestId('spec-dropzone'), { dataTransfer: { files: [file], types: ['Files'] } });
    act(() => native(['/home/me/helpdesk.yaml']));
    await screen.findByTestId('import-review');
    expect(m.importFile).toHaveBeenCalledWith('/home/me/helpdesk.yaml', false);
    await act(() => new Promise((r) => setTimeout(r, 900)));
    expect(m.importText).not.toHaveBeenCalled();
  });
});

describe('ImportPage: bundles go to the bundle import', () => {
  it('a chosen .isbundle opens the bundle preview instead of the spec import', async () => {
    const user = userEvent.setup();
    m.pick.mockResolvedValue('/home/me/Acme CRM.isbundle');
    vi.mocked(api.inspectBundleFile).mockReturnValue(new Promise(() => {}));
    renderPage();
    await user.click(screen.getByRole('button', { name: 'Choose file…' }));
    expect(api.inspectBundleFile).toHaveBeenCalledWith('/home/me/Acme CRM.isbundle');
    expect(m.importFile).not.toHaveBeenCalled();
    expect(await screen.findByTestId('bundle-inspecting')).toBeInTheDocument();
  });

  it('in the app, a .isbundle dropped on the zone is left to the native drop (the bundle import), never read as a spec', async () => {
    renderPage();
    const file = new File(['PK'], 'Acme CRM.isbundle');
    fireEvent.drop(screen.getByTestId('spec-dropzone'), { dataTransfer: { files: [file], types: ['Files'] } });
    await act(() => new Promise((r) => setTimeout(r, 900)));
    expect(m.importText).not.toHaveBeenCalled();
    expect(screen.queryByTestId('import-error')).not.toBeInTheDocument();
  });

  it('in a browser, a dropped .isbundle says how to import it', async () => {
    m.desktop.mockReturnValue(false);
    renderPage();
    const file = new File(['PK'], 'Acme CRM.isbundle');
    fireEvent.drop(screen.getByTestId('spec-dropzone'), { dataTransfer: { files: [file], types: ['Files'] } });
    expect(await screen.findByTestId('import-error')).toHaveTextContent('This is an Integration Studio bundle, not an OpenAPI file.');
    expect(m.importText).not.toHaveBeenCalled();
  });
});

describe('ImportPage: fixing', () => {
  it('Fix all previews every fix, and Apply replaces the findings with the new preview', async () => {
    const user = userEvent.setup();
    await pickAndReview(user);
    m.previewFix.mockResolvedValue({
      before: '{\n  "swagger": "before"\n}',
      after: '{\n  "openapi": "after"\n}',
      changes: [
        { ruleId: 'operation-id-missing', pointer: '/paths/~1tickets/get', message: 'Added operationId "getTickets".' },
        { ruleId: 'required-property-undefined', pointer: '/components/schemas/Ticket', message: 'Added an untyped property "owner".' },
      ],
      unfixed: [{ ruleId: 'circular-reference', pointer: '/components/schemas/Node', message: 'Node refers to itself; not changed.' }],
      counts: { errors: 0, warnings: 0, infos: 1 },
    });
    const fixed = importPreview({
      findings: [finding({ ruleId: 'info-contact', severity: 'info', message: 'info.contact is missing.', fixable: false })],
    });
    m.applyFix.mockResolvedValue(fixed);

    await user.click(screen.getByRole('button', { name: /^Fix all/ }));
    const dialog = await screen.findByRole('dialog');
    expect(m.previewFix).toHaveBeenCalledWith('imp-1', [], false);
    expect(await within(dialog).findByTestId('spec-diff')).toHaveTextContent('"openapi": "after"');
    expect(within(dialog).getAllByTestId('fix-change')).toHaveLength(2);
    expect(within(dialog).getByText('Added operationId "getTickets".')).toBeInTheDocument();
    expect(within(dialog).getByTestId('fix-unfixed')).toHaveTextContent('Node refers to itself; not changed.');
    expect(within(dialog).getByTestId('fix-counts')).toHaveTextContent('0 errors');
    // The findings include required-property-undefined: offer the choice.
    expect(within(dialog).getByRole('radio', { name: 'Add an untyped property (default)' })).toBeChecked();

    await user.click(within(dialog).getByRole('button', { name: 'Apply fixes' }));
    expect(m.applyFix).toHaveBeenCalledWith('imp-1', [], false);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByTestId('count-errors')).toHaveTextContent('0 errors');
    const rows = screen.getAllByTestId('finding-row');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveAttribute('data-severity', 'info');
    expect(screen.getByRole('button', { name: 'Fix all (0)' })).toBeDisabled();
    expect(await screen.findByText('Fixes applied')).toBeInTheDocument();
  });

  it('Fix on one finding previews that rule; the required choice re-runs the preview', async () => {
    const user = userEvent.setup();
    await pickAndReview(user);
    m.previewFix.mockResolvedValue({
      before: '{}',
      after: '{}',
      changes: [{ ruleId: 'required-property-undefined', pointer: '/components/schemas/Ticket', message: 'Changed.' }],
      unfixed: [],
      counts: { errors: 2, warnings: 0, infos: 1 },
    });
    m.applyFix.mockResolvedValue(importPreview());
    await user.click(screen.getByRole('button', { name: 'Fix required-property-undefined' }));
    const dialog = await screen.findByRole('dialog');
    expect(m.previewFix).toHaveBeenLastCalledWith('imp-1', ['required-property-undefined'], false);
    await user.click(within(dialog).getByRole('radio', { name: 'Remove the name from required' }));
    await waitFor(() => expect(m.previewFix).toHaveBeenLastCalledWith('imp-1', ['required-property-undefined'], true));
    await user.click(await within(dialog).findByRole('button', { name: 'Apply fixes' }));
    expect(m.applyFix).toHaveBeenCalledWith('imp-1', ['required-property-undefined'], true);
  });

  it('Cancel closes the preview without applying, and a preview error is shown', async () => {
    const user = userEvent.setup();
    await pickAndReview(user);
    m.previewFix.mockRejectedValue(new ApiError('not_found', 'This import is no longer open; import the file again.'));
    await user.click(screen.getByRole('button', { name: 'Fix operation-id-missing' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('This import is no longer open');
    expect(within(dialog).getByRole('button', { name: 'Apply fixes' })).toBeDisabled();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(m.applyFix).not.toHaveBeenCalled();
  });
});

describe('ImportPage: saving', () => {
  it('prefills a valid name from the title, warns about remaining errors, and saves under the typed name', async () => {
    const user = userEvent.setup();
    await pickAndReview(user);
    const name = screen.getByRole('textbox', { name: 'Integration name' });
    // "Helpdesk API (v2)" has characters names may not use.
    expect(name).toHaveValue('Helpdesk API v2');
    expect(screen.getByTestId('errors-remain')).toHaveTextContent('2 errors remain');

    m.save.mockResolvedValue({
      integration: {
        id: 'new',
        name: 'Helpdesk Custom',
        description: '',
        iconSvg: '',
        hostname: 'api.helpdesk.example',
        authMethod: 'none',
        authDefaults: {},
        pagination: { type: 'none' },
        status: 'draft',
        actionCount: 4,
        updatedAt: new Date(),
        createdAt: new Date(),
        finalizedAt: null,
      },
      actions: 4,
    });
    await user.clear(name);
    await user.type(name, '  Helpdesk Custom ');
    await user.click(screen.getByRole('button', { name: 'Save as draft integration' }));
    expect(m.save).toHaveBeenCalledWith('imp-1', 'Helpdesk Custom');
    await waitFor(() => expect(window.location.hash).toBe('#/integrations/new'));
    expect(await screen.findByText('Integration imported')).toBeInTheDocument();
  });

  it('leaves the naming to the Go side when the suggested name is kept', async () => {
    const user = userEvent.setup();
    await pickAndReview(user);
    m.save.mockReturnValue(new Promise(() => {}));
    await user.click(screen.getByRole('button', { name: 'Save as draft integration' }));
    expect(m.save).toHaveBeenCalledWith('imp-1', '');
  });

  it('checks the name before saving', async () => {
    const user = userEvent.setup();
    await pickAndReview(user);
    const name = screen.getByRole('textbox', { name: 'Integration name' });
    await user.clear(name);
    await user.type(name, 'Helpdesk!');
    expect(screen.getByText(`Name contains "!"; use only letters, digits, spaces, '-' and '_'.`)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save as draft integration' }));
    expect(m.save).not.toHaveBeenCalled();
  });

  it('shows a name conflict on the name field and stays on the review', async () => {
    const user = userEvent.setup();
    await pickAndReview(user);
    const message = 'An integration named "Helpdesk" already exists; choose another name.';
    m.save.mockRejectedValue(new ApiError('conflict', message, 'name'));
    const name = screen.getByRole('textbox', { name: 'Integration name' });
    await user.clear(name);
    await user.type(name, 'Helpdesk');
    await user.click(screen.getByRole('button', { name: 'Save as draft integration' }));
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(name).toHaveValue('Helpdesk');
    expect(window.location.hash).toBe('#/import');
    await user.type(name, ' 2');
    expect(screen.queryByText(message)).not.toBeInTheDocument();
  });

  it('Discard forgets the import and returns to the first step', async () => {
    const user = userEvent.setup();
    await pickAndReview(user);
    await user.click(screen.getByRole('button', { name: 'Discard' }));
    expect(m.discard).toHaveBeenCalledWith('imp-1');
    expect(await screen.findByTestId('spec-dropzone')).toBeInTheDocument();
    expect(screen.queryByTestId('import-review')).not.toBeInTheDocument();
  });

  it('forgets an unsaved import when the page is left', async () => {
    const user = userEvent.setup();
    const { unmount } = await pickAndReview(user);
    expect(m.discard).not.toHaveBeenCalled();
    unmount();
    await waitFor(() => expect(m.discard).toHaveBeenCalledWith('imp-1'));
  });
});

describe('ImportPage: large specs', () => {
  it('renders only a window of the 10,000 actions, and scrolling moves the window', async () => {
    const user = userEvent.setup();
    await pickAndReview(user, importPreview({ actions: actionRows(10_000) }));
    await user.click(screen.getByRole('tab', { name: 'Actions (10,000)' }));
    const rows = await screen.findAllByTestId('action-row');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(100);
    expect(rows[0]).toHaveTextContent('/things/0');
    expect(screen.getByTestId('actions-table')).toHaveAttribute('aria-rowcount', '10001');

    const scroller = screen.getByTestId('actions-scroller');
    scroller.scrollTop = 44 * 5000;
    fireEvent.scroll(scroller);
    await waitFor(() => expect(screen.getAllByTestId('action-row').some((r) => r.textContent?.includes('/things/5000'))).toBe(true));
    expect(screen.getAllByTestId('action-row').length).toBeLessThan(100);
  });

  it('renders only a window of 10,000 findings', async () => {
    const user = userEvent.setup();
    const findings = Array.from({ length: 10_000 }, (_, i) =>
      finding({ message: `Finding number ${i}`, line: i + 1, severity: i % 3 === 0 ? 'error' : i % 3 === 1 ? 'warning' : 'info' }),
    );
    await pickAndReview(user, importPreview({ findings }));
    const rows = screen.getAllByTestId('finding-row');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(100);
  });
});
