import { notifications } from '@mantine/notifications';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../api';
import { ApiError } from '../../api/errors';
import { renderWithProviders } from '../../test/render';
import { OrgMappingSection } from './OrgMappingSection';

vi.mock('../../api', async () => (await import('../../test/apiMock')).apiMock());

const available = vi.mocked(api.orgMappingAvailable);
const list = vi.mocked(api.listActions);
const get = vi.mocked(api.getOrgMapping);
const set = vi.mocked(api.setOrgMapping);

const companies: api.Action = {
  id: 'a7',
  position: 7,
  name: 'List Companies',
  description: '',
  method: 'GET',
  path: '/companies',
  parameters: [],
  tags: [],
  operationId: 'listCompanies',
  requestContentType: '',
  deprecated: false,
  createdAt: '2026-01-01T00:00:00Z',
  paginated: true,
};

beforeEach(() => {
  for (const fn of [available, list, get, set]) fn.mockReset();
  list.mockResolvedValue({ actions: [companies], total: 1, tags: [] });
  get.mockResolvedValue(null);
  notifications.clean();
});

describe('Organization mapping section', () => {
  it('is absent while no action is paginated, and appears when a refresh finds one', async () => {
    available.mockResolvedValue(false);
    const { rerender } = renderWithProviders(<OrgMappingSection integrationId="i1" refreshKey={0} />);
    await waitFor(() => expect(available).toHaveBeenCalledWith('i1'));
    expect(screen.queryByTestId('org-mapping')).not.toBeInTheDocument();
    expect(list).not.toHaveBeenCalled();

    available.mockResolvedValue(true);
    rerender(<OrgMappingSection integrationId="i1" refreshKey={1} />);
    expect(await screen.findByTestId('org-mapping')).toHaveTextContent('Organization mapping');
    expect(list).toHaveBeenCalledWith('i1', expect.objectContaining({ paginated: 'yes', offset: 0 }));
    expect(available).toHaveBeenCalledTimes(2);
  });

  it('saves the chosen action, the id and name fields and the entries', async () => {
    const user = userEvent.setup();
    available.mockResolvedValue(true);
    set.mockImplementation(async (_id, mapping) => mapping);
    renderWithProviders(<OrgMappingSection integrationId="i1" refreshKey={0} />);
    const section = await screen.findByTestId('org-mapping');
    await waitFor(() => expect(within(section).getByLabelText('ID field')).toHaveValue('id'));
    expect(within(section).getByLabelText('Name field')).toHaveValue('name');

    await user.click(within(section).getByRole('combobox', { name: /Action that lists the organisations/ }));
    await user.click(await screen.findByRole('option', { name: 'List Companies (GET /companies)' }));
    await user.clear(within(section).getByLabelText('ID field'));
    await user.type(within(section).getByLabelText('ID field'), 'company.id');
    await user.click(within(section).getByRole('button', { name: 'Add organisation' }));
    await user.type(within(section).getByLabelText('Vendor organisation ID, row 1'), '1042');
    await user.type(within(section).getByLabelText('Vendor organisation name, row 1'), 'Acme Corp');
    await user.type(within(section).getByLabelText('Client organisation, row 1'), 'Acme');
    await user.click(within(section).getByRole('button', { name: 'Add organisation' }));
    await user.type(within(section).getByLabelText('Vendor organisation ID, row 2'), 'x');
    await user.click(within(section).getByRole('button', { name: 'Remove row 2' }));
    expect(within(section).getAllByTestId('org-mapping-row')).toHaveLength(1);

    await user.click(within(section).getByRole('button', { name: 'Save mapping' }));
    await waitFor(() =>
      expect(set).toHaveBeenCalledWith('i1', {
        actionId: 'a7',
        idField: 'company.id',
        nameField: 'name',
        entries: [{ vendorOrgId: '1042', vendorOrgName: 'Acme Corp', localOrg: 'Acme' }],
      }),
    );
    expect(await screen.findByText('Organization mapping saved')).toBeInTheDocument();
    expect(within(section).getByRole('button', { name: 'Save mapping' })).toBeDisabled();
  });

  it('loads the stored mapping and shows an entry error on its row', async () => {
    const user = userEvent.setup();
    available.mockResolvedValue(true);
    get.mockResolvedValue({
      actionId: 'a7',
      idField: 'id',
      nameField: 'name',
      entries: [
        { vendorOrgId: '1', vendorOrgName: 'Acme', localOrg: 'Acme' },
        { vendorOrgId: '2', vendorOrgName: 'Globex', localOrg: 'Globex' },
      ],
    });
    set.mockRejectedValue(new ApiError('invalid', 'Choose the local organisation for "Globex" (row 2).', 'orgMapping.entries[1].localOrg'));
    renderWithProviders(<OrgMappingSection integrationId="i1" refreshKey={0} />);
    const section = await screen.findByTestId('org-mapping');
    const local2 = await within(section).findByLabelText('Client organisation, row 2');
    expect(local2).toHaveValue('Globex');
    await user.clear(local2);
    await user.click(within(section).getByRole('button', { name: 'Save mapping' }));
    await waitFor(() => expect(local2).toHaveAttribute('aria-invalid', 'true'));
    expect(within(section).getByText('Choose the local organisation for "Globex" (row 2).')).toBeInTheDocument();
    expect(within(section).getByLabelText('Client organisation, row 1')).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('says which action to choose before saving without one', async () => {
    const user = userEvent.setup();
    available.mockResolvedValue(true);
    renderWithProviders(<OrgMappingSection integrationId="i1" refreshKey={0} />);
    const section = await screen.findByTestId('org-mapping');
    await user.click(await within(section).findByRole('button', { name: 'Add organisation' }));
    await user.click(within(section).getByRole('button', { name: 'Save mapping' }));
    expect(await within(section).findByText("Choose the paginated action that lists the vendor's organisations.")).toBeInTheDocument();
    expect(set).not.toHaveBeenCalled();
  });
});
