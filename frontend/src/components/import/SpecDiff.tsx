// Side-by-side diff of the spec before and after fixes. Loaded on demand
// (React.lazy) so CodeMirror stays out of the main chunk. CodeMirror injects
// <style> elements, which the CSP's style-src 'unsafe-inline' allows; it
// uses no eval.
import { json } from '@codemirror/lang-json';
import { defaultHighlightStyle, HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { MergeView } from '@codemirror/merge';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView, lineNumbers } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { useComputedColorScheme } from '@mantine/core';
import { useEffect, useRef } from 'react';

export interface SpecDiffProps {
  before: string;
  after: string;
  height?: number | string;
}

function baseTheme(dark: boolean): Extension {
  return EditorView.theme(
    {
      '&': {
        fontSize: '12px',
        backgroundColor: 'var(--mantine-color-body)',
        color: 'var(--mantine-color-text)',
      },
      '.cm-scroller': { fontFamily: 'var(--mantine-font-family-monospace)' },
      '.cm-gutters': {
        backgroundColor: 'var(--mantine-color-default-hover)',
        color: 'var(--mantine-color-dimmed)',
        borderRight: '1px solid var(--mantine-color-default-border)',
      },
      '.cm-collapsedLines': {
        backgroundColor: 'var(--mantine-color-default-hover)',
        color: 'var(--mantine-color-dimmed)',
      },
    },
    { dark },
  );
}

// defaultHighlightStyle is made for light backgrounds.
const darkHighlight = HighlightStyle.define([
  { tag: tags.propertyName, color: '#9cdcfe' },
  { tag: tags.string, color: '#ce9178' },
  { tag: tags.number, color: '#b5cea8' },
  { tag: [tags.bool, tags.null], color: '#569cd6' },
  { tag: tags.invalid, color: '#f44747' },
]);

function side(label: string, dark: boolean): Extension[] {
  return [
    lineNumbers(),
    json(),
    syntaxHighlighting(dark ? darkHighlight : defaultHighlightStyle),
    EditorState.readOnly.of(true),
    EditorView.editable.of(false),
    EditorView.contentAttributes.of({ 'aria-label': label }),
    baseTheme(dark),
  ];
}

export default function SpecDiff({ before, after, height = 'min(46vh, 620px)' }: SpecDiffProps) {
  const host = useRef<HTMLDivElement>(null);
  const dark = useComputedColorScheme('light') === 'dark';

  useEffect(() => {
    const parent = host.current;
    if (!parent) return;
    const view = new MergeView({
      a: { doc: before, extensions: side('Before fixes', dark) },
      b: { doc: after, extensions: side('After fixes', dark) },
      parent,
      highlightChanges: true,
      gutter: true,
      // Specs run to tens of thousands of lines; show the changes with some context.
      collapseUnchanged: { margin: 3, minSize: 6 },
    });
    view.dom.style.height = '100%';
    return () => view.destroy();
  }, [before, after, dark]);

  return (
    <div
      ref={host}
      data-testid="spec-diff"
      style={{
        height,
        border: '1px solid var(--mantine-color-default-border)',
        borderRadius: 'var(--mantine-radius-md)',
        overflow: 'hidden',
      }}
    />
  );
}
