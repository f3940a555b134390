import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../api';
import { integration } from '../../test/fixtures';
import { renderWithProviders } from '../../test/render';
import { NUMBER_LIMITS, PaginationDetailsStep } from './PaginationSteps';
import type { StepProps } from './stepProps';

vi.mock('../../api', async () => (await import('../../test/apiMock')).apiMock());
const m = vi.mocked(api);

const PAGE_FIELDS = [
  { name: 'results_key', label: 'Results Key', help: 'Where the list is.' },
  { name: 'page_param', label: 'Page Param', help: 'The page parameter.' },
  { name: 'page_start', label: 'Page Start', help: 'The number of the first page, usually 1; leave empty for 1.' },
  { name: 'default_page_size', label: 'Default Page Size', help: 'Items per page.' },
];

function props(form: api.EditForm, setForm: (f: api.EditForm) => void): StepProps {
  return {
    form,
    setForm,
    errorOf: () => undefined,
    touch: () => {},
    integration: integration({ id: 'i1' }),
    onIntegration: () => {},
    disabled: false,
    frozen: false,
    suggestions: { auth: [] },
    authChoices: [],
    oauthAdvice: { summary: '', choose_if: [] },
    paginationTypes: [{ type: 'page', label: 'Page', guidance: '' }],
    sharedWarning: '',
  };
}

beforeEach(() => {
  vi.clearAllMocks();
});

describe('Pagination details', () => {
  it('asks for Page Start as a number from 1 to 1,000,000, empty meaning 1', async () => {
    expect(NUMBER_LIMITS.page_start).toBe(1_000_000);
    m.paginationFields.mockResolvedValue(PAGE_FIELDS);
    const setForm = vi.fn();
    const form: api.EditForm = { name: 'A', description: '', hostname: 'a.test', auth: { method: 'none' }, pagination: { type: 'page', page_param: 'page' } };
    renderWithProviders(<PaginationDetailsStep {...props(form, setForm)} />);
    const input = await screen.findByRole('textbox', { name: 'Page Start' });
    expect(m.paginationFields).toHaveBeenCalledWith('page', '');
    expect(input).toHaveValue('');
    expect(input).toHaveAttribute('placeholder', '1');
    expect(screen.getByText('The number of the first page, usually 1; leave empty for 1.')).toBeInTheDocument();
    await userEvent.type(input, '5');
    await waitFor(() => expect(setForm).toHaveBeenLastCalledWith({ ...form, pagination: { type: 'page', page_param: 'page', page_start: 5 } }));
    // The other numbers keep their own limits; the text fields stay text.
    expect(screen.getByRole('textbox', { name: 'Default Page Size' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Page Param' })).toHaveValue('page');
  });
});
