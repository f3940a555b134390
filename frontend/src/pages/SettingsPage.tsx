import { Alert, Center, Paper, SegmentedControl, Stack, Text, Title, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { IconAlertCircle, IconDeviceDesktop, IconMoon, IconSun } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { CopyField } from '../components/CopyField';
import { PageHeader } from '../components/PageHeader';
import { useAppInfo } from '../state/appInfo';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="lg" p="lg">
      <Title order={4} mb="md">
        {title}
      </Title>
      <Stack gap="md">{children}</Stack>
    </Paper>
  );
}

function Option({ icon, label }: { icon: ReactNode; label: string }) {
  return (
    <Center style={{ gap: 8 }}>
      {icon}
      <span>{label}</span>
    </Center>
  );
}

export function SettingsPage() {
  const { info, error } = useAppInfo();
  const { colorScheme, setColorScheme } = useMantineColorScheme();

  return (
    <>
      <PageHeader title="Settings" description="Appearance, and where Integration Studio keeps its data." />
      <Stack gap="lg" maw={760}>
        <Section title="Appearance">
          <Stack gap={6}>
            <Text size="sm" fw={500} id="theme-label">
              Theme
            </Text>
            <SegmentedControl
              aria-labelledby="theme-label"
              value={colorScheme}
              onChange={(v) => setColorScheme(v as MantineColorScheme)}
              data={[
                { value: 'auto', label: <Option icon={<IconDeviceDesktop size={16} />} label="Auto (follow OS)" /> },
                { value: 'light', label: <Option icon={<IconSun size={16} />} label="Light" /> },
                { value: 'dark', label: <Option icon={<IconMoon size={16} />} label="Dark" /> },
              ]}
              maw={460}
              data-testid="theme-selector"
            />
          </Stack>
        </Section>
        <Section title="About this installation">
          {error && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="Could not read app information">
              {error.message}
            </Alert>
          )}
          <CopyField label="Version" value={info?.version ?? null} />
          <CopyField label="Data directory" value={info?.dataDir ?? null} />
          <CopyField label="Log file" value={info?.logFile ?? null} />
        </Section>
      </Stack>
    </>
  );
}
