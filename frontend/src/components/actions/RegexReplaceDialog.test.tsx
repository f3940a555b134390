import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import * as api from '../../api';
import { ApiError } from '../../api/errors';
import { renderWithProviders } from '../../test/render';
import { RegexReplaceDialog } from './RegexReplaceDialog';

vi.mock('../../api', async () => (await import('../../test/apiMock')).apiMock());

const preview = vi.mocked(api.previewActionRename);
const apply = vi.mocked(api.applyActionRename);

const seedChange = { actionId: 'a1', field: 'name' as const, before: 'Photo Records Get', after: 'Get Photo Records' };

beforeEach(() => {
  preview.mockReset();
  apply.mockReset();
});

function open(props: Partial<Parameters<typeof RegexReplaceDialog>[0]> = {}) {
  const onApplied = vi.fn();
  const onClose = vi.fn();
  renderWithProviders(
    <RegexReplaceDialog opened integrationId="i1" selectedIds={[]} onClose={onClose} onApplied={onApplied} {...props} />,
  );
  return { onApplied, onClose };
}

describe('Regex replace dialog', () => {
  it('previews the seed example and applies it for one undo', async () => {
    const user = userEvent.setup();
    preview.mockResolvedValue([seedChange]);
    apply.mockResolvedValue([seedChange]);
    const { onApplied, onClose } = open();
    await user.type(screen.getByLabelText('Pattern'), '(.*?) Get');
    await user.type(screen.getByLabelText('Replace with'), 'Get $1');
    await waitFor(() => expect(screen.getByText('Get Photo Records')).toBeInTheDocument());
    expect(screen.getByTestId('rename-count')).toHaveTextContent('1 field will change');
    expect(preview).toHaveBeenLastCalledWith('i1', {
      pattern: '(.*?) Get',
      replacement: 'Get $1',
      target: 'name',
      ignoreCase: false,
      actionIds: undefined,
    });
    await user.click(screen.getByRole('button', { name: /Replace 1/ }));
    await waitFor(() => expect(onApplied).toHaveBeenCalledWith([seedChange]));
    expect(onClose).toHaveBeenCalled();
  });

  it('shows an invalid pattern on the field and cannot apply', async () => {
    const user = userEvent.setup();
    preview.mockRejectedValue(new ApiError('invalid', 'The pattern is not a valid regular expression: missing closing ).', 'pattern'));
    open();
    await user.type(screen.getByLabelText('Pattern'), '(unclosed');
    await waitFor(() =>
      expect(screen.getByText('The pattern is not a valid regular expression: missing closing ).')).toBeInTheDocument(),
    );
    expect(screen.getByRole('button', { name: /Replace/ })).toBeDisabled();
    expect(apply).not.toHaveBeenCalled();
  });

  it('says when nothing matches', async () => {
    const user = userEvent.setup();
    preview.mockResolvedValue([]);
    open();
    await user.type(screen.getByLabelText('Pattern'), 'Nope');
    await waitFor(() => expect(screen.getByTestId('rename-preview-empty')).toHaveTextContent('Nothing matches'));
    expect(screen.getByRole('button', { name: /Replace/ })).toBeDisabled();
  });

  it('limits the replace to the selected actions, case-insensitively, on descriptions', async () => {
    const user = userEvent.setup();
    preview.mockResolvedValue([]);
    open({ selectedIds: ['a1', 'a2'] });
    await user.click(screen.getByText('Descriptions'));
    await user.click(screen.getByLabelText('Ignore case'));
    await user.type(screen.getByLabelText('Pattern'), 'get');
    await waitFor(() =>
      expect(preview).toHaveBeenLastCalledWith('i1', {
        pattern: 'get',
        replacement: '',
        target: 'description',
        ignoreCase: true,
        actionIds: ['a1', 'a2'],
      }),
    );
  });

  it('virtualises a preview of thousands of changes', async () => {
    // jsdom lays nothing out: give the preview's scroller the height it has in the app.
    const height = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return this.dataset.testid === 'rename-preview-scroller' ? 360 : 0;
      },
    });
    onTestFinished(() => {
      if (height) Object.defineProperty(HTMLElement.prototype, 'clientHeight', height);
    });
    const user = userEvent.setup();
    const many = Array.from({ length: 5000 }, (_, i) => ({ actionId: `a${i}`, field: 'name' as const, before: `X ${i}`, after: `Y ${i}` }));
    preview.mockResolvedValue(many);
    open();
    await user.type(screen.getByLabelText('Pattern'), 'X');
    await waitFor(() => expect(screen.getByTestId('rename-count')).toHaveTextContent('5,000 fields will change'));
    expect(screen.getByRole('table', { name: 'Preview' })).toHaveAttribute('aria-rowcount', '5001');
    // Only a window of rows is in the page (the header row plus what fits in 360px and the overscan).
    const rows = screen.queryAllByRole('row').length;
    expect(rows).toBeGreaterThan(5);
    expect(rows).toBeLessThan(100);
  });
});
