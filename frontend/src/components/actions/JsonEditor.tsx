// A small CodeMirror 6 JSON editor for the action drawer (parameters,
// request body). Loaded on demand (React.lazy) so CodeMirror stays out of
// the main chunk. CodeMirror's standard keys and undo history; the drawer
// checks the text as JSON before anything is sent.
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { bracketMatching } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { useComputedColorScheme } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { jsonHighlighting, mantineTheme } from '../../lib/codemirror';

export interface JsonEditorProps {
  value: string;
  onChange: (value: string) => void;
  /** The accessible name of the editable area. */
  label: string;
  invalid?: boolean;
  height?: number | string;
}

export default function JsonEditor({ value, onChange, label, invalid, height = 180 }: JsonEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;
  const external = useRef(false);
  const dark = useComputedColorScheme('light') === 'dark';

  useEffect(() => {
    const parent = host.current;
    if (!parent) return;
    const attrs: Record<string, string> = { 'aria-label': label, 'aria-multiline': 'true', role: 'textbox' };
    const v = new EditorView({
      parent,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          highlightActiveLine(),
          bracketMatching(),
          json(),
          jsonHighlighting(dark),
          history(),
          // The usual editing keys (Enter indents, Ctrl+Z undoes); Tab is left alone: it moves the
          // focus on, so the editor is no keyboard trap.
          keymap.of([...defaultKeymap, ...historyKeymap]),
          EditorView.contentAttributes.of(attrs),
          EditorView.updateListener.of((u) => {
            if (u.docChanged && !external.current) changed.current(u.state.doc.toString());
          }),
          mantineTheme(dark, {
            '&': { height: '100%' },
            '&.cm-focused': { outline: 'none' },
            '.cm-scroller': { overflow: 'auto' },
            '.cm-activeLine': { backgroundColor: 'var(--mantine-color-default-hover)' },
            '.cm-content': { caretColor: 'var(--mantine-color-text)' },
          }),
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      if (view.current === v) view.current = null;
    };
    // value is only the starting text; later changes arrive through the effect below.
  }, [dark, label]);

  // A value set from outside (a reset) replaces the text; typing does not come back here.
  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const current = v.state.doc.toString();
    if (current === value) return;
    external.current = true;
    try {
      v.dispatch({ changes: { from: 0, to: current.length, insert: value } });
    } finally {
      external.current = false;
    }
  }, [value]);

  return (
    <div
      ref={host}
      style={{
        height,
        border: `1px solid ${invalid ? 'var(--mantine-color-error)' : 'var(--mantine-color-default-border)'}`,
        borderRadius: 'var(--mantine-radius-md)',
        overflow: 'hidden',
      }}
    />
  );
}
