import { Badge, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';
import { PageHeader } from './PageHeader';

/** An honest placeholder for a page that is not built yet: no fake data. */
export function ComingSoon({ title, summary, icon }: { title: string; summary: string; icon: ReactNode }) {
  return (
    <>
      <PageHeader title={title} />
      <Paper withBorder p="xl" radius="lg" data-testid="coming-soon">
        <Stack align="center" gap="sm" py="lg" ta="center">
          <ThemeIcon size={56} radius="xl" variant="light">
            {icon}
          </ThemeIcon>
          <Badge variant="light" color="gray" size="lg" radius="sm">
            Coming in a later version
          </Badge>
          <Text maw={520} c="dimmed">
            {summary}
          </Text>
        </Stack>
      </Paper>
    </>
  );
}
