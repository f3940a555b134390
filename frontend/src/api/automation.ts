// API tokens (backend/apitoken) for the local automation API and webhooks
// (backend/webhook): part of src/api, so it may import the Wails bindings.
import {
  CreateAPIToken as goCreateAPIToken,
  ListAPITokens as goListAPITokens,
  RevokeAPIToken as goRevokeAPIToken,
  CreateWebhook as goCreateWebhook,
  DeleteWebhook as goDeleteWebhook,
  ListWebhookDeliveries as goListWebhookDeliveries,
  ListWebhooks as goListWebhooks,
  RedeliverWebhook as goRedeliverWebhook,
  TestWebhook as goTestWebhook,
  WebhookEvents as goWebhookEvents,
} from '../../wailsjs/go/main/App';
import { type Raw, call, num, str, strs, toDate } from './raw';

export interface ApiToken {
  id: string;
  name: string;
  /** The token's first characters, e.g. "ist_Ab3x…": enough to tell tokens apart. */
  hint: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** A new token with its value: the only time the value is ever shown. */
export interface CreatedApiToken extends ApiToken {
  value: string;
}

function toToken(raw: Raw): ApiToken {
  return {
    id: str(raw.id),
    name: str(raw.name),
    hint: str(raw.hint),
    createdAt: toDate(raw.createdAt),
    lastUsedAt: raw.lastUsedAt ? toDate(raw.lastUsedAt) : null,
    revokedAt: raw.revokedAt ? toDate(raw.revokedAt) : null,
  };
}

export function listApiTokens(): Promise<ApiToken[]> {
  return call(async () => ((await goListAPITokens()) as unknown as Raw[] | null ?? []).map(toToken));
}

export function createApiToken(name: string): Promise<CreatedApiToken> {
  return call(async () => {
    const raw = (await goCreateAPIToken(name)) as unknown as Raw;
    return { ...toToken(raw), value: str(raw.value) };
  });
}

export function revokeApiToken(id: string): Promise<ApiToken> {
  return call(async () => toToken((await goRevokeAPIToken(id)) as unknown as Raw));
}

// ---- Webhooks (backend/webhook) ----


export interface Webhook {
  id: string;
  url: string;
  events: string[];
  signed: boolean;
  /** Non-empty: disabled, and why (e.g. the receiver answered 410 Gone). */
  disabledReason: string;
  createdAt: Date;
}

export interface WebhookInput {
  url: string;
  events: string[];
  /** A pasted whsec_ key, or '' */
  signingKey: string;
  generateKey: boolean;
}

/** A new webhook; signingKey is set (once) when one was generated. */
export interface CreatedWebhook extends Webhook {
  signingKey: string;
}

export interface WebhookAttempt {
  status: number;
  latencyMs: number;
  excerpt: string;
  error: string;
}

export interface WebhookDelivery {
  id: string;
  event: string;
  messageId: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatus: number;
  lastError: string;
  lastLatencyMs: number;
  nextAttemptAt: Date | null;
  createdAt: Date;
}

function toWebhook(raw: Raw): Webhook {
  return {
    id: str(raw.id),
    url: str(raw.url),
    events: strs(raw.events),
    signed: raw.signed === true,
    disabledReason: str(raw.disabledReason),
    createdAt: toDate(raw.createdAt),
  };
}

export function webhookEvents(): Promise<string[]> {
  return call(async () => strs(await goWebhookEvents()));
}

export function listWebhooks(): Promise<Webhook[]> {
  return call(async () => (((await goListWebhooks()) as unknown as Raw[] | null) ?? []).map(toWebhook));
}

export function createWebhook(input: WebhookInput): Promise<CreatedWebhook> {
  return call(async () => {
    const raw = (await goCreateWebhook(input)) as unknown as Raw;
    return { ...toWebhook(raw), signingKey: str(raw.signingKey) };
  });
}

export function deleteWebhook(id: string): Promise<void> {
  return call(() => goDeleteWebhook(id));
}

export function testWebhook(id: string): Promise<WebhookAttempt> {
  return call(async () => {
    const raw = (await goTestWebhook(id)) as unknown as Raw;
    return { status: num(raw.status), latencyMs: num(raw.latencyMs), excerpt: str(raw.excerpt), error: str(raw.error) };
  });
}

export function listWebhookDeliveries(id: string): Promise<WebhookDelivery[]> {
  return call(async () =>
    (((await goListWebhookDeliveries(id)) as unknown as Raw[] | null) ?? []).map((d) => ({
      id: str(d.id),
      event: str(d.event),
      messageId: str(d.messageId),
      status: d.status === 'delivered' || d.status === 'failed' ? d.status : 'pending',
      attempts: num(d.attempts),
      lastStatus: num(d.lastStatus),
      lastError: str(d.lastError),
      lastLatencyMs: num(d.lastLatencyMs),
      nextAttemptAt: d.nextAttemptAt ? toDate(d.nextAttemptAt) : null,
      createdAt: toDate(d.createdAt),
    })),
  );
}

export function redeliverWebhook(deliveryId: string): Promise<void> {
  return call(() => goRedeliverWebhook(deliveryId));
}
