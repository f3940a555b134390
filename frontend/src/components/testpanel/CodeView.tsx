// A read-only CodeMirror view of a response body or the items of a run: JSON highlighted, line
// numbers, and CodeMirror's own viewport rendering, so a large document stays smooth. Loaded on
// demand (React.lazy) so CodeMirror stays out of the main chunk.
import { json } from '@codemirror/lang-json';
import { EditorState } from '@codemirror/state';
import { EditorView, lineNumbers } from '@codemirror/view';
import { useComputedColorScheme } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { jsonHighlighting, mantineTheme } from '../../lib/codemirror';

export interface CodeViewProps {
  value: string;
  /** The accessible name of the text. */
  label: string;
  /** Highlight as JSON. */
  json?: boolean;
  height?: number | string;
  maxHeight?: number | string;
}

export default function CodeView({ value, label, json: isJson = true, height, maxHeight = 420 }: CodeViewProps) {
  const host = useRef<HTMLDivElement>(null);
  const dark = useComputedColorScheme('light') === 'dark';

  useEffect(() => {
    const parent = host.current;
    if (!parent) return;
    const v = new EditorView({
      parent,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          ...(isJson ? [json(), jsonHighlighting(dark)] : []),
          EditorState.readOnly.of(true),
          EditorView.editable.of(false),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': label, 'aria-readonly': 'true' }),
          mantineTheme(dark, {
            '&': height !== undefined ? { height: '100%' } : { maxHeight: typeof maxHeight === 'number' ? `${maxHeight}px` : maxHeight },
            '&.cm-focused': { outline: 'none' },
            '.cm-scroller': { overflow: 'auto' },
          }),
        ],
      }),
    });
    return () => v.destroy();
  }, [value, label, isJson, dark, height, maxHeight]);

  return (
    <div
      ref={host}
      data-testid="code-view"
      style={{
        height,
        border: '1px solid var(--mantine-color-default-border)',
        borderRadius: 'var(--mantine-radius-md)',
        overflow: 'hidden',
      }}
    />
  );
}
