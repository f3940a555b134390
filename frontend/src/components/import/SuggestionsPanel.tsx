import { Badge, Code, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconKey, IconServer, IconStack2 } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { AuthSuggestion, PaginationSuggestion, Suggestions } from '../../api';

const AUTH_LABEL: Record<string, string> = { api_key: 'API key', basic: 'Basic auth', oauth2: 'OAuth 2.0' };

const GRANT_LABEL: Record<string, string> = {
  authorization_code: 'authorization code',
  client_credentials: 'client credentials',
  password: 'password',
  implicit: 'implicit',
};

const PAGINATION_FIELDS: { key: keyof PaginationSuggestion; label: string }[] = [
  { key: 'resultsKey', label: 'Results key' },
  { key: 'pageSizeParam', label: 'Page size parameter' },
  { key: 'indexParam', label: 'Index parameter' },
  { key: 'pageParam', label: 'Page parameter' },
  { key: 'afterParam', label: 'After parameter' },
  { key: 'pointerPath', label: 'Pointer path' },
  { key: 'linkLocation', label: 'Link location' },
  { key: 'headerName', label: 'Header' },
  { key: 'nextPageKey', label: 'Next page key' },
];

function SuggestedCard({ icon, title, children, testId }: { icon: ReactNode; title: string; children: ReactNode; testId: string }) {
  return (
    <Paper withBorder radius="lg" p="md" data-testid={testId}>
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          {icon}
          <Title order={5}>{title}</Title>
        </Group>
        <Badge variant="light" color="grape" size="sm" style={{ flex: 'none' }}>
          Suggested
        </Badge>
      </Group>
      <Stack gap={8}>{children}</Stack>
    </Paper>
  );
}

function Field({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="baseline">
      <Text size="sm" c="dimmed" w={150} style={{ flex: 'none' }}>
        {label}
      </Text>
      <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </Group>
  );
}

function Evidence({ text }: { text: string }) {
  if (!text) return null;
  return (
    <Text size="xs" c="dimmed" mt={4}>
      Evidence: <Code>{text}</Code>
    </Text>
  );
}

function AuthOption({ a }: { a: AuthSuggestion }) {
  const label = AUTH_LABEL[a.method] ?? a.method;
  const grant = a.grantType ? ` (${GRANT_LABEL[a.grantType] ?? a.grantType})` : '';
  return (
    <Stack gap={4} data-testid="suggestion-auth-option">
      <Group gap="xs">
        <Text fw={600} size="sm">
          {label}
          {grant}
        </Text>
        {a.schemeName && (
          <Text size="xs" c="dimmed" ff="monospace">
            {a.schemeName}
          </Text>
        )}
      </Group>
      {a.headerName && <Field label="Header" value={a.headerName} />}
      {a.preamble && <Field label="Value prefix" value={a.preamble} />}
      {a.authorizationUrl && <Field label="Authorization URL" value={a.authorizationUrl} />}
      {a.tokenUrl && <Field label="Token URL" value={a.tokenUrl} />}
      {a.refreshUrl && <Field label="Refresh URL" value={a.refreshUrl} />}
      {a.scopes && a.scopes.length > 0 && <Field label="Scopes" value={a.scopes.join(' ')} />}
      <Evidence text={a.evidence} />
    </Stack>
  );
}

export function SuggestionsPanel({ suggestions }: { suggestions: Suggestions }) {
  const { host, auth, pagination } = suggestions;
  const nothing = !host && auth.length === 0 && !pagination;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        What the spec says about its server, sign-in and paging. Nothing is applied yet: you confirm these in the
        integration's editor after saving.
      </Text>
      {nothing && (
        <Text size="sm" c="dimmed" data-testid="suggestions-empty">
          The spec names no server, security scheme or pagination pattern.
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
        {host && (
          <SuggestedCard icon={<IconServer size={18} />} title="Host" testId="suggestion-host">
            <Field label="Hostname" value={host.hostname || '—'} />
            <Field label="Base path" value={host.basePath || '/'} />
            <Evidence text={host.evidence} />
          </SuggestedCard>
        )}
        {auth.length > 0 && (
          <SuggestedCard
            icon={<IconKey size={18} />}
            title={auth.length === 1 ? 'Authentication' : `Authentication (${auth.length} options)`}
            testId="suggestion-auth"
          >
            <Stack gap="md">
              {auth.map((a, i) => (
                <AuthOption key={`${a.schemeName}-${i}`} a={a} />
              ))}
            </Stack>
          </SuggestedCard>
        )}
        {pagination && (
          <SuggestedCard icon={<IconStack2 size={18} />} title="Pagination" testId="suggestion-pagination">
            <Field label="Type" value={pagination.type} />
            {PAGINATION_FIELDS.map(({ key, label }) =>
              pagination[key] ? <Field key={key} label={label} value={pagination[key]} /> : null,
            )}
            <Evidence text={pagination.evidence} />
          </SuggestedCard>
        )}
      </SimpleGrid>
    </Stack>
  );
}
