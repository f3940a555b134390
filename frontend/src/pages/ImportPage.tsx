import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  ApiError,
  discardSpecImport,
  importSpecFile,
  importSpecText,
  isBundleFile,
  isDesktopApp,
  onNativeFileDrop,
  onSpecProgress,
  pickSpecFile,
  toApiError,
  type ImportedIntegration,
  type ImportPreview,
} from '../api';
import { useBundleImport } from '../components/bundles/BundleImport';
import { PageHeader } from '../components/PageHeader';
import { ReviewStep } from '../components/import/ReviewStep';
import { SpecInput, type InputTab } from '../components/import/SpecInput';
import { useRoute } from '../lib/router';
import { plural } from '../lib/importFormat';

/** In the app, how long an HTML drop waits for the same file's path to arrive natively. */
const NATIVE_DROP_WAIT_MS = 800;

function forget(importId: string) {
  // Best effort: the import only lives in the Go process's memory.
  void Promise.resolve()
    .then(() => discardSpecImport(importId))
    .catch(() => {});
}

/** Shown when a bundle reaches the spec import without a path the bundle import can read. */
const BUNDLE_HINT =
  'This is an Integration Studio bundle, not an OpenAPI file. Import it with “Import bundle” on the Integrations page, or drop it on the app window.';

export function ImportPage() {
  const [, navigate] = useRoute();
  const bundles = useBundleImport();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ stage: string; message: string } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [tab, setTab] = useState<InputTab>('file');
  const [pasteName, setPasteName] = useState('');
  const [pasteText, setPasteText] = useState('');
  const [allowFileRefs, setAllowFileRefs] = useState(false);

  const fileInput = useRef<HTMLInputElement>(null);
  const busyRef = useRef(false);
  const mounted = useRef(true);
  const openImport = useRef<string | null>(null);
  const allowRefs = useRef(allowFileRefs);
  allowRefs.current = allowFileRefs;
  const pendingDrop = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      if (pendingDrop.current) clearTimeout(pendingDrop.current);
      // Leaving the page without saving: free the import on the Go side.
      if (openImport.current) forget(openImport.current);
      openImport.current = null;
    };
  }, []);

  // Progress events carry the import id, which is only known once the
  // import returns; only one import runs at a time, so show them all.
  useEffect(
    () =>
      onSpecProgress((p) => {
        if (busyRef.current && mounted.current) setProgress({ stage: p.stage, message: p.message });
      }),
    [],
  );

  const run = useCallback(async (work: () => Promise<ImportPreview>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setError(null);
    setProgress(null);
    try {
      const result = await work();
      if (!mounted.current) {
        forget(result.importId);
        return;
      }
      openImport.current = result.importId;
      setPreview(result);
    } catch (err) {
      if (mounted.current) setError(toApiError(err));
    } finally {
      busyRef.current = false;
      if (mounted.current) {
        setBusy(false);
        setProgress(null);
      }
    }
  }, []);

  const openBundle = bundles.open;
  // A bundle chosen or dropped here goes to the bundle import instead.
  const importPath = useCallback(
    async (path: string) => (isBundleFile(path) ? openBundle(path) : run(() => importSpecFile(path, allowRefs.current))),
    [run, openBundle],
  );
  const importFile = useCallback((file: File) => run(async () => importSpecText(file.name, await file.text())), [run]);

  // In the app, a file dropped on the drop zone arrives as a path. The
  // webview also fires an HTML drop for it (handled in onFile below).
  const onStep1 = preview === null;
  useEffect(() => {
    if (!onStep1) return;
    return onNativeFileDrop((paths) => {
      if (pendingDrop.current) {
        clearTimeout(pendingDrop.current);
        pendingDrop.current = null;
      }
      const path = paths[0];
      if (path) void importPath(path);
    });
  }, [onStep1, importPath]);

  const onFile = (file: File, via: 'input' | 'drop') => {
    if (isBundleFile(file.name)) {
      // In the app a dropped bundle's path arrives natively and opens the bundle import.
      if (via === 'drop' && isDesktopApp()) return;
      setError(new ApiError('invalid', BUNDLE_HINT));
      return;
    }
    if (via === 'drop' && isDesktopApp()) {
      // Prefer the native path (it can follow file references); fall back
      // to the file's contents if no path turns up.
      if (pendingDrop.current) clearTimeout(pendingDrop.current);
      pendingDrop.current = setTimeout(() => {
        pendingDrop.current = null;
        void importFile(file);
      }, NATIVE_DROP_WAIT_MS);
      return;
    }
    void importFile(file);
  };

  const onChoose = async () => {
    if (busyRef.current) return;
    if (!isDesktopApp()) {
      // A plain browser (wails dev): the native dialog would open on the app's window.
      fileInput.current?.click();
      return;
    }
    setError(null);
    try {
      const path = await pickSpecFile();
      if (path) await importPath(path);
    } catch (err) {
      if (mounted.current) setError(toApiError(err));
    }
  };

  const onSaved = (saved: ImportedIntegration) => {
    openImport.current = null;
    notifications.show({
      color: 'teal',
      title: 'Integration imported',
      message: `"${saved.integration.name}" was saved as a draft with ${plural(saved.actions, 'action')}.`,
    });
    navigate('integration', saved.integration.id);
  };

  const onDiscard = async () => {
    const id = preview?.importId;
    openImport.current = null;
    setPreview(null);
    if (!id) return;
    try {
      await discardSpecImport(id);
    } catch (err) {
      // Nothing is lost: the import was never stored.
      notifications.show({ color: 'yellow', title: 'Import discarded', message: toApiError(err).message });
    }
  };

  return (
    <>
      <PageHeader
        title="Import OpenAPI"
        description={
          preview
            ? 'Review what was found, fix what you can, then save the spec as a draft integration.'
            : 'Start an integration from an OpenAPI 3 or Swagger 2.0 description of the vendor’s API.'
        }
      />
      {preview ? (
        <ReviewStep
          key={preview.importId}
          preview={preview}
          onPreviewChange={setPreview}
          onSaved={onSaved}
          onDiscard={onDiscard}
        />
      ) : (
        <SpecInput
          busy={busy}
          progress={progress}
          error={error}
          tab={tab}
          onTabChange={setTab}
          allowFileRefs={allowFileRefs}
          onAllowFileRefsChange={setAllowFileRefs}
          pasteName={pasteName}
          onPasteNameChange={setPasteName}
          pasteText={pasteText}
          onPasteTextChange={setPasteText}
          onChoose={() => void onChoose()}
          onFile={onFile}
          onImportPasted={() => void run(() => importSpecText(pasteName.trim(), pasteText))}
          fileInputRef={fileInput}
        />
      )}
    </>
  );
}
