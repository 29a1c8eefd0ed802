// Where a spec's experiments and their `expect` lines are, for the Testing panel. A lexical scan
// (comments and strings skipped, braces counted), the same depth of knowledge as the TextMate
// grammar: the language server owns the meaning; this only needs names and line numbers.

export interface ExpectationLine {
  /** 0-based line of the `expect` keyword. */
  line: number;
  /** The expectation as written, without a trailing comment. */
  text: string;
}

export interface ExperimentOutline {
  name: string;
  /** 0-based line of the `experiment` keyword. */
  line: number;
  expectations: ExpectationLine[];
}

/** Replaces comments and string contents by spaces, keeping every offset and line break. */
export function blankCommentsAndStrings(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') { out += ' '; i++; }
    } else if (c === '/' && next === '*') {
      out += '  ';
      i += 2;
      while (i < text.length && !(text[i] === '*' && text[i + 1] === '/')) { out += text[i] === '\n' ? '\n' : ' '; i++; }
      if (i < text.length) { out += '  '; i += 2; }
    } else if (c === '"') {
      out += '"';
      i++;
      while (i < text.length && text[i] !== '"' && text[i] !== '\n') {
        if (text[i] === '\\' && i + 1 < text.length && text[i + 1] !== '\n') { out += '  '; i += 2; continue; }
        out += ' ';
        i++;
      }
      if (text[i] === '"') { out += '"'; i++; }
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

export function outlineSpec(text: string): ExperimentOutline[] {
  const code = blankCommentsAndStrings(text);
  const originalLines = text.split(/\r?\n/);
  const lines = code.split(/\r?\n/);
  const experiments: ExperimentOutline[] = [];
  let depth = 0;
  let current: ExperimentOutline | undefined;
  let pendingExperiment: ExperimentOutline | undefined;
  lines.forEach((line, index) => {
    const declaration = depth === 0 ? /^\s*experiment\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(line) : null;
    if (declaration) {
      pendingExperiment = { name: declaration[1], line: index, expectations: [] };
      experiments.push(pendingExperiment);
    } else if (depth === 0 && /^\s*(environment|objective)\b/.test(line)) {
      pendingExperiment = undefined;
    }
    if (current && depth === 1 && /^\s*expect\b/.test(line)) {
      const original = originalLines[index] ?? '';
      current.expectations.push({ line: index, text: original.slice(0, line.trimEnd().length).trim() });
    }
    for (const ch of line) {
      if (ch === '{') {
        depth++;
        if (depth === 1 && pendingExperiment) { current = pendingExperiment; pendingExperiment = undefined; }
      } else if (ch === '}') {
        depth = Math.max(0, depth - 1);
        if (depth === 0) current = undefined;
      }
    }
  });
  return experiments;
}
