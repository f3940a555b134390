import { Alert, Button, Checkbox, Group, Paper, Stack, Tabs, Text, TextInput, Textarea } from '@mantine/core';
import { IconAlertCircle, IconClipboardText, IconFileUpload, IconUpload } from '@tabler/icons-react';
import { useRef, useState, type CSSProperties, type DragEvent, type FormEvent, type RefObject } from 'react';
import type { ApiError } from '../../api';
import { ImportProgress } from './ImportProgress';

export type InputTab = 'file' | 'paste';

export interface SpecInputProps {
  busy: boolean;
  progress: { stage: string; message: string } | null;
  error: ApiError | null;
  tab: InputTab;
  onTabChange: (tab: InputTab) => void;
  allowFileRefs: boolean;
  onAllowFileRefsChange: (v: boolean) => void;
  pasteName: string;
  onPasteNameChange: (v: string) => void;
  pasteText: string;
  onPasteTextChange: (v: string) => void;
  /** "Choose file…": the native dialog in the app, the file input in a browser. */
  onChoose: () => void;
  /** A File from the file input or an HTML drop. */
  onFile: (file: File, via: 'input' | 'drop') => void;
  onImportPasted: () => void;
  /** Lets the page open the hidden file input. */
  fileInputRef: RefObject<HTMLInputElement | null>;
}

// Marks the drop zone for the Wails runtime, which reports native drops
// (as paths) only over elements with this CSS property.
const DROP_TARGET = { '--wails-drop-target': 'drop' } as CSSProperties;

export function SpecInput(props: SpecInputProps) {
  const { busy, progress, error, tab, onTabChange } = props;
  return (
    <Stack gap="lg">
      {error && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertCircle size={20} />}
          title="Could not import the spec"
          role="alert"
          data-testid="import-error"
        >
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {error.message}
          </Text>
        </Alert>
      )}
      <Tabs value={tab} onChange={(v) => onTabChange((v as InputTab) ?? 'file')} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="file" leftSection={<IconFileUpload size={16} />}>
            File
          </Tabs.Tab>
          <Tabs.Tab value="paste" leftSection={<IconClipboardText size={16} />}>
            Paste text
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="file">
          <FilePanel {...props} />
        </Tabs.Panel>
        <Tabs.Panel value="paste">
          <PastePanel {...props} />
        </Tabs.Panel>
      </Tabs>
      {busy && <ImportProgress stage={progress?.stage ?? null} message={progress?.message ?? ''} />}
    </Stack>
  );
}

function FilePanel({ busy, allowFileRefs, onAllowFileRefsChange, onChoose, onFile, fileInputRef }: SpecInputProps) {
  const [over, setOver] = useState(false);
  const depth = useRef(0);

  const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
  const onDragEnter = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth.current += 1;
    setOver(true);
  };
  const onDragOver = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = busy ? 'none' : 'copy';
  };
  const onDragLeave = () => {
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setOver(false);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    depth.current = 0;
    setOver(false);
    const file = e.dataTransfer?.files?.[0];
    if (file && !busy) onFile(file, 'drop');
  };

  return (
    <Stack gap="md">
      <Paper
        radius="lg"
        p="xl"
        data-testid="spec-dropzone"
        data-active={over || undefined}
        onDragEnter={onDragEnter}
        onDragOver={onDragOver}
        onDragLeave={onDragLeave}
        onDrop={onDrop}
        aria-busy={busy || undefined}
        style={{
          ...DROP_TARGET,
          border: `2px dashed ${over ? 'var(--mantine-primary-color-filled)' : 'var(--mantine-color-default-border)'}`,
          background: over ? 'var(--mantine-primary-color-light)' : undefined,
          transition: 'background 120ms, border-color 120ms',
          opacity: busy ? 0.6 : 1,
        }}
      >
        <Stack align="center" gap="sm" py="xl">
          <IconUpload size={40} stroke={1.4} color="var(--mantine-color-dimmed)" aria-hidden="true" />
          <Text size="lg" fw={600} ta="center">
            Drop an OpenAPI or Swagger file (JSON or YAML) here
          </Text>
          <Text size="sm" c="dimmed" ta="center" maw={560}>
            Swagger 2.0 is converted to OpenAPI 3. The file is checked for problems and turned into actions; nothing is
            saved until you say so.
          </Text>
          <Button leftSection={<IconFileUpload size={18} />} onClick={onChoose} disabled={busy} mt="xs">
            Choose file…
          </Button>
          <input
            type="file"
            ref={fileInputRef}
            accept=".json,.yaml,.yml,application/json,application/yaml,application/x-yaml,text/yaml,text/plain"
            data-testid="spec-file-input"
            aria-label="Spec file"
            tabIndex={-1}
            disabled={busy}
            onChange={(e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              // Clear it, so choosing the same file again fires another change.
              input.value = '';
              if (file) onFile(file, 'input');
            }}
            style={{
              position: 'absolute',
              width: 1,
              height: 1,
              padding: 0,
              margin: -1,
              overflow: 'hidden',
              clip: 'rect(0, 0, 0, 0)',
              whiteSpace: 'nowrap',
              border: 0,
            }}
          />
        </Stack>
      </Paper>
      <Checkbox
        checked={allowFileRefs}
        onChange={(e) => onAllowFileRefsChange(e.currentTarget.checked)}
        disabled={busy}
        label="Allow file references inside the spec's folder"
        description="Follow $ref links to other files next to the spec (for example ./schemas/pet.yaml), but never outside its folder. Off by default, so a spec cannot make the app read other files. Applies to files chosen or dropped in the app; pasted text has no folder."
      />
    </Stack>
  );
}

function PastePanel({ busy, pasteName, onPasteNameChange, pasteText, onPasteTextChange, onImportPasted }: SpecInputProps) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!busy && pasteText.trim()) onImportPasted();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label="Name"
          description="Optional; shown in messages instead of “pasted text”."
          placeholder="e.g. acme-openapi.yaml"
          value={pasteName}
          onChange={(e) => onPasteNameChange(e.currentTarget.value)}
          readOnly={busy}
          maw={420}
          spellCheck={false}
          autoComplete="off"
        />
        <Textarea
          label="OpenAPI or Swagger document"
          description="JSON or YAML."
          placeholder={'openapi: 3.1.0\ninfo:\n  title: Acme API\n  version: "1.0"\npaths: {}'}
          value={pasteText}
          onChange={(e) => onPasteTextChange(e.currentTarget.value)}
          readOnly={busy}
          autosize
          minRows={12}
          maxRows={28}
          spellCheck={false}
          autoComplete="off"
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
          data-testid="spec-paste"
        />
        <Group justify="flex-end">
          <Button type="submit" loading={busy} disabled={busy || !pasteText.trim()}>
            Import
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
