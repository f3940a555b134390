// Blueprints and playbooks (backend/blueprint, backend/playbook): part of src/api, so it may
// import the Wails bindings; everything else imports these through '../api'.
import {
  CreateBlueprint as goCreateBlueprint,
  CreatePlaybook as goCreatePlaybook,
  DeleteBlueprint as goDeleteBlueprint,
  DeletePlaybook as goDeletePlaybook,
  ListBlueprints as goListBlueprints,
  ListPlaybookRuns as goListPlaybookRuns,
  ListPlaybooks as goListPlaybooks,
  PreviewPlaybook as goPreviewPlaybook,
  ProposeBlueprint as goProposeBlueprint,
  RunPlaybook as goRunPlaybook,
  SetPlaybookEnabled as goSetPlaybookEnabled,
  UpdateBlueprint as goUpdateBlueprint,
  UpdatePlaybook as goUpdatePlaybook,
} from '../../wailsjs/go/main/App';
import { type Raw, arr, call, num, obj, str, strs, toDate } from './raw';

export interface BlueprintField {
  name: string;
  description: string;
  /** A playbook using the blueprint cannot be enabled until this field is mapped. */
  mappingRequired: boolean;
}

export interface BlueprintInput {
  name: string;
  description: string;
  /** In order: adding, editing, reordering and deleting fields is sending the new list. */
  fields: BlueprintField[];
  /** The integration whose bundles carry the blueprint, or ''. */
  integrationId: string;
}

export interface Blueprint extends BlueprintInput {
  id: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A blueprint drafted from an action's response items; nothing is stored until createBlueprint. */
export interface BlueprintProposal extends BlueprintInput {
  /** Where the fields come from, e.g. "items of the response". */
  source: string;
  /** True when the schema had more properties than a blueprint holds. */
  truncated: boolean;
}

export type MappingKind = 'path' | 'constant' | 'template';

export interface Mapping {
  kind: MappingKind;
  value: string;
}

export interface PlaybookInput {
  name: string;
  integrationId: string;
  actionId: string;
  configurationId: string;
  params: Record<string, string>;
  /** Connected blueprint ids, at most 5. */
  blueprints: string[];
  /** blueprint id → field name → data field. */
  mappings: Record<string, Record<string, Mapping>>;
}

export interface Playbook extends PlaybookInput {
  id: string;
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface MappedRecord {
  /** 0-based index into the action's items. */
  item: number;
  /** The blueprint's name. */
  blueprint: string;
  values: Record<string, unknown>;
  /** Per field: "email: path $.owner.email matched nothing". */
  errors: string[];
}

export type PlaybookStatus = 'complete' | 'incomplete' | 'failed' | 'preview';

export interface PlaybookResult {
  id: string;
  startedAt: Date;
  durationMs: number;
  status: PlaybookStatus;
  message: string;
  items: number;
  records: MappedRecord[];
  errorCount: number;
  sourceRunId: string;
}








function toFields(value: unknown): BlueprintField[] {
  return arr(value).map((f) => ({ name: str(f.name), description: str(f.description), mappingRequired: f.mappingRequired === true }));
}

export function toBlueprint(raw: Raw): Blueprint {
  return {
    id: str(raw.id),
    name: str(raw.name),
    description: str(raw.description),
    fields: toFields(raw.fields),
    integrationId: str(raw.integrationId),
    createdAt: toDate(raw.createdAt),
    updatedAt: toDate(raw.updatedAt),
  };
}

function toMappingKind(value: unknown): MappingKind {
  return value === 'constant' || value === 'template' ? value : 'path';
}

function toMappings(value: unknown): PlaybookInput['mappings'] {
  const out: PlaybookInput['mappings'] = {};
  for (const [bp, fields] of Object.entries(obj(value) ?? {})) {
    const m: Record<string, Mapping> = {};
    for (const [name, raw] of Object.entries(obj(fields) ?? {})) {
      const r = obj(raw) ?? {};
      m[name] = { kind: toMappingKind(r.kind), value: str(r.value) };
    }
    out[bp] = m;
  }
  return out;
}

export function toPlaybook(raw: Raw): Playbook {
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj(raw.params) ?? {})) params[k] = typeof v === 'string' ? v : String(v);
  return {
    id: str(raw.id),
    name: str(raw.name),
    integrationId: str(raw.integrationId),
    actionId: str(raw.actionId),
    configurationId: str(raw.configurationId),
    params,
    blueprints: strs(raw.blueprints),
    mappings: toMappings(raw.mappings),
    enabled: raw.enabled === true,
    createdAt: toDate(raw.createdAt),
    updatedAt: toDate(raw.updatedAt),
  };
}

function toStatus(value: unknown): PlaybookStatus {
  return value === 'incomplete' || value === 'failed' || value === 'preview' ? value : 'complete';
}

export function toPlaybookResult(raw: Raw): PlaybookResult {
  return {
    id: str(raw.id),
    startedAt: toDate(raw.startedAt),
    durationMs: num(raw.durationMs),
    status: toStatus(raw.status),
    message: str(raw.message),
    items: num(raw.items),
    records: arr(raw.records).map((r) => ({
      item: num(r.item),
      blueprint: str(r.blueprint),
      values: obj(r.values) ?? {},
      errors: strs(r.errors),
    })),
    errorCount: num(raw.errorCount),
    sourceRunId: str(raw.sourceRunId),
  };
}

function blueprintInput(input: BlueprintInput): never {
  return {
    name: input.name,
    description: input.description,
    fields: input.fields.map((f) => ({ name: f.name, description: f.description, mappingRequired: f.mappingRequired })),
    integrationId: input.integrationId,
  } as never;
}

function playbookInput(input: PlaybookInput): never {
  return { ...input, params: { ...input.params }, blueprints: [...input.blueprints], mappings: input.mappings } as never;
}

// ---- Blueprints ----

export function listBlueprints(): Promise<Blueprint[]> {
  return call(async () => arr(await goListBlueprints()).map(toBlueprint));
}

/** Field errors name "name", "description", "fields", "fields[i].name"…; the 11th blueprint is a conflict naming the limit. */
export function createBlueprint(input: BlueprintInput): Promise<Blueprint> {
  return call(async () => toBlueprint(((await goCreateBlueprint(blueprintInput(input))) ?? {}) as unknown as Raw));
}

export function updateBlueprint(id: string, input: BlueprintInput): Promise<Blueprint> {
  return call(async () => toBlueprint(((await goUpdateBlueprint(id, blueprintInput(input))) ?? {}) as unknown as Raw));
}

/** Refused with a conflict naming the playbooks that use the blueprint. */
export function deleteBlueprint(id: string): Promise<void> {
  return call(() => goDeleteBlueprint(id));
}

/** Drafts a blueprint from the items of the action's 2xx response schema; nothing is stored. */
export function proposeBlueprint(integrationId: string, actionId: string): Promise<BlueprintProposal> {
  return call(async () => {
    const raw = ((await goProposeBlueprint(integrationId, actionId)) ?? {}) as unknown as Raw;
    return {
      name: str(raw.name),
      description: str(raw.description),
      fields: toFields(raw.fields),
      integrationId: str(raw.integrationId),
      source: str(raw.source),
      truncated: raw.truncated === true,
    };
  });
}

// ---- Playbooks ----

export function listPlaybooks(): Promise<Playbook[]> {
  return call(async () => arr(await goListPlaybooks()).map(toPlaybook));
}

/** Field errors name "name", "actionId", "blueprints", "mappings", "mappings.<Blueprint>.<field>". */
export function createPlaybook(input: PlaybookInput): Promise<Playbook> {
  return call(async () => toPlaybook(((await goCreatePlaybook(playbookInput(input))) ?? {}) as unknown as Raw));
}

export function updatePlaybook(id: string, input: PlaybookInput): Promise<Playbook> {
  return call(async () => toPlaybook(((await goUpdatePlaybook(id, playbookInput(input))) ?? {}) as unknown as Raw));
}

/** Enabling is refused while a "mapping required" field is unmapped; the message lists them. */
export function setPlaybookEnabled(id: string, on: boolean): Promise<Playbook> {
  return call(async () => toPlaybook(((await goSetPlaybookEnabled(id, on)) ?? {}) as unknown as Raw));
}

export function deletePlaybook(id: string): Promise<void> {
  return call(() => goDeletePlaybook(id));
}

/** Runs the action with its pagination and maps every item; the run is kept. */
export function runPlaybook(id: string): Promise<PlaybookResult> {
  return call(async () => toPlaybookResult(((await goRunPlaybook(id)) ?? {}) as unknown as Raw));
}

/** Maps the action's last Test-panel run without calling the vendor; refused on "actionId" when it was never tested. */
export function previewPlaybook(input: PlaybookInput): Promise<PlaybookResult> {
  return call(async () => toPlaybookResult(((await goPreviewPlaybook(playbookInput(input))) ?? {}) as unknown as Raw));
}

/** A playbook's kept runs, newest first. */
export function listPlaybookRuns(id: string): Promise<PlaybookResult[]> {
  return call(async () => arr(await goListPlaybookRuns(id)).map(toPlaybookResult));
}
