import { Alert, Button, FileButton, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconShieldCheck, IconTrash, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { setIntegrationIcon, toApiError, type Integration } from '../../api';
import { DESCRIPTION_MAX_LENGTH, NAME_RULES, runeCount } from '../../api/validation';
import { IntegrationIcon } from '../../components/IntegrationIcon';
import type { StepProps } from './stepProps';

/** The icon cap the backend enforces (backend/icon.MaxBytes). */
export const ICON_MAX_BYTES = 256 * 1024;

function kb(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * Checks a picked file before it is read: the backend checks the content
 * again, but a PNG picked by mistake deserves a message naming it at once.
 */
export function iconFileProblem(file: { name: string; type: string; size: number }): string | null {
  const isSvg = file.type === 'image/svg+xml' || /\.svg$/i.test(file.name);
  if (!isSvg) {
    const kind = file.type ? ` (${file.type})` : '';
    return `"${file.name}"${kind} is not an SVG file. The icon must be an SVG: export it as SVG from your design tool.`;
  }
  if (file.size > ICON_MAX_BYTES) {
    return `"${file.name}" is ${kb(file.size)}; an icon may be at most ${kb(ICON_MAX_BYTES)}. Simplify it or export it minified.`;
  }
  return null;
}

export function DetailsStep({ form, setForm, errorOf, touch, integration, onIntegration, disabled }: StepProps) {
  const [iconError, setIconError] = useState<string | null>(null);
  const [removed, setRemoved] = useState<string[]>([]);
  const [uploading, setUploading] = useState(false);

  const upload = async (file: File | null) => {
    if (!file) return;
    setRemoved([]);
    const problem = iconFileProblem(file);
    if (problem) {
      setIconError(problem);
      return;
    }
    setUploading(true);
    try {
      const up = await setIntegrationIcon(integration.id, await file.text());
      onIntegration(up.integration);
      setRemoved(up.removed);
      setIconError(null);
    } catch (err) {
      setIconError(`"${file.name}": ${toApiError(err).message}`);
    } finally {
      setUploading(false);
    }
  };

  const removeIcon = async () => {
    try {
      const up = await setIntegrationIcon(integration.id, '');
      onIntegration(up.integration as Integration);
      setRemoved([]);
      setIconError(null);
    } catch (err) {
      setIconError(toApiError(err).message);
    }
  };

  return (
    <Stack gap="md">
      <TextInput
        label="Name"
        description={NAME_RULES}
        withAsterisk
        value={form.name}
        disabled={disabled}
        onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
        onBlur={() => touch('name')}
        error={errorOf('name')}
        data-autofocus
      />
      <div>
        <Text size="sm" fw={500} mb={4}>
          Icon
        </Text>
        <Text size="xs" c="dimmed" mb="xs">
          An SVG file up to {kb(ICON_MAX_BYTES)}. Scripts, event handlers, embedded HTML and links to other files are
          removed before it is stored; it is only ever shown as an image.
        </Text>
        <Group gap="md" align="center">
          <div
            style={{ padding: 8, border: '1px solid var(--mantine-color-default-border)', borderRadius: 10 }}
            data-testid="icon-preview"
          >
            <IntegrationIcon svg={integration.iconSvg} size={56} />
          </div>
          <FileButton onChange={(f) => void upload(f)} accept="image/svg+xml,.svg">
            {(props) => (
              <Button {...props} variant="default" leftSection={<IconUpload size={16} />} loading={uploading} disabled={disabled}>
                {integration.iconSvg ? 'Replace icon' : 'Upload SVG icon'}
              </Button>
            )}
          </FileButton>
          {integration.iconSvg && (
            <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => void removeIcon()} disabled={disabled}>
              Remove icon
            </Button>
          )}
        </Group>
        {iconError && (
          <Text size="sm" c="red" mt="xs" role="alert" data-testid="icon-error">
            {iconError}
          </Text>
        )}
        {removed.length > 0 && (
          <Alert mt="xs" color="yellow" variant="light" icon={<IconShieldCheck size={18} />} title="Made safe" data-testid="icon-removed">
            Removed from the icon: {removed.join('; ')}.
          </Alert>
        )}
      </div>
      <Textarea
        label="Description"
        description="What the vendor's API is for, as your workflow builders will see it."
        withAsterisk
        autosize
        minRows={3}
        maxRows={8}
        value={form.description}
        disabled={disabled}
        onChange={(e) => setForm({ ...form, description: e.currentTarget.value })}
        onBlur={() => touch('description')}
        error={errorOf('description')}
        rightSectionPointerEvents="none"
      />
      <Text size="xs" c="dimmed" ta="right" mt={-10}>
        {runeCount(form.description)} / {DESCRIPTION_MAX_LENGTH}
      </Text>
    </Stack>
  );
}
