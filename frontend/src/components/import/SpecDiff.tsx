// Side-by-side diff of the spec before and after fixes. Loaded on demand
// (React.lazy) so CodeMirror stays out of the main chunk. CodeMirror injects
// <style> elements, which the CSP's style-src 'unsafe-inline' allows; it
// uses no eval.
import { json } from '@codemirror/lang-json';
import { MergeView } from '@codemirror/merge';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView, lineNumbers } from '@codemirror/view';
import { useComputedColorScheme } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { jsonHighlighting, mantineTheme } from '../../lib/codemirror';

export interface SpecDiffProps {
  before: string;
  after: string;
  height?: number | string;
}

function side(label: string, dark: boolean): Extension[] {
  return [
    lineNumbers(),
    json(),
    jsonHighlighting(dark),
    EditorState.readOnly.of(true),
    EditorView.editable.of(false),
    EditorView.contentAttributes.of({ 'aria-label': label }),
    mantineTheme(dark, {
      '.cm-collapsedLines': { backgroundColor: 'var(--mantine-color-default-hover)', color: 'var(--mantine-color-dimmed)' },
    }),
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
