import { notifications } from '@mantine/notifications';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  importBundleFile,
  inspectBundleFile,
  onBundleFileDrop,
  pickBundleFile,
  toApiError,
  type ApiError,
  type BundleImported,
  type BundlePreview,
} from '../../api';
import { plural } from '../../lib/importFormat';
import { hrefFor } from '../../lib/router';
import { BundlePreviewModal, type ConflictPick } from './BundlePreviewModal';

export interface BundleImportApi {
  /** Asks for a bundle (file dialog), then shows its preview. */
  pick: () => Promise<void>;
  /** Shows the preview of the bundle at path (a dropped or chosen file). */
  open: (path: string) => void;
  /** Counts finished imports, so pages can show what changed. */
  imports: number;
}

const BundleImportContext = createContext<BundleImportApi | null>(null);

export function useBundleImport(): BundleImportApi {
  const ctx = useContext(BundleImportContext);
  if (!ctx) throw new Error('useBundleImport needs a BundleImportProvider around it');
  return ctx;
}

type Flow = { path: string; preview: BundlePreview | null; error: ApiError | null };

/**
 * The bundle import, from anywhere in the app: the Integrations page's
 * "Import bundle", a chosen or dropped .isbundle file (dropped anywhere on
 * the window). Shows the preview; Import stores it and opens the integration.
 */
export function BundleImportProvider({ children }: { children: ReactNode }) {
  const [flow, setFlow] = useState<Flow | null>(null);
  const [choice, setChoice] = useState<ConflictPick>('keep-both');
  const [importing, setImporting] = useState(false);
  const [imports, setImports] = useState(0);
  const ticket = useRef(0);
  const importingRef = useRef(false);

  const open = useCallback((path: string) => {
    if (importingRef.current) return;
    const mine = ++ticket.current;
    setFlow({ path, preview: null, error: null });
    setChoice('keep-both');
    inspectBundleFile(path).then(
      (preview) => mine === ticket.current && setFlow({ path, preview, error: null }),
      (err) => mine === ticket.current && setFlow({ path, preview: null, error: toApiError(err) }),
    );
  }, []);

  const pick = useCallback(async () => {
    try {
      const path = await pickBundleFile();
      if (path) open(path);
    } catch (err) {
      notifications.show({ color: 'red', title: 'Could not choose a bundle', message: toApiError(err).message });
    }
  }, [open]);

  useEffect(() => onBundleFileDrop(open), [open]);

  const close = () => {
    ticket.current++;
    setFlow(null);
  };

  const onImported = (done: BundleImported) => {
    const needs = done.preview.configurations.filter((c) => c.secretsNeeded.length > 0).length;
    const what = done.mode === 'replace' ? 'replaced' : done.mode === 'copy' ? `imported as “${done.name}”` : 'imported';
    notifications.show({
      color: 'teal',
      title: done.mode === 'replace' ? 'Integration replaced' : 'Integration imported',
      message:
        `“${done.preview.name}” was ${what} with ${plural(done.preview.actions, 'action')}.` +
        (needs > 0 ? ` Enter the secrets of ${plural(needs, 'configuration')} on its Configurations tab.` : ''),
      autoClose: 8_000,
    });
    setFlow(null);
    setImports((n) => n + 1);
    window.location.hash = hrefFor('integration', done.id);
  };

  const doImport = async () => {
    if (!flow?.preview || importingRef.current) return;
    if (flow.preview.conflict && choice === 'cancel') {
      close();
      return;
    }
    importingRef.current = true;
    setImporting(true);
    setFlow((f) => (f ? { ...f, error: null } : f));
    try {
      const onConflict = flow.preview.conflict ? (choice === 'replace' ? 'replace' : 'keep-both') : 'fail';
      onImported(await importBundleFile(flow.path, onConflict));
    } catch (err) {
      setFlow((f) => (f ? { ...f, error: toApiError(err) } : f));
    } finally {
      importingRef.current = false;
      setImporting(false);
    }
  };

  const api = useMemo(() => ({ pick, open, imports }), [pick, open, imports]);
  return (
    <BundleImportContext.Provider value={api}>
      {children}
      <BundlePreviewModal
        opened={flow !== null}
        path={flow?.path ?? ''}
        preview={flow?.preview ?? null}
        error={flow?.error ?? null}
        importing={importing}
        choice={choice}
        onChoiceChange={setChoice}
        onImport={() => void doImport()}
        onClose={close}
      />
    </BundleImportContext.Provider>
  );
}
