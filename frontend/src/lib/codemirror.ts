// The look CodeMirror gets in this app (the diff of fixes, the action
// drawer's JSON editors): Mantine's colours and monospace font, and JSON
// highlighting readable on both colour schemes. Imported only by lazily
// loaded components, so CodeMirror stays out of the main chunk.
import { defaultHighlightStyle, HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { tags } from '@lezer/highlight';

// defaultHighlightStyle is made for light backgrounds.
const darkJsonHighlight = HighlightStyle.define([
  { tag: tags.propertyName, color: '#9cdcfe' },
  { tag: tags.string, color: '#ce9178' },
  { tag: tags.number, color: '#b5cea8' },
  { tag: [tags.bool, tags.null], color: '#569cd6' },
  { tag: tags.invalid, color: '#f44747' },
]);

export function jsonHighlighting(dark: boolean): Extension {
  return syntaxHighlighting(dark ? darkJsonHighlight : defaultHighlightStyle);
}

type Spec = Record<string, Record<string, string>>;

/** Mantine's look; extra adds or overrides rules (its "&" and ".cm-scroller" are merged in). */
export function mantineTheme(dark: boolean, extra: Spec = {}): Extension {
  const { '&': root = {}, '.cm-scroller': scroller = {}, ...rest } = extra;
  return EditorView.theme(
    {
      '&': { fontSize: '12px', backgroundColor: 'var(--mantine-color-body)', color: 'var(--mantine-color-text)', ...root },
      '.cm-scroller': { fontFamily: 'var(--mantine-font-family-monospace)', ...scroller },
      '.cm-gutters': {
        backgroundColor: 'var(--mantine-color-default-hover)',
        color: 'var(--mantine-color-dimmed)',
        borderRight: '1px solid var(--mantine-color-default-border)',
      },
      ...rest,
    },
    { dark },
  );
}
