import { Alert, Anchor, Button, Group, Loader, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconExternalLink } from '@tabler/icons-react';
import { useState } from 'react';
import { openExternal, submitConfigurationSignInCode, toApiError, type SignInStarted } from '../../api';
import { CopyField } from '../CopyField';

export interface SignInPanelProps {
  /** The sign-in the backend is waiting on; null closes the panel. */
  started: SignInStarted | null;
  configurationName: string;
  /** Cancel is pending (the backend is stopping the sign-in). */
  cancelling: boolean;
  onCancel: () => void;
}

/**
 * Shown while AuthenticateConfiguration waits for the browser: the redirect URI to register with
 * the vendor, the consent URL to open again, Cancel, and a field to paste the address the browser
 * ended on (or the bare code) when the redirect cannot reach this computer.
 */
export function SignInPanel({ started, configurationName, cancelling, onCancel }: SignInPanelProps) {
  return (
    <Modal
      opened={started !== null}
      onClose={onCancel}
      closeOnClickOutside={false}
      size="lg"
      title={
        <Group gap="sm">
          <Loader size="sm" />
          <Text fw={600}>Waiting for the browser…</Text>
        </Group>
      }
      data-testid="signin-panel"
    >
      {started && <Body key={started.configurationId + started.url} started={started} name={configurationName} cancelling={cancelling} onCancel={onCancel} />}
    </Modal>
  );
}

function Body({ started, name, cancelling, onCancel }: { started: SignInStarted; name: string; cancelling: boolean; onCancel: () => void }) {
  const [pasted, setPasted] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [openError, setOpenError] = useState<string | null>(null);

  async function submit() {
    setSubmitting(true);
    setError(null);
    try {
      await submitConfigurationSignInCode(started.configurationId, pasted.trim());
    } catch (err) {
      setError(toApiError(err).message);
      setSubmitting(false);
    }
  }

  return (
    <Stack gap="md" data-testid="signin-waiting">
      <Text size="sm">
        Sign in to the vendor for <b>{name}</b> in your browser and approve access. This window continues on its own once the browser
        is sent back here (up to 5 minutes).
      </Text>
      {started.browserError && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title="The browser did not open" data-testid="signin-browser-error">
          {started.browserError} Open the sign-in address below yourself.
        </Alert>
      )}
      <CopyField label="Redirect URI" value={started.redirectUri} />
      <Text size="xs" c="dimmed" mt={-8}>
        The vendor must accept this exact redirect URI; register it with the app if the sign-in page says it does not match.
      </Text>
      <CopyField label="Sign-in address" value={started.url} />
      <Group gap="xs" mt={-8}>
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => void openExternal(started.url).then(() => setOpenError(null), (err) => setOpenError(toApiError(err).message))}
          data-testid="signin-open-again"
        >
          <Group gap={4}>
            <IconExternalLink size={14} />
            Open in the browser again
          </Group>
        </Anchor>
        {openError && (
          <Text size="xs" c="red">
            {openError}
          </Text>
        )}
      </Group>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (pasted.trim()) void submit();
        }}
      >
        <Group align="flex-start" wrap="nowrap" gap="xs">
          <TextInput
            label="Did the browser end on an error page?"
            description="Paste the address it ended on (it carries the code), or the code alone."
            placeholder="http://127.0.0.1:…/callback?code=…"
            value={pasted}
            onChange={(e) => {
              setPasted(e.currentTarget.value);
              setError(null);
            }}
            error={error}
            style={{ flex: 1, minWidth: 0 }}
            data-testid="signin-paste"
            autoComplete="off"
          />
          <Button type="submit" variant="light" mt={46} loading={submitting} disabled={!pasted.trim()} data-testid="signin-paste-submit">
            Continue
          </Button>
        </Group>
      </form>
      <Group justify="flex-end">
        <Button variant="default" color="red" onClick={onCancel} loading={cancelling} data-testid="signin-cancel">
          Cancel sign-in
        </Button>
      </Group>
    </Stack>
  );
}
