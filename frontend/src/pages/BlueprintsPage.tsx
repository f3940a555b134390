import { Tabs } from '@mantine/core';
import { IconBook2, IconTemplate } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { listIntegrations, type IntegrationSummary } from '../api';
import { BlueprintsTab } from '../components/blueprints/BlueprintsTab';
import { PageHeader } from '../components/PageHeader';
import { PlaybooksTab } from '../components/playbooks/PlaybooksTab';

type Tab = 'blueprints' | 'playbooks';

/** Blueprints (containers of data fields) and the playbooks that fill them from an action's results. */
export function BlueprintsPage() {
  const [tab, setTab] = useState<Tab>('blueprints');
  const [integrations, setIntegrations] = useState<IntegrationSummary[]>([]);
  useEffect(() => {
    let live = true;
    listIntegrations().then(
      (list) => live && setIntegrations([...list].sort((a, b) => a.name.localeCompare(b.name))),
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);

  return (
    <>
      <PageHeader
        title="Blueprints"
        description="Blueprints describe the records your workflows work with; playbooks fill them from what a vendor action returns."
      />
      <Tabs value={tab} onChange={(v) => setTab(v === 'playbooks' ? 'playbooks' : 'blueprints')} keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="blueprints" leftSection={<IconTemplate size={16} />} data-testid="tab-blueprints">
            Blueprints
          </Tabs.Tab>
          <Tabs.Tab value="playbooks" leftSection={<IconBook2 size={16} />} data-testid="tab-playbooks">
            Playbooks
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="blueprints">
          <BlueprintsTab integrations={integrations} />
        </Tabs.Panel>
        <Tabs.Panel value="playbooks">
          <PlaybooksTab integrations={integrations} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
