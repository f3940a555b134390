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
  Switch,
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
          <LimitSetting spec={IMPORT_LIMIT} />
        </Section>
        <Section title="Blueprints">
          <LimitSetting spec={BLUEPRINT_LIMIT} />
        </Section>
        <Section title="Local automation API">
          <LocalAPISwitch />
          <LimitSetting spec={LOCAL_API_PORT} />
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
export const BLUEPRINT_LIMIT_MIN = 1;
export const BLUEPRINT_LIMIT_MAX = 1000;

/** One whole-number setting: what its form shows and says. */
interface LimitSpec {
  field: 'importLimitMb' | 'blueprintLimit' | 'localApiPort';
  label: string;
  description: string;
  min: number;
  max: number;
  /** The range problem, e.g. "between 1 and 1024 MB". */
  range: string;
  saved: (value: number) => string;
  testId: string;
}

const IMPORT_LIMIT: LimitSpec = {
  field: 'importLimitMb',
  label: 'Import size limit (MB)',
  description: 'The largest OpenAPI or Swagger file the importer reads, from 1 to 1024 MB.',
  min: IMPORT_LIMIT_MIN,
  max: IMPORT_LIMIT_MAX,
  range: `between ${IMPORT_LIMIT_MIN} and ${IMPORT_LIMIT_MAX} MB`,
  saved: (v) => `Imports may now be up to ${v} MB.`,
  testId: 'import-limit',
};

const BLUEPRINT_LIMIT: LimitSpec = {
  field: 'blueprintLimit',
  label: 'Blueprint limit',
  description: 'How many custom blueprints this workspace may have (10 by default, as in Oneflow), from 1 to 1000.',
  min: BLUEPRINT_LIMIT_MIN,
  max: BLUEPRINT_LIMIT_MAX,
  range: `between ${BLUEPRINT_LIMIT_MIN} and ${BLUEPRINT_LIMIT_MAX}`,
  saved: (v) => `The workspace may now have up to ${v} blueprints.`,
  testId: 'blueprint-limit',
};

export const LOCAL_API_PORT_MIN = 1024;
export const LOCAL_API_PORT_MAX = 65535;

const LOCAL_API_PORT: LimitSpec = {
  field: 'localApiPort',
  label: 'Port',
  description: 'The port on 127.0.0.1 (8765 unless changed), from 1024 to 65535. The API never listens on other interfaces.',
  min: LOCAL_API_PORT_MIN,
  max: LOCAL_API_PORT_MAX,
  range: `between ${LOCAL_API_PORT_MIN} and ${LOCAL_API_PORT_MAX}`,
  saved: (v) => `The local API now uses port ${v}.`,
  testId: 'local-api-port',
};

/** The local automation API's on/off switch; it saves at once. */
function LocalAPISwitch() {
  const [on, setOn] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    getSettings().then(
      (s) => live && setOn(!!s.localApiEnabled),
      (err: unknown) => live && setError(toApiError(err).message),
    );
    return () => {
      live = false;
    };
  }, []);
  const change = async (next: boolean) => {
    setError(null);
    try {
      const current = await getSettings();
      const saved = await saveSettings({ ...current, localApiEnabled: next });
      setOn(!!saved.localApiEnabled);
      notifications.show({
        color: 'teal',
        title: 'Settings saved',
        message: next ? `The local API runs on http://127.0.0.1:${saved.localApiPort}.` : 'The local API is off.',
      });
    } catch (err) {
      setError(toApiError(err).message);
    }
  };
  return (
    <Stack gap={4}>
      <Switch
        label="Run the local automation API"
        description="Scripts on this computer call it with an API token (see API tokens). Off by default."
        checked={!!on}
        disabled={on === null}
        onChange={(e) => void change(e.currentTarget.checked)}
        data-testid="local-api-enabled"
      />
      {error && (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}

function limitProblem(spec: LimitSpec, value: number | null): string | null {
  if (value === null || !Number.isInteger(value)) return 'Enter a whole number.';
  if (value < spec.min || value > spec.max) return `The limit must be ${spec.range}.`;
  return null;
}

function LimitSetting({ spec }: { spec: LimitSpec }) {
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
        setSaved(s[spec.field]);
        setValue(s[spec.field]);
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
  }, [spec.field]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    const problem = limitProblem(spec, value);
    if (problem) {
      setFieldError(problem);
      return;
    }
    setSaving(true);
    setFormError(null);
    try {
      // The other settings as stored now, so this form never resets them.
      const current = await getSettings();
      const next = await saveSettings({ ...current, [spec.field]: value! });
      setSaved(next[spec.field]);
      setValue(next[spec.field]);
      notifications.show({ color: 'teal', title: 'Settings saved', message: spec.saved(next[spec.field]) });
    } catch (err) {
      const apiErr = toApiError(err);
      if (apiErr.field === spec.field) setFieldError(apiErr.message);
      else setFormError(apiErr.message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
          <NumberInput
            label={spec.label}
            description={spec.description}
            value={value ?? ''}
            onChange={(v) => {
              setValue(typeof v === 'number' ? v : v === '' ? null : Number(v));
              setFieldError(null);
              setFormError(null);
            }}
            min={spec.min}
            max={spec.max}
            step={1}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            disabled={loading}
            readOnly={saving}
            error={fieldError}
            w={320}
            data-testid={spec.testId}
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
