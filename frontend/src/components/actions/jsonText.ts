// JSON text as the action drawer's editors hold it: pretty-printing for
// display, and a check that says where the text stops being JSON (line and
// column), whatever the webview's JSON.parse puts in its message (WebKit
// gives no position at all).

export type JsonCheck =
  | { ok: true; value: unknown }
  | { ok: false; message: string; line: number; column: number; offset: number };

/** Pretty-prints a value for an editor; undefined and null become ''. */
export function formatJson(value: unknown): string {
  if (value === undefined || value === null) return '';
  return JSON.stringify(value, null, 2);
}

/** 1-based line and column of an offset into text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: end - start + 1 };
}

/** Parses text as JSON; on failure says what was expected and where. */
export function checkJson(text: string): JsonCheck {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    const problem = locate(text) ?? { offset: text.length, expected: 'valid JSON' };
    const { line, column } = lineColumn(text, problem.offset);
    return {
      ok: false,
      offset: problem.offset,
      line,
      column,
      message: `Line ${line}, column ${column}: ${problem.expected}.`,
    };
  }
}

interface Problem {
  offset: number;
  expected: string;
}

class Stop extends Error {
  constructor(readonly problem: Problem) {
    super(problem.expected);
  }
}

/** Walks the text as the JSON grammar does and reports the first offset that breaks it. */
function locate(text: string): Problem | null {
  let i = 0;
  const fail = (expected: string): never => {
    throw new Stop({ offset: i, expected });
  };
  const found = () => (i < text.length ? `found ${JSON.stringify(text[i])}` : 'found the end of the text');
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`expected a value, ${found()}`);
  };
  const string = () => {
    i++; // opening quote
    for (;;) {
      if (i >= text.length) fail('a string is not closed with "');
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c < 32) fail('a string cannot contain a line break or control character; write \\n');
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('\\u needs four hex digits');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          i += 2;
        } else {
          fail('unknown escape in a string');
        }
      } else {
        i++;
      }
    }
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) fail(`expected a number, ${found()}`);
    else i += m[0].length;
  };
  const value = (depth: number): void => {
    if (depth > 512) fail('nested too deeply');
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        space();
        if (text[i] !== '"') fail(`expected a property name in double quotes, ${found()}`);
        string();
        space();
        if (text[i] !== ':') fail(`expected ':' after the property name, ${found()}`);
        i++;
        value(depth + 1);
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail(`expected ',' or '}', ${found()}`);
      }
    }
    if (c === '[') {
      i++;
      space();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail(`expected ',' or ']', ${found()}`);
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    fail(`expected a value, ${found()}`);
  };
  try {
    value(0);
    space();
    if (i < text.length) fail(`unexpected text after the JSON value, ${found()}`);
    return null;
  } catch (err) {
    if (err instanceof Stop) return err.problem;
    throw err;
  }
}
