import { Alert, Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { toApiError, type CreateIntegrationInput, type Integration } from '../api';
import {
  DESCRIPTION_MAX_LENGTH,
  NAME_MAX_LENGTH,
  NAME_RULES,
  runeCount,
  trimSpace,
  validateDescription,
  validateName,
} from '../api/validation';

type Field = 'name' | 'description';

export interface NewIntegrationModalProps {
  opened: boolean;
  onClose: () => void;
  /** Performs the create; rejects with an ApiError when the server refuses. */
  onCreate: (input: CreateIntegrationInput) => Promise<Integration>;
  onCreated?: (created: Integration) => void;
}

export function NewIntegrationModal({ opened, onClose, onCreate, onCreated }: NewIntegrationModalProps) {
  const [submitting, setSubmitting] = useState(false);
  return (
    <Modal
      opened={opened}
      onClose={() => !submitting && onClose()}
      title="New integration"
      styles={{ title: { fontWeight: 650, fontSize: "var(--mantine-font-size-lg)" } }}
      size="lg"
      centered
      closeOnClickOutside={!submitting}
      closeOnEscape={!submitting}
      withCloseButton={!submitting}
      data-testid="new-integration-modal"
    >
      {/* Mounted only while open: a fresh form each time, kept intact while open. */}
      <NewIntegrationForm
        onCancel={onClose}
        onCreate={onCreate}
        onCreated={(created) => {
          onCreated?.(created);
          onClose();
        }}
        submitting={submitting}
        setSubmitting={setSubmitting}
      />
    </Modal>
  );
}

function NewIntegrationForm({
  onCancel,
  onCreate,
  onCreated,
  submitting,
  setSubmitting,
}: {
  onCancel: () => void;
  onCreate: (input: CreateIntegrationInput) => Promise<Integration>;
  onCreated: (created: Integration) => void;
  submitting: boolean;
  setSubmitting: (v: boolean) => void;
}) {
  const [values, setValues] = useState({ name: '', description: '' });
  // A field shows its live error once the user has typed in it or left it.
  const [touched, setTouched] = useState({ name: false, description: false });
  const [serverErrors, setServerErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const liveErrors = {
    name: validateName(values.name),
    description: validateDescription(values.description),
  };
  const errorFor = (field: Field) => serverErrors[field] ?? (touched[field] ? liveErrors[field] : null);

  const change = (field: Field) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setTouched((t) => ({ ...t, [field]: true }));
    setServerErrors((e) => ({ ...e, [field]: undefined }));
    setFormError(null);
  };
  const blur = (field: Field) => () => setTouched((t) => ({ ...t, [field]: true }));

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (submitting) return;
    setTouched({ name: true, description: true });
    if (liveErrors.name || liveErrors.description) return;
    setSubmitting(true);
    setFormError(null);
    try {
      const created = await onCreate({ name: trimSpace(values.name), description: trimSpace(values.description) });
      setSubmitting(false);
      onCreated(created);
    } catch (err) {
      const apiErr = toApiError(err);
      if (apiErr.field === 'name' || apiErr.field === 'description') {
        setServerErrors({ [apiErr.field]: apiErr.message });
      } else {
        setFormError(apiErr.message);
      }
      setSubmitting(false);
    }
  };

  // Enter submits from the single-line Name field natively; in the
  // Description textarea Ctrl/Cmd+Enter does.
  const onDescriptionKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  };

  const nameLength = runeCount(trimSpace(values.name));
  const descriptionLength = runeCount(trimSpace(values.description));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label="Name"
          placeholder="e.g. Acme CRM"
          description={NAME_RULES}
          required
          data-autofocus
          autoComplete="off"
          spellCheck={false}
          value={values.name}
          onChange={(e) => change('name')(e.currentTarget.value)}
          onBlur={blur('name')}
          error={errorFor('name')}
          rightSectionWidth={64}
          rightSection={
            <Text size="xs" c={nameLength > NAME_MAX_LENGTH ? 'red' : 'dimmed'} aria-hidden="true">
              {nameLength}/{NAME_MAX_LENGTH}
            </Text>
          }
          readOnly={submitting}
          data-testid="integration-name"
        />
        <Textarea
          label="Description"
          placeholder="What does this integration connect to, and what is it for?"
          description="Shown to people choosing this integration in a workflow builder."
          required
          autosize
          minRows={3}
          maxRows={10}
          value={values.description}
          onChange={(e) => change('description')(e.currentTarget.value)}
          onBlur={blur('description')}
          onKeyDown={onDescriptionKey}
          error={errorFor('description')}
          readOnly={submitting}
          data-testid="integration-description"
        />
        <Text size="xs" c={descriptionLength > DESCRIPTION_MAX_LENGTH ? 'red' : 'dimmed'} ta="right" mt={-10}>
          {descriptionLength}/{DESCRIPTION_MAX_LENGTH}
        </Text>
        {formError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" title="Could not create the integration">
            {formError}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onCancel} disabled={submitting}>
            Cancel
          </Button>
          <Button type="submit" loading={submitting} disabled={submitting}>
            Create
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
