// Two runs' items side by side (@codemirror/merge), as the import page's fix preview shows a diff.
// Loaded on demand (React.lazy) so CodeMirror stays out of the main chunk.
import { json } from '@codemirror/lang-json';
import { MergeView } from '@codemirror/merge';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView, lineNumbers } from '@codemirror/view';
import { useComputedColorScheme } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { jsonHighlighting, mantineTheme } from '../../lib/codemirror';

export interface RunCompareProps {
  /** Pretty JSON of the older run's items. */
  left: string;
  right: string;
  leftLabel: string;
  rightLabel: string;
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

export default function RunCompare({ left, right, leftLabel, rightLabel, height = 'min(52vh, 560px)' }: RunCompareProps) {
  const same = left === right;
  const host = useRef<HTMLDivElement>(null);
  const dark = useComputedColorScheme('light') === 'dark';

  useEffect(() => {
    const parent = host.current;
    if (!parent) return;
    const view = new MergeView({
      a: { doc: left, extensions: side(leftLabel, dark) },
      b: { doc: right, extensions: side(rightLabel, dark) },
      parent,
      highlightChanges: true,
      gutter: true,
      // Identical items are shown whole; otherwise the changes with some context.
      ...(same ? {} : { collapseUnchanged: { margin: 3, minSize: 6 } }),
    });
    return () => view.destroy();
  }, [left, right, leftLabel, rightLabel, dark, same]);

  return (
    <div
      ref={host}
      data-testid="run-compare"
      style={{
        maxHeight: height,
        overflow: 'auto',
        border: '1px solid var(--mantine-color-default-border)',
        borderRadius: 'var(--mantine-radius-md)',
      }}
    />
  );
}
