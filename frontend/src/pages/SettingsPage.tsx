import {
  Alert,
  Button,
  Center,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
  useMantineColorScheme,
  type MantineColorScheme,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconDeviceDesktop, IconMoon, IconSun } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { getSettings, saveSettings, toApiError } from '../api';
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
      <PageHeader title="Settings" description="Appearance, import limits, and where Integration Studio keeps its data." />
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
        <Section title="Import">
          <ImportLimit />
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

export const IMPORT_LIMIT_MIN = 1;
export const IMPORT_LIMIT_MAX = 1024;

function limitProblem(value: number | null): string | null {
  if (value === null || !Number.isInteger(value)) return 'Enter a whole number of megabytes.';
  if (value < IMPORT_LIMIT_MIN || value > IMPORT_LIMIT_MAX) {
    return `The limit must be between ${IMPORT_LIMIT_MIN} and ${IMPORT_LIMIT_MAX} MB.`;
  }
  return null;
}

function ImportLimit() {
  const [saved, setSaved] = useState<number | null>(null);
  const [value, setValue] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [saving, setSaving] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    getSettings().then(
      (s) => {
        if (!live) return;
        setSaved(s.importLimitMb);
        setValue(s.importLimitMb);
        setLoading(false);
      },
      (err: unknown) => {
        if (!live) return;
        setFormError(toApiError(err).message);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    const problem = limitProblem(value);
    if (problem) {
      setFieldError(problem);
      return;
    }
    setSaving(true);
    setFormError(null);
    try {
      const next = await saveSettings({ importLimitMb: value! });
      setSaved(next.importLimitMb);
      setValue(next.importLimitMb);
      notifications.show({ color: 'teal', title: 'Settings saved', message: `Imports may now be up to ${next.importLimitMb} MB.` });
    } catch (err) {
      const apiErr = toApiError(err);
      if (apiErr.field === 'importLimitMb') setFieldError(apiErr.message);
      else setFormError(apiErr.message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
          <NumberInput
            label="Import size limit (MB)"
            description="The largest OpenAPI or Swagger file the importer reads, from 1 to 1024 MB."
            value={value ?? ''}
            onChange={(v) => {
              setValue(typeof v === 'number' ? v : v === '' ? null : Number(v));
              setFieldError(null);
              setFormError(null);
            }}
            min={IMPORT_LIMIT_MIN}
            max={IMPORT_LIMIT_MAX}
            step={1}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            disabled={loading}
            readOnly={saving}
            error={fieldError}
            w={320}
            data-testid="import-limit"
          />
        <Group>
          <Button type="submit" loading={saving} disabled={loading || saving || value === saved}>
            Save
          </Button>
        </Group>
        {formError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="Could not save the settings" role="alert">
            {formError}
          </Alert>
        )}
      </Stack>
    </form>
  );
}
