import { ActionIcon, Alert, Anchor, Box, Button, Group, Loader, Menu, Paper, Stack, Stepper, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertCircle,
  IconArrowLeft,
  IconArrowRight,
  IconCheck,
  IconCloudCheck,
  IconDots,
  IconFileExport,
  IconKey,
  IconLock,
  IconSettings,
  IconTrash,
} from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  authMethods,
  authSharedWarning,
  checkEditForm,
  EDITOR_STEPS,
  getEditorDraft,
  getIntegration,
  integrationSuggestions,
  oauth2Guidance,
  paginationTypes,
  saveEditorDraft,
  toApiError,
  updateIntegration,
  type ApiError,
  type AuthAdvice,
  type AuthChoice,
  type EditForm,
  type EditorStep,
  type FieldProblem,
  type FormSuggestions,
  type Integration,
  type PaginationTypeOption,
} from '../api';
import { trimSpace } from '../api/validation';
import { ActionsEditor } from '../components/actions/ActionsEditor';
import { ExportBundleModal } from '../components/bundles/ExportBundleModal';
import { ConfigurationsTab } from '../components/configurations/ConfigurationsTab';
import { DeleteIntegrationModal } from '../components/DeleteIntegrationModal';
import { IntegrationIcon } from '../components/IntegrationIcon';
import { StatusBadge } from '../components/StatusBadge';
import { hrefFor, useRouteId } from '../lib/router';
import { AuthDefaultsStep } from './editor/AuthDefaultsStep';
import { AuthMethodStep } from './editor/AuthMethodStep';
import { DetailsStep } from './editor/DetailsStep';
import { FinalizeStep } from './editor/FinalizeStep';
import {
  formOf,
  formToCommit,
  problemMap,
  problemsOfStep,
  resumeForm,
  sameJSON,
  STEP_LABELS,
  stepIndex,
  stepOfField,
  withFrozenFrom,
} from './editor/form';
import { HostnameStep } from './editor/HostnameStep';
import { PaginationDetailsStep, PaginationTypeStep } from './editor/PaginationSteps';
import type { StepProps } from './editor/stepProps';

// Wait for a pause in typing before autosaving the draft / checking the form.
const AUTOSAVE_DELAY_MS = 400;
const CHECK_DELAY_MS = 200;

interface Loaded {
  integration: Integration;
  form: EditForm;
  step: EditorStep;
  suggestions: FormSuggestions;
  authChoices: AuthChoice[];
  paginationTypes: PaginationTypeOption[];
  sharedWarning: string;
  oauthAdvice: AuthAdvice;
  resumed: boolean;
}

/**
 * A new editor (no draft yet) starts from the stored integration, with what
 * the imported spec suggests filled into what is still unset; the user sees
 * each suggestion and its evidence on its step and can change it.
 */
function prefilled(it: Integration, sug: FormSuggestions): EditForm {
  const form = formOf(it);
  // Once finalized, hostname, auth method and pagination type are what they are.
  if (it.finalizedAt !== null) return form;
  if (!form.hostname && sug.hostname?.hostname) form.hostname = sug.hostname.hostname;
  if (form.auth.method === 'none' && sug.auth[0]) form.auth = { ...sug.auth[0].auth };
  if (form.pagination.type === 'none' && sug.pagination) form.pagination = { ...sug.pagination.pagination };
  return form;
}

export function IntegrationEditorPage() {
  const id = useRouteId();
  const [state, setState] = useState<{ status: 'loading' } | { status: 'error'; error: ApiError } | ({ status: 'ready' } & Loaded)>({
    status: 'loading',
  });
  useEffect(() => {
    let live = true;
    Promise.all([
      getIntegration(id),
      getEditorDraft(id),
      integrationSuggestions(id),
      authMethods(),
      paginationTypes(),
      authSharedWarning(),
      oauth2Guidance(),
    ]).then(
      ([integration, draft, suggestions, authChoices, types, sharedWarning, oauthAdvice]) => {
        if (!live) return;
        setState({
          status: 'ready',
          integration,
          form: draft
            ? resumeForm(draft.step, draft.form, formOf(integration), integration.finalizedAt !== null)
            : prefilled(integration, suggestions),
          step: draft?.step ?? 'details',
          suggestions,
          authChoices,
          paginationTypes: types,
          sharedWarning,
          oauthAdvice,
          resumed: !!draft && !(draft.step === 'details' && sameJSON(draft.form, formOf(integration))),
        });
      },
      (err) => live && setState({ status: 'error', error: toApiError(err) }),
    );
    return () => {
      live = false;
    };
  }, [id]);

  if (state.status === 'loading') {
    return (
      <Group justify="center" py={80}>
        <Loader />
      </Group>
    );
  }
  if (state.status === 'error') {
    return (
      <Alert color="red" variant="light" icon={<IconAlertCircle size={20} />} title="Cannot open this integration" data-testid="editor-error">
        <Text size="sm" mb="sm">
          {state.error.message}
        </Text>
        <Anchor href={hrefFor('integrations')}>Back to integrations</Anchor>
      </Alert>
    );
  }
  return <Editor key={id} {...state} />;
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'error'; message: string };

function Editor(loaded: Loaded) {
  const [integration, setIntegration] = useState(loaded.integration);
  const [form, setFormState] = useState(loaded.form);
  const [step, setStep] = useState<EditorStep>(loaded.step);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [attempted, setAttempted] = useState<Set<EditorStep>>(new Set());
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [unsavedMapping, setUnsavedMapping] = useState(false);
  const [tab, setTab] = useState<'setup' | 'configurations'>('setup');
  // The Configurations tab loads (and starts refreshing) on its first visit, then stays mounted.
  const [configurationsVisited, setConfigurationsVisited] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const frozen = integration.finalizedAt !== null;
  const id = integration.id;

  // Autosave: the step and form as typed, after a pause; flushed when leaving the page.
  // Saves run one after another, so an older one can never land after a newer one.
  const pending = useRef<{ step: EditorStep; form: EditForm } | null>(null);
  const saving = useRef<Promise<unknown>>(Promise.resolve());
  const flush = useCallback(() => {
    const p = pending.current;
    if (!p) return;
    pending.current = null;
    setSaveState({ kind: 'saving' });
    saving.current = saving.current.then(() =>
      saveEditorDraft(id, p.step, p.form).then(
        () => setSaveState({ kind: 'saved', at: new Date() }),
        (err) => setSaveState({ kind: 'error', message: toApiError(err).message }),
      ),
    );
  }, [id]);
  useEffect(() => {
    window.addEventListener('beforeunload', flush);
    return () => window.removeEventListener('beforeunload', flush);
  }, [flush]);
  // A new step is saved at once (it is one click, and quitting right after
  // must still resume there); typing is saved after a pause.
  const last = useRef({ step, form });
  useEffect(() => {
    if (last.current.step === step && last.current.form === form) return;
    const stepChanged = last.current.step !== step;
    last.current = { step, form };
    pending.current = { step, form };
    if (stepChanged) {
      flush();
      return;
    }
    const t = setTimeout(flush, AUTOSAVE_DELAY_MS);
    return () => clearTimeout(t);
  }, [step, form, flush]);
  useEffect(() => flush, [flush]);

  // Live check with the backend's own rules and messages.
  useEffect(() => {
    let live = true;
    const t = setTimeout(() => {
      checkEditForm(form).then(
        (p) => live && setProblems(p),
        () => {},
      );
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [form]);

  const setForm = (next: EditForm) => {
    setFormState(next);
    setServerErrors({});
    setFormError(null);
  };
  /** A changed integration; once it is finalized, the form follows what is now read-only. */
  const onIntegration = useCallback((it: Integration) => {
    setIntegration(it);
    if (it.finalizedAt !== null) setFormState((f) => withFrozenFrom(f, formOf(it)));
  }, []);
  const touch = useCallback((field: string) => setTouched((s) => (s.has(field) ? s : new Set(s).add(field))), []);
  const live = useMemo(() => problemMap(problems), [problems]);
  const errorOf = (field: string): string | undefined => {
    if (serverErrors[field]) return serverErrors[field];
    const msg = live[field];
    if (!msg) return undefined;
    const owner = EDITOR_STEPS.find((s) => attempted.has(s) && problemsOfStep([{ field, message: msg }], s).length > 0);
    return touched.has(field) || owner ? msg : undefined;
  };

  /** Problems that keep the user on step s (the backend's, plus a missing hostname). */
  const blockers = (all: FieldProblem[], s: EditorStep): FieldProblem[] => {
    const mine = problemsOfStep(all, s);
    if (s === 'hostname' && trimSpace(form.hostname) === '') {
      mine.push({ field: 'hostname', message: "Hostname is required: the host every action calls, e.g. api.example.com." });
    }
    return mine;
  };

  /** Goes to target: back freely; forward only past steps without problems, storing what was passed. */
  const goTo = async (target: EditorStep) => {
    if (busy) return;
    const from = stepIndex(step);
    const to = stepIndex(target);
    if (to === from) return;
    if (unsavedMapping) {
      setFormError('The organization mapping has changes that are not saved: save or revert them before leaving this step.');
      return;
    }
    if (to < from) {
      setStep(target);
      return;
    }
    setBusy(true);
    try {
      const all = await checkEditForm(form);
      setProblems(all);
      for (let i = from; i < to; i++) {
        const s = EDITOR_STEPS[i]!;
        const mine = blockers(all, s);
        if (mine.length > 0) {
          setAttempted((a) => new Set(a).add(s));
          if (s === 'hostname') setServerErrors((e) => ({ ...e, ...problemMap(mine) }));
          setStep(s);
          return;
        }
      }
      const stored = formOf(integration);
      const commit = formToCommit(EDITOR_STEPS[to - 1]!, form, stored);
      if (!sameJSON(commit, stored)) {
        const saved = await updateIntegration(id, commit);
        setIntegration(saved);
      }
      setStep(target);
    } catch (err) {
      const e = toApiError(err);
      // Shown on its field when that field is on a step the user can be sent back to, else above the step.
      const owner = e.field ? stepOfField(e.field) : null;
      if (owner && stepIndex(owner) < to) {
        setServerErrors({ [e.field!]: e.message });
        setStep(owner);
      } else {
        setFormError(e.message);
      }
    } finally {
      setBusy(false);
    }
  };

  /**
   * Done: everything is stored. The draft becomes the stored form on the first step, so the next
   * visit starts there, without a "resumed" note, and never re-applies the spec's suggestions
   * over what the user chose.
   */
  const finish = async () => {
    pending.current = null;
    await saving.current;
    await saveEditorDraft(id, 'details', formOf(integration)).catch(() => {});
    window.location.hash = hrefFor('integrations');
  };

  /** Deleted: nothing left to autosave; back to the list. */
  const onDeleted = () => {
    pending.current = null;
    setDeleting(false);
    notifications.show({ color: 'teal', title: 'Integration deleted', message: `“${integration.name}” and its configurations' secrets were deleted.` });
    window.location.hash = hrefFor('integrations');
  };

  const props: StepProps = {
    form,
    setForm,
    errorOf,
    touch,
    integration,
    onIntegration,
    disabled: busy,
    frozen,
    suggestions: loaded.suggestions,
    authChoices: loaded.authChoices,
    paginationTypes: loaded.paginationTypes,
    sharedWarning: loaded.sharedWarning,
    oauthAdvice: loaded.oauthAdvice,
  };
  const i = stepIndex(step);
  const stepProblems = attempted.has(step) ? blockers(problems, step) : [];

  return (
    <Stack gap="lg" data-testid="integration-editor" data-step={step}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Group gap="md" wrap="nowrap">
          <div data-testid="editor-icon">
            <IntegrationIcon svg={integration.iconSvg} size={44} />
          </div>
          <div>
            <Group gap="xs">
              <Title order={2} data-testid="editor-title">
                {integration.name}
              </Title>
              <span data-testid="editor-status">
                <StatusBadge status={integration.status} />
              </span>
              {frozen && <IconLock size={16} aria-label="Finalized" />}
            </Group>
            <Text size="sm" c="dimmed">
              {loaded.resumed ? 'Resumed where you left off. ' : ''}
              {integration.actionCount} action{integration.actionCount === 1 ? '' : 's'} · {integration.hostname || 'no hostname yet'}
            </Text>
          </div>
        </Group>
        <Group gap="sm" wrap="nowrap">
          <AutosaveIndicator state={saveState} />
          <Button variant="default" leftSection={<IconFileExport size={16} />} onClick={() => setExporting(true)} data-testid="export-integration">
            Export
          </Button>
          <Menu position="bottom-end" withinPortal shadow="md">
            <Menu.Target>
              <ActionIcon variant="default" size="lg" aria-label="More actions" data-testid="integration-menu">
                <IconDots size={16} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => setDeleting(true)} data-testid="delete-integration">
                Delete integration…
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      <ExportBundleModal integration={integration} opened={exporting} onClose={() => setExporting(false)} />
      <DeleteIntegrationModal integration={integration} opened={deleting} onClose={() => setDeleting(false)} onDeleted={onDeleted} />

      <Tabs
        value={tab}
        onChange={(v) => {
          if (v !== 'setup' && v !== 'configurations') return;
          setTab(v);
          if (v === 'configurations') setConfigurationsVisited(true);
        }}
        data-testid="integration-tabs"
      >
        <Tabs.List mb="lg">
          <Tabs.Tab value="setup" leftSection={<IconSettings size={16} />} data-testid="tab-setup">
            Setup
          </Tabs.Tab>
          <Tabs.Tab value="configurations" leftSection={<IconKey size={16} />} data-testid="tab-configurations">
            Configurations
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="setup">
          <Group align="flex-start" wrap="nowrap" gap="xl">
            <Box w={220} style={{ flex: 'none', position: 'sticky', top: 24 }}>
              <Stepper
                active={i}
                onStepClick={(n) => void goTo(EDITOR_STEPS[n]!)}
                size="sm"
                orientation="vertical"
                allowNextStepsSelect
                data-testid="editor-stepper"
              >
                {EDITOR_STEPS.map((s) => (
                  <Stepper.Step
                    key={s}
                    label={STEP_LABELS[s].label}
                    description={STEP_LABELS[s].description}
                    allowStepSelect={!busy}
                    data-testid={`step-${s}`}
                  />
                ))}
              </Stepper>
            </Box>
            <Stack gap="lg" style={{ flex: 1, minWidth: 0 }}>
              <Paper withBorder radius="lg" p="xl">
                <Title order={3} mb="md" data-testid="step-title">
                  {STEP_LABELS[step].label}
                </Title>
                {formError && (
                  <Alert color="red" variant="light" mb="md" icon={<IconAlertCircle size={18} />} data-testid="editor-form-error">
                    {formError}
                  </Alert>
                )}
                {stepProblems.length > 0 && (
                  <Alert color="red" variant="light" mb="md" icon={<IconAlertCircle size={18} />} data-testid="step-problems" title="Fix these to continue">
                    {stepProblems.length === 1 ? stepProblems[0]!.message : `${stepProblems.length} fields need attention; each is marked below.`}
                  </Alert>
                )}
                {step === 'details' && <DetailsStep {...props} />}
                {step === 'hostname' && <HostnameStep {...props} />}
                {step === 'auth_method' && <AuthMethodStep {...props} />}
                {step === 'auth_defaults' && <AuthDefaultsStep {...props} />}
                {step === 'pagination_type' && <PaginationTypeStep {...props} />}
                {step === 'pagination_details' && <PaginationDetailsStep {...props} />}
                {step === 'actions' && (
                  <ActionsEditor
                integration={integration}
                onActionsChanged={() => void getIntegration(id).then(onIntegration, () => {})}
                onUnsavedChange={setUnsavedMapping}
                onOpenConfigurations={() => {
                  setTab('configurations');
                  setConfigurationsVisited(true);
                }}
              />
                )}
                {step === 'finalize' && <FinalizeStep {...props} />}
              </Paper>

              <Group justify="space-between">
                <Button
                  variant="default"
                  leftSection={<IconArrowLeft size={16} />}
                  onClick={() => void goTo(EDITOR_STEPS[i - 1]!)}
                  disabled={i === 0 || busy}
                  data-testid="editor-back"
                >
                  Back
                </Button>
                {i < EDITOR_STEPS.length - 1 ? (
                  <Button rightSection={<IconArrowRight size={16} />} onClick={() => void goTo(EDITOR_STEPS[i + 1]!)} loading={busy} data-testid="editor-next">
                    Next: {STEP_LABELS[EDITOR_STEPS[i + 1]!].label}
                  </Button>
                ) : (
                  <Button
                variant="light"
                leftSection={<IconCheck size={16} />}
                onClick={() => void finish()}
                disabled={busy || unsavedMapping}
                data-testid="editor-done"
              >
                    Done
                  </Button>
                )}
              </Group>
            </Stack>
          </Group>
        </Tabs.Panel>
        <Tabs.Panel value="configurations">{configurationsVisited && <ConfigurationsTab integration={integration} />}</Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function AutosaveIndicator({ state }: { state: SaveState }) {
  if (state.kind === 'idle') return null;
  if (state.kind === 'error') {
    return (
      <Text size="xs" c="red" data-testid="autosave" role="status">
        Draft not saved: {state.message}
      </Text>
    );
  }
  return (
    <Group gap={4} data-testid="autosave" role="status">
      {state.kind === 'saving' ? <Loader size={12} /> : <IconCloudCheck size={16} color="var(--mantine-color-teal-6)" />}
      <Text size="xs" c="dimmed">
        {state.kind === 'saving' ? 'Saving draft…' : 'Draft saved'}
      </Text>
    </Group>
  );
}
