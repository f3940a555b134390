import { Alert, NumberInput, Radio, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { paginationFields, toApiError, type PaginationConfig, type PaginationField } from '../../api';
import { sameJSON } from './form';
import type { StepProps } from './stepProps';
import { ChoiceCard, FrozenNote } from './ChoiceCard';
import { SuggestionNote } from './SuggestionNote';

// What the backend fills in when these are left empty with the link in a header (the seed's defaults).
const PLACEHOLDERS: Partial<Record<keyof PaginationConfig, string>> = { link_header_rel: 'next', link_header_name: 'link', page_start: '1' };

// page_start (Page type): the number of the first page; empty means 1.
export const NUMBER_LIMITS: Partial<Record<keyof PaginationConfig, number>> = {
  default_page_size: 1000,
  default_page_limit: 20,
  page_start: 1_000_000,
};

function typeLabel(props: StepProps, type: string): string {
  return props.paginationTypes.find((t) => t.type === type)?.label ?? type;
}

export function PaginationTypeStep(props: StepProps) {
  const { form, setForm, errorOf, paginationTypes, suggestions, frozen, disabled, integration } = props;
  const sug = suggestions.pagination;
  const current = form.pagination.type || 'none';
  const stored = integration.pagination.type || 'none';
  return (
    <Stack gap="md">
      {frozen && <FrozenNote>The pagination type is read-only: the integration is finalized. Its details stay editable.</FrozenNote>}
      {sug && (
        <SuggestionNote
          title={<>Suggested: {typeLabel(props, sug.pagination.type)}</>}
          evidence={sug.evidence}
          inUse={sameJSON(form.pagination, sug.pagination)}
          onUse={frozen && sug.pagination.type !== stored ? undefined : () => setForm({ ...form, pagination: { ...sug.pagination } })}
          testId="pagination-suggestion"
        />
      )}
      <Radio.Group
        label="Pagination type"
        description="How the vendor's list endpoints hand out results page by page. Read the API documentation against the guidance."
        value={current}
        // Switching type keeps the shared details (results key, page size) the user typed.
        onChange={(type) => setForm({ ...form, pagination: { ...form.pagination, type } })}
        error={errorOf('pagination.type')}
        withAsterisk
      >
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" mt="sm">
          {paginationTypes.map((t) => (
            <ChoiceCard
              key={t.type}
              value={t.type}
              label={t.label}
              summary={t.guidance}
              locked={frozen && t.type !== stored}
              disabled={disabled}
              testId={`pagination-choice-${t.type}`}
            />
          ))}
        </SimpleGrid>
      </Radio.Group>
    </Stack>
  );
}

export function PaginationDetailsStep(props: StepProps) {
  const { form, setForm, errorOf, touch, disabled } = props;
  const p = form.pagination;
  const [fields, setFields] = useState<PaginationField[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setFields(null);
    setError(null);
    paginationFields(p.type, p.link_location ?? '').then(
      (f) => live && setFields(f),
      (err) => live && setError(toApiError(err).message),
    );
    return () => {
      live = false;
    };
  }, [p.type, p.link_location]);

  const set = (patch: Partial<PaginationConfig>) => setForm({ ...form, pagination: { ...p, ...patch } });

  if (error) return <Alert color="red">{error}</Alert>;
  if (!fields) return null;
  if (fields.length === 0) {
    return (
      <Alert color="blue" variant="light" data-testid="no-pagination-details">
        {typeLabel(props, p.type)} needs no details. Continue to the actions.
      </Alert>
    );
  }
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {typeLabel(props, p.type)} pagination. These apply to every paginated action unless the action overrides them.
      </Text>
      {fields.map((f) => {
        const name = f.name as keyof PaginationConfig;
        const field = `pagination.${f.name}`;
        if (name === 'link_location') {
          return (
            <div key={f.name}>
              <Text size="sm" fw={500}>
                {f.label} <span style={{ color: 'var(--mantine-color-error)' }}>*</span>
              </Text>
              <Text size="xs" c="dimmed" mb={6}>
                {f.help}
              </Text>
              <SegmentedControl
                aria-label={f.label}
                value={p.link_location || ''}
                onChange={(v) => set({ link_location: v })}
                data={[
                  { value: 'body', label: 'JSON Response Body' },
                  { value: 'header', label: 'Response Header' },
                ]}
                disabled={disabled}
              />
              {errorOf(field) && (
                <Text size="xs" c="red" mt={4}>
                  {errorOf(field)}
                </Text>
              )}
            </div>
          );
        }
        const max = NUMBER_LIMITS[name];
        if (max !== undefined) {
          return (
            <NumberInput
              key={f.name}
              label={f.label}
              description={f.help}
              placeholder={PLACEHOLDERS[name]}
              min={1}
              max={max}
              thousandSeparator={max > 1000 ? ',' : undefined}
              clampBehavior="none"
              allowDecimal={false}
              allowNegative={false}
              value={(p[name] as number | undefined) || ''}
              onChange={(v) => set({ [name]: typeof v === 'number' ? v : v === '' ? undefined : Number(v) })}
              onBlur={() => touch(field)}
              error={errorOf(field)}
              disabled={disabled}
            />
          );
        }
        const required =
          ['index_param', 'page_param', 'after_param', 'pointer_path'].includes(f.name) || (f.name === 'next_page_key' && p.link_location === 'body');
        return (
          <TextInput
            key={f.name}
            label={f.label}
            withAsterisk={required}
            description={f.help}
            placeholder={PLACEHOLDERS[name]}
            value={(p[name] as string | undefined) ?? ''}
            onChange={(e) => set({ [name]: e.currentTarget.value })}
            onBlur={() => touch(field)}
            error={errorOf(field)}
            disabled={disabled}
            spellCheck={false}
            styles={name === 'pointer_path' ? { input: { fontFamily: 'var(--mantine-font-family-monospace)' } } : undefined}
          />
        );
      })}
    </Stack>
  );
}
