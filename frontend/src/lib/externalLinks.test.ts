import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../api';
import { externalUrl, installExternalLinkHandler } from './externalLinks';

vi.mock('../api', () => ({ openExternal: vi.fn() }));

const openExternal = vi.mocked(api.openExternal);

describe('externalUrl', () => {
  const base = 'http://localhost:34115/#/integrations';
  it.each<[string, string | null]>([
    ['https://example.com/docs', 'https://example.com/docs'],
    ['http://example.com', 'http://example.com/'],
    ['//example.com/x', 'http://example.com/x'],
    ['#/settings', null],
    ['/assets/logo.svg', null],
    ['http://localhost:34115/other', null],
    ['mailto:someone@example.com', null],
    ['javascript:alert(1)', null],
    ['file:///etc/passwd', null],
  ])('%s', (href, expected) => {
    expect(externalUrl(href, base)).toBe(expected);
  });
});

describe('installExternalLinkHandler', () => {
  let uninstall: () => void;
  const originalOpen = window.open;

  beforeEach(() => {
    openExternal.mockResolvedValue(undefined);
    uninstall = installExternalLinkHandler();
  });
  afterEach(() => {
    uninstall();
    document.body.innerHTML = '';
  });

  function clickLink(href: string, inner = false): MouseEvent {
    const a = document.createElement('a');
    a.href = href;
    a.target = '_blank';
    const span = document.createElement('span');
    span.textContent = 'link';
    a.appendChild(span);
    document.body.appendChild(a);
    const event = new MouseEvent('click', { bubbles: true, cancelable: true });
    (inner ? span : a).dispatchEvent(event);
    return event;
  }

  it('opens other-origin links in the system browser instead of navigating', () => {
    const event = clickLink('https://example.com/docs', true);
    expect(event.defaultPrevented).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://example.com/docs');
  });

  it('leaves in-app links alone', () => {
    const event = clickLink('#/settings');
    expect(event.defaultPrevented).toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('routes window.open to the system browser and returns null', () => {
    expect(window.open).not.toBe(originalOpen);
    expect(window.open('https://example.com/a', '_blank')).toBeNull();
    expect(openExternal).toHaveBeenCalledWith('https://example.com/a');
    expect(window.open('javascript:alert(1)')).toBeNull();
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('reports a refusal from the Go side', async () => {
    uninstall();
    const onError = vi.fn();
    uninstall = installExternalLinkHandler({ onError });
    openExternal.mockRejectedValue({ code: 'invalid', message: 'Only http(s) links can be opened.' });
    clickLink('https://example.com/');
    await vi.waitFor(() => expect(onError).toHaveBeenCalled());
    expect(onError.mock.calls[0]![1]).toBe('https://example.com/');
  });

  it('restores window.open when uninstalled', () => {
    uninstall();
    expect(window.open).toBe(originalOpen);
    uninstall = () => {};
  });
});
