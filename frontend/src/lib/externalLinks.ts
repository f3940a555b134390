// The webview must never navigate away from the app: a page from the
// internet loaded into it could call every bound Go method. Links to other
// origins therefore open in the system browser, and window.open is routed
// the same way.
import { openExternal } from '../api';

/** Returns the absolute URL when href points at an http(s) page on another origin. */
export function externalUrl(href: string, base: string = window.location.href): string | null {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.origin === new URL(base).origin) return null;
  return url.href;
}

function anchorFrom(target: EventTarget | null): HTMLAnchorElement | null {
  if (!(target instanceof Element)) return null;
  const el = target.closest('a[href], area[href]');
  return el as HTMLAnchorElement | null;
}

export interface ExternalLinkOptions {
  /** Called when the Go side refuses or fails to open a link. */
  onError?: (err: unknown, url: string) => void;
}

/** Installs the global handlers; returns a function that removes them. */
export function installExternalLinkHandler(options: ExternalLinkOptions = {}): () => void {
  const open = (url: string) => {
    openExternal(url).catch((err: unknown) => options.onError?.(err, url));
  };

  const onClick = (event: MouseEvent) => {
    if (event.type === 'auxclick' && event.button !== 1) return;
    const anchor = anchorFrom(event.target);
    if (!anchor) return;
    const href = anchor.getAttribute('href');
    if (!href) return;
    const url = externalUrl(href);
    if (!url) return;
    // Capture phase on document: runs before any other handler, so the
    // webview never starts the navigation.
    event.preventDefault();
    open(url);
  };

  const originalOpen = window.open;
  window.open = function routedOpen(url?: string | URL): WindowProxy | null {
    if (url === undefined || url === null) return null;
    const target = externalUrl(String(url));
    if (target) open(target);
    return null;
  };

  document.addEventListener('click', onClick, true);
  document.addEventListener('auxclick', onClick, true);
  return () => {
    document.removeEventListener('click', onClick, true);
    document.removeEventListener('auxclick', onClick, true);
    window.open = originalOpen;
  };
}
