// File kinds the UI routes on, without a call to Go (safe to use in tests as is).

/** The extension of bundle files (bundle.Extension on the Go side). */
export const BUNDLE_EXTENSION = '.isbundle';

/** True for a file name or path that names a bundle (".isbundle", any case). */
export function isBundleFile(nameOrPath: string): boolean {
  return nameOrPath.trim().toLowerCase().endsWith(BUNDLE_EXTENSION);
}
