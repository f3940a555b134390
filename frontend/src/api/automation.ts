// API tokens (backend/apitoken) for the local automation API: part of
// src/api, so it may import the Wails bindings.
import { CreateAPIToken as goCreateAPIToken, ListAPITokens as goListAPITokens, RevokeAPIToken as goRevokeAPIToken } from '../../wailsjs/go/main/App';
import { type Raw, call, str, toDate } from './raw';

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
