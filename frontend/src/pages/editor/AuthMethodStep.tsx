import { List, Paper, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { authDefaultsFor, toApiError, type AuthChoice } from '../../api';
import { authChoiceKey, authChoiceOf, authMatches, withAuthChoice } from './form';
import type { StepProps } from './stepProps';
import { ChoiceCard, FrozenNote } from './ChoiceCard';
import { SuggestionNote } from './SuggestionNote';

function choiceLabel(choices: AuthChoice[], method: string, grant?: string): string {
  return choices.find((c) => authChoiceKey(c.method, c.grant_type) === authChoiceKey(method, grant))?.label ?? method;
}

export function AuthMethodStep({ form, setForm, errorOf, authChoices, oauthAdvice, suggestions, frozen, disabled, integration }: StepProps) {
  const [error, setError] = useState<string | null>(null);
  const current = authChoiceOf(form);
  // Once finalized, only the stored method can be chosen (the form follows it anyway).
  const stored = authChoiceKey(integration.authMethod, integration.authDefaults.oauth2?.grant_type);

  const choose = async (key: string) => {
    const choice = authChoices.find((c) => authChoiceKey(c.method, c.grant_type) === key);
    if (!choice) return;
    try {
      const fresh = await authDefaultsFor(choice.method, choice.grant_type ?? '');
      setForm(withAuthChoice(form, choice.method, choice.grant_type ?? '', fresh));
      setError(null);
    } catch (err) {
      setError(toApiError(err).message);
    }
  };

  return (
    <Stack gap="md">
      {frozen && <FrozenNote>The authentication method is read-only: the integration is finalized. Its defaults stay editable.</FrozenNote>}
      {suggestions.auth.map((s, i) => (
        <SuggestionNote
          key={`${s.schemeName}-${i}`}
          title={
            <>
              {i === 0 ? 'Suggested' : 'Also in the spec'}: {choiceLabel(authChoices, s.auth.method, s.auth.oauth2?.grant_type)} (scheme{' '}
              <code>{s.schemeName}</code>)
            </>
          }
          evidence={s.evidence}
          inUse={authMatches(form.auth, s.auth)}
          onUse={frozen ? undefined : () => setForm({ ...form, auth: { ...s.auth, extra_headers: form.auth.extra_headers ?? s.auth.extra_headers } })}
          testId="auth-suggestion"
        />
      ))}
      <Radio.Group
        value={current}
        onChange={(v) => void choose(v)}
        label="Authentication method"
        description="How every request to the vendor signs in. Pick the one the vendor's API documentation describes."
        error={errorOf('auth.method') ?? errorOf('auth.oauth2.grant_type') ?? error}
        withAsterisk
      >
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" mt="sm">
          {authChoices.map((c, i) => {
            const key = authChoiceKey(c.method, c.grant_type);
            const firstOAuth = c.method === 'oauth2' && authChoices.findIndex((x) => x.method === 'oauth2') === i;
            return (
              <Fragment key={key}>
                {firstOAuth && oauthAdvice.summary && (
                  <Paper
                    withBorder
                    radius="md"
                    p="sm"
                    bg="var(--mantine-color-default-hover)"
                    style={{ gridColumn: '1 / -1' }}
                    data-testid="oauth-guidance"
                  >
                    <Text fw={600} size="sm">
                      OAuth 2.0
                    </Text>
                    <Text size="xs" c="dimmed" mb={4}>
                      {oauthAdvice.summary}
                    </Text>
                    <Text size="xs" fw={500}>
                      Choose OAuth 2.0 if:
                    </Text>
                    <List size="xs" spacing={2} withPadding>
                      {oauthAdvice.choose_if.map((line) => (
                        <List.Item key={line}>{line}</List.Item>
                      ))}
                    </List>
                    <Text size="xs" c="dimmed" mt={4}>
                      Then pick the grant the vendor describes:
                    </Text>
                  </Paper>
                )}
                <ChoiceCard
                  value={key}
                  label={c.label}
                  summary={c.advice.summary}
                  locked={frozen && key !== stored}
                  disabled={disabled}
                  testId={`auth-choice-${key}`}
                >
                  <Text size="xs" fw={500}>
                    Choose this if:
                  </Text>
                  <List size="xs" spacing={2} withPadding>
                    {c.advice.choose_if.map((line) => (
                      <List.Item key={line}>{line}</List.Item>
                    ))}
                  </List>
                </ChoiceCard>
              </Fragment>
            );
          })}
        </SimpleGrid>
      </Radio.Group>
    </Stack>
  );
}
