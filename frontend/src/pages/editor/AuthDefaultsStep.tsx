import { ActionIcon, Alert, Button, Checkbox, Group, NumberInput, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconKey, IconPlus, IconTrash } from '@tabler/icons-react';
import type { AuthDefaults, EditForm } from '../../api';
import type { StepProps } from './stepProps';

type OAuth2 = NonNullable<AuthDefaults['oauth2']>;
type Pair = { name: string; value: string };

// Ranges the seed gives (backend/auth: MinCustomRefreshInterval …).
const INTERVAL = { min: 300, max: 86400 };
const BUFFER = { min: 30, max: 3600 };

/** Editable name/value rows (extra headers, extra authorization params). */
function PairsEditor({
  label,
  description,
  field,
  rows,
  onChange,
  errorOf,
  touch,
  disabled,
  addLabel,
}: {
  label: string;
  description: string;
  field: string;
  rows: Pair[];
  onChange: (rows: Pair[]) => void;
  errorOf: StepProps['errorOf'];
  touch: StepProps['touch'];
  disabled: boolean;
  addLabel: string;
}) {
  const set = (i: number, patch: Partial<Pair>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        {description}
      </Text>
      <Stack gap={6}>
        {rows.map((r, i) => (
          <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              aria-label={`${label} ${i + 1} name`}
              placeholder="Name"
              value={r.name}
              onChange={(e) => set(i, { name: e.currentTarget.value })}
              onBlur={() => touch(`${field}[${i}].name`)}
              error={errorOf(`${field}[${i}].name`)}
              disabled={disabled}
              style={{ flex: 1 }}
            />
            <TextInput
              aria-label={`${label} ${i + 1} value`}
              placeholder="Value"
              value={r.value}
              onChange={(e) => set(i, { value: e.currentTarget.value })}
              onBlur={() => touch(`${field}[${i}].value`)}
              error={errorOf(`${field}[${i}].value`)}
              disabled={disabled}
              style={{ flex: 1 }}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              mt={6}
              aria-label={`Remove ${label.toLowerCase()} ${i + 1}`}
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
              disabled={disabled}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
      </Stack>
      <Button
        mt="xs"
        size="xs"
        variant="light"
        leftSection={<IconPlus size={14} />}
        onClick={() => onChange([...rows, { name: '', value: '' }])}
        disabled={disabled}
      >
        {addLabel}
      </Button>
    </div>
  );
}

export function AuthDefaultsStep({ form, setForm, errorOf, touch, disabled, sharedWarning }: StepProps) {
  const method = form.auth.method;
  const setAuth = (patch: Partial<EditForm['auth']>) => setForm({ ...form, auth: { ...form.auth, ...patch } });
  const headers = (
    <PairsEditor
      label="Extra Request Headers"
      description="Sent with every request to the API. Optional; some APIs need one (consult the vendor's documentation). Never put a credential here."
      field="auth.extra_headers"
      rows={form.auth.extra_headers ?? []}
      onChange={(rows) => setAuth({ extra_headers: rows })}
      errorOf={errorOf}
      touch={touch}
      disabled={disabled}
      addLabel="Add header"
    />
  );

  if (method === 'none' || method === 'basic') {
    return (
      <Alert color="blue" variant="light" icon={<IconKey size={18} />} title="No defaults for this method" data-testid="no-auth-defaults">
        {method === 'basic'
          ? 'Basic Auth needs only a username and password. Each configuration asks for them and keeps them in the OS keyring, so nothing is shared here.'
          : 'No Auth sends no credentials. Continue to pagination.'}
      </Alert>
    );
  }

  const warning = (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title="Defaults are shared" data-testid="shared-warning">
      {sharedWarning}
    </Alert>
  );

  if (method === 'api_key') {
    const key = form.auth.api_key ?? { header_name: '' };
    const setKey = (patch: Partial<typeof key>) => setAuth({ api_key: { ...key, ...patch } });
    return (
      <Stack gap="md">
        {warning}
        <TextInput
          label="API Key Header Name"
          withAsterisk
          description="The header that carries the API key, e.g. Authorization or X-API-Key (see the vendor's documentation)."
          value={key.header_name}
          onChange={(e) => setKey({ header_name: e.currentTarget.value })}
          onBlur={() => touch('auth.api_key.header_name')}
          error={errorOf('auth.api_key.header_name')}
          disabled={disabled}
          data-autofocus
        />
        <TextInput
          label="API Key Preamble"
          description='The word sent before the key, e.g. "Bearer" for Authorization: Bearer <key>. Leave blank to send the bare key.'
          value={key.preamble ?? ''}
          onChange={(e) => setKey({ preamble: e.currentTarget.value })}
          onBlur={() => touch('auth.api_key.preamble')}
          error={errorOf('auth.api_key.preamble')}
          disabled={disabled}
        />
        {headers}
      </Stack>
    );
  }

  const o: OAuth2 = form.auth.oauth2 ?? ({ grant_type: '' } as OAuth2);
  const setO = (patch: Partial<OAuth2>) => setAuth({ oauth2: { ...o, ...patch } });
  const authCode = o.grant_type === 'authorization_code';
  const text = (field: keyof OAuth2, label: string, description: string, required = false) => (
    <TextInput
      label={label}
      withAsterisk={required}
      description={description}
      value={(o[field] as string | undefined) ?? ''}
      onChange={(e) => setO({ [field]: e.currentTarget.value })}
      onBlur={() => touch(`auth.oauth2.${field}`)}
      error={errorOf(`auth.oauth2.${field}`)}
      disabled={disabled}
      spellCheck={false}
    />
  );
  const check = (field: keyof OAuth2, label: string, description: string) => (
    <Checkbox
      label={label}
      description={description}
      checked={!!o[field]}
      onChange={(e) => setO({ [field]: e.currentTarget.checked })}
      error={errorOf(`auth.oauth2.${field}`)}
      disabled={disabled}
    />
  );
  const seconds = (field: 'custom_refresh_interval_seconds' | 'refresh_buffer_seconds', label: string, range: { min: number; max: number }, description: string) => (
    <NumberInput
      label={label}
      withAsterisk
      description={description}
      min={range.min}
      max={range.max}
      clampBehavior="none"
      allowDecimal={false}
      allowNegative={false}
      suffix=" s"
      value={o[field] ?? ''}
      onChange={(v) => setO({ [field]: typeof v === 'number' ? v : v === '' ? 0 : Number(v) })}
      onBlur={() => touch(`auth.oauth2.${field}`)}
      error={errorOf(`auth.oauth2.${field}`)}
      disabled={disabled}
    />
  );

  return (
    <Stack gap="md">
      {warning}
      <Text size="sm">
        OAuth Grant Type: <b>{authCode ? 'Authorization Code' : 'Client Credentials'}</b>{' '}
        <Text span c="dimmed" size="xs">
          (chosen in the previous step)
        </Text>
      </Text>
      {authCode &&
        text('authorization_url', 'OAuth Authorization Code URL', 'Where the user signs in and approves access; the app opens it in the browser.', true)}
      {text('token_url', 'OAuth Access Token URL', 'Where access tokens are requested, e.g. https://login.vendor.com/oauth/token.', true)}
      {text('access_token_scheme', 'OAuth Access Token Scheme', 'Sent before the token in the Authorization header ("Bearer" for most APIs); blank sends the bare token.')}
      {text('scope', 'OAuth Scope', 'Space-separated scopes to request. Leave blank to use the default scope.')}
      <Group grow align="flex-start">
        {text('token_key', 'OAuth Token Key', 'The key of the access token in the token response.', true)}
        {text('token_expiration_key', 'OAuth Token Expiration Key', 'The key of the expiry (seconds) in the token response.', true)}
      </Group>
      <Group grow align="flex-start">
        <Select
          label="OAuth Token Request Content Type"
          description="application/x-www-form-urlencoded for most APIs."
          data={['application/x-www-form-urlencoded', 'application/json']}
          value={o.token_request_content_type || null}
          onChange={(v) => setO({ token_request_content_type: v ?? '' })}
          error={errorOf('auth.oauth2.token_request_content_type')}
          allowDeselect={false}
          disabled={disabled}
        />
        <Select
          label="OAuth Token Request Method"
          description="POST for most APIs."
          data={['POST', 'GET']}
          value={o.token_request_method || null}
          onChange={(v) => setO({ token_request_method: v ?? '' })}
          error={errorOf('auth.oauth2.token_request_method')}
          allowDeselect={false}
          disabled={disabled}
        />
      </Group>
      {check(
        'basic_auth_on_exchange',
        'OAuth Token Exchange Requires Basic Auth Headers',
        'Send the client ID and secret as a Basic Authorization header when requesting tokens, instead of in the body. Some APIs require it.',
      )}
      <Title order={5} mt="xs">
        Refreshing tokens
      </Title>
      {text(
        'refresh_token_key',
        'OAuth Refresh Token Key',
        authCode
          ? 'The key of the refresh token in the token response.'
          : 'The key of the refresh token in the token response, if the provider issues one (client-credentials providers rarely do; a new token is requested instead).',
        authCode,
      )}
      {check('include_client_config_on_refresh', 'Include Client Config on Refresh', 'Some APIs refuse extra parameters on refresh; if so, uncheck this.')}
      {authCode &&
        check('include_redirect_uri_on_refresh', 'Include Redirect URI on Refresh', 'Some APIs refuse the redirect URI on refresh; if so, keep this unchecked.')}
      <div>
        <Text size="sm" fw={500}>
          Token Refresh Strategy
        </Text>
        <Text size="xs" c="dimmed" mb={6}>
          Automatic uses the expiry the OAuth provider reports; Custom Interval refreshes at a fixed interval.
        </Text>
        <SegmentedControl
          aria-label="Token Refresh Strategy"
          value={o.refresh_strategy || 'automatic'}
          onChange={(v) =>
            setO({
              refresh_strategy: v,
              // Show a sensible value for the strategy just chosen.
              ...(v === 'custom_interval' && !o.custom_refresh_interval_seconds ? { custom_refresh_interval_seconds: 3600 } : {}),
              ...(v === 'automatic' && !o.refresh_buffer_seconds ? { refresh_buffer_seconds: 300 } : {}),
            })
          }
          data={[
            { value: 'automatic', label: 'Automatic' },
            { value: 'custom_interval', label: 'Custom Interval' },
          ]}
          disabled={disabled}
        />
      </div>
      {o.refresh_strategy === 'custom_interval'
        ? seconds('custom_refresh_interval_seconds', 'Custom Refresh Interval (seconds)', INTERVAL, 'Refresh at this fixed interval whatever the expiry: 300 to 86400 seconds (5 minutes to 24 hours).')
        : seconds('refresh_buffer_seconds', 'Refresh Buffer (seconds)', BUFFER, 'Refresh this many seconds before the token expires: 30 to 3600 seconds (30 seconds to 1 hour).')}
      {authCode && (
        <PairsEditor
          label="OAuth Authorization Extra Params"
          description="Extra parameters for the authorization request, e.g. prompt=consent or access_type=offline. Optional."
          field="auth.oauth2.authorization_extra_params"
          rows={o.authorization_extra_params ?? []}
          onChange={(rows) => setO({ authorization_extra_params: rows })}
          errorOf={errorOf}
          touch={touch}
          disabled={disabled}
          addLabel="Add parameter"
        />
      )}
      {headers}
    </Stack>
  );
}
