import { Group, Loader, Paper, Stepper, Text } from '@mantine/core';

export const IMPORT_STAGES = [
  { stage: 'read', label: 'Read', description: 'Load the file' },
  { stage: 'parse', label: 'Parse', description: 'Parse and convert' },
  { stage: 'lint', label: 'Lint', description: 'Check the spec' },
  { stage: 'actions', label: 'Actions', description: 'Build actions' },
] as const;

/**
 * Progress of an import, driven by spec:progress events. The current stage
 * spins until the result arrives: the worker gives no percentages.
 */
export function ImportProgress({ stage, message }: { stage: string | null; message: string }) {
  const active = Math.max(
    0,
    IMPORT_STAGES.findIndex((s) => s.stage === stage),
  );
  return (
    <Paper withBorder radius="lg" p="lg" role="status" aria-live="polite" aria-busy="true" data-testid="import-progress">
      <Stepper active={active} size="sm" allowNextStepsSelect={false} aria-label="Import progress">
        {IMPORT_STAGES.map((s, i) => (
          <Stepper.Step key={s.stage} label={s.label} description={s.description} loading={i === active} />
        ))}
      </Stepper>
      <Group gap="xs" mt="md">
        <Loader size="xs" type="dots" />
        <Text size="sm" c="dimmed" data-testid="import-progress-message">
          {message || 'Starting…'}
        </Text>
      </Group>
    </Paper>
  );
}
