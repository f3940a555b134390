import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import JsonEditor from './JsonEditor';

describe('JSON editor', () => {
  it('shows the text in a labelled CodeMirror editor and takes a new value from outside', () => {
    const onChange = vi.fn();
    const { rerender } = renderWithProviders(<JsonEditor label="Parameters" value={'[\n  1\n]'} onChange={onChange} />);
    const box = screen.getByRole('textbox', { name: 'Parameters' });
    expect(box).toHaveAttribute('contenteditable', 'true');
    // One div per line.
    expect(box.textContent).toBe('[  1]');
    rerender(<JsonEditor label="Parameters" value={'{"a": 2}'} onChange={onChange} />);
    expect(screen.getByRole('textbox', { name: 'Parameters' }).textContent).toBe('{"a": 2}');
    // A value set from outside is not reported back as typing.
    expect(onChange).not.toHaveBeenCalled();
  });
});
