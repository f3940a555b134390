import { Button, Stack, Text, TextInput } from '@mantine/core';
import type { StepProps } from './stepProps';
import { FrozenNote } from './ChoiceCard';
import { SuggestionNote } from './SuggestionNote';

/** The host of a pasted URL ("https://api.x.com/v1" → "api.x.com"), or null when value is not a URL. */
export function hostOfUrl(value: string): string | null {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim())) return null;
  try {
    const host = new URL(value.trim()).host;
    return host || null;
  } catch {
    return null;
  }
}

export function HostnameStep({ form, setForm, errorOf, touch, suggestions, frozen, disabled }: StepProps) {
  const fromUrl = hostOfUrl(form.hostname);
  const sug = suggestions.hostname;
  return (
    <Stack gap="md">
      {frozen && <FrozenNote>The hostname is read-only: the integration is finalized.</FrozenNote>}
      {sug && (
        <SuggestionNote
          title={sug.hostname ? <>Suggested hostname: <code>{sug.hostname}</code></> : 'The spec names no host'}
          evidence={sug.evidence}
          inUse={!!sug.hostname && sug.hostname === form.hostname.trim()}
          onUse={sug.hostname && !frozen ? () => setForm({ ...form, hostname: sug.hostname }) : undefined}
          testId="hostname-suggestion"
        >
          {sug.basePath && (
            <Text size="xs" c="dimmed">
              Every action's path starts with <code>{sug.basePath}</code>; it is kept with the actions, not in the hostname.
            </Text>
          )}
        </SuggestionNote>
      )}
      <TextInput
        label="Hostname"
        withAsterisk
        description="The vendor's API host, without scheme or path: api.example.com, or host:8443 with a port."
        placeholder="api.example.com"
        value={form.hostname}
        disabled={frozen || disabled}
        onChange={(e) => setForm({ ...form, hostname: e.currentTarget.value })}
        onBlur={() => touch('hostname')}
        error={errorOf('hostname')}
        spellCheck={false}
        autoCapitalize="off"
        data-autofocus
      />
      {fromUrl && !frozen && (
        <Button variant="light" size="xs" w="fit-content" onClick={() => setForm({ ...form, hostname: fromUrl })}>
          Use “{fromUrl}” (the host of that URL)
        </Button>
      )}
    </Stack>
  );
}
