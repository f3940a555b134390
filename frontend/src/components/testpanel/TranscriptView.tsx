import { Accordion, Badge, Button, Center, Group, Loader, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { IconCheck, IconTerminal2 } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import type { Exchange } from '../../api';
import { methodColor } from '../../lib/importFormat';
import { formatMs, STATUS_COLORS, statusClass } from './PageTimeline';

const CodeView = lazy(() => import('./CodeView'));

/** "Copy as curl": the run's first request; the backend has already masked the credentials. */
export function CopyCurlButton({ curl }: { curl: string }) {
  const clipboard = useClipboard({ timeout: 2000 });
  return (
    <Tooltip
      label="Copies the first request as a curl command. Credentials are masked: put your own back in before running it."
      multiline
      w={280}
      withArrow
    >
      <Button
        variant="default"
        size="xs"
        leftSection={clipboard.copied ? <IconCheck size={14} /> : <IconTerminal2 size={14} />}
        onClick={() => clipboard.copy(curl)}
        disabled={!curl}
        data-testid="copy-curl"
      >
        {clipboard.copied ? 'Copied' : 'Copy as curl'}
      </Button>
    </Tooltip>
  );
}

function isJsonText(text: string, headers: Record<string, string>): boolean {
  const ct = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
  if (/json/i.test(ct)) return true;
  const t = text.trimStart();
  return t.startsWith('{') || t.startsWith('[');
}

function Headers({ title, headers }: { title: string; headers: Record<string, string> }) {
  const rows = Object.entries(headers).sort(([a], [b]) => a.localeCompare(b));
  return (
    <div>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={4}>
        {title}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          None
        </Text>
      ) : (
        <Table withTableBorder withColumnBorders verticalSpacing={4} fz="xs" aria-label={title}>
          <Table.Tbody>
            {rows.map(([k, v]) => (
              <Table.Tr key={k}>
                <Table.Td w="30%" ff="monospace" fw={500} style={{ wordBreak: 'break-all' }}>
                  {k}
                </Table.Td>
                <Table.Td ff="monospace" style={{ wordBreak: 'break-all' }}>
                  {v}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </div>
  );
}

function Body({ title, text, json, note }: { title: string; text: string; json: boolean; note?: string }) {
  return (
    <div>
      <Group gap="xs" mb={4}>
        <Text size="xs" fw={600} c="dimmed" tt="uppercase">
          {title}
        </Text>
        {note && (
          <Text size="xs" c="dimmed">
            {note}
          </Text>
        )}
      </Group>
      {text === '' ? (
        <Text size="sm" c="dimmed">
          Empty
        </Text>
      ) : (
        <Suspense
          fallback={
            <Center h={80}>
              <Loader size="sm" />
            </Center>
          }
        >
          <CodeView value={text} label={title} json={json} maxHeight={360} />
        </Suspense>
      )}
    </div>
  );
}

function exchangeKey(e: Exchange, i: number): string {
  return `${i}-${e.page}-${e.attempt}`;
}

/**
 * Every round trip of a run, retries included: method, URL, status and time in the header of each
 * item; headers and bodies when opened (the bodies' editors are only created for open items).
 */
export function TranscriptView({ transcript, curl }: { transcript: Exchange[]; curl: string }) {
  const [open, setOpen] = useState<string[]>(() => (transcript.length === 1 ? [exchangeKey(transcript[0]!, 0)] : []));
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {transcript.length} exchange{transcript.length === 1 ? '' : 's'} with the vendor. Credentials, tokens and cookies are masked.
        </Text>
        <CopyCurlButton curl={curl} />
      </Group>
      {transcript.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing was sent.
        </Text>
      ) : (
        <Accordion multiple value={open} onChange={setOpen} variant="separated" radius="md" chevronPosition="left">
          {transcript.map((e, i) => {
            const key = exchangeKey(e, i);
            const color = STATUS_COLORS[statusClass({ status: e.status, retries: 0 })];
            return (
              <Accordion.Item key={key} value={key} data-testid="exchange">
                <Accordion.Control aria-label={`Page ${e.page}${e.attempt > 1 ? ` attempt ${e.attempt}` : ''}: ${e.method} ${e.url} ${e.status || 'no response'}`}>
                  <Group gap="sm" wrap="nowrap">
                    <Text size="xs" c="dimmed" w={52} style={{ flex: 'none' }}>
                      Page {e.page}
                    </Text>
                    <Badge color={methodColor(e.method)} variant="light" radius="sm" w={64} px={4} style={{ flex: 'none' }}>
                      {e.method}
                    </Badge>
                    <Text size="sm" ff="monospace" truncate title={e.url} style={{ flex: 1, minWidth: 0 }}>
                      {e.url}
                    </Text>
                    {e.attempt > 1 && (
                      <Badge size="sm" variant="outline" color="violet" style={{ flex: 'none' }}>
                        attempt {e.attempt}
                      </Badge>
                    )}
                    <Badge color={color} variant="light" style={{ flex: 'none', textTransform: 'none' }}>
                      {e.status ? e.statusText || e.status : 'No response'}
                    </Badge>
                    <Text size="xs" c="dimmed" w={64} ta="right" style={{ flex: 'none' }}>
                      {formatMs(e.durationMs)}
                    </Text>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  {open.includes(key) && (
                    <Stack gap="md">
                      {e.error && (
                        <Text size="sm" c="red">
                          {e.error}
                        </Text>
                      )}
                      <Headers title="Request headers" headers={e.requestHeaders} />
                      {e.requestBody !== '' && <Body title="Request body" text={e.requestBody} json={isJsonText(e.requestBody, e.requestHeaders)} />}
                      <Headers title="Response headers" headers={e.responseHeaders} />
                      <Body
                        title="Response body"
                        text={e.responseBody}
                        json={isJsonText(e.responseBody, e.responseHeaders)}
                        note={`${e.bodyBytes.toLocaleString('en-US')} bytes${e.truncated ? ', cut short in the transcript (the items have it all)' : ''}`}
                      />
                    </Stack>
                  )}
                </Accordion.Panel>
              </Accordion.Item>
            );
          })}
        </Accordion>
      )}
    </Stack>
  );
}
