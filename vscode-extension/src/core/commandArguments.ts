// The language server's code lenses carry `workspace/executeCommand` arguments whose exact shape is
// the server's business (a URI and a name, or one object). The extension accepts the usual shapes.

export interface ExperimentTarget {
  uri?: string;
  experiment?: string;
}

function fromObject(value: Record<string, unknown>): ExperimentTarget {
  const textDocument = value.textDocument as { uri?: unknown } | undefined;
  const uri = [value.uri, value.documentUri, value.file, value.path, textDocument?.uri].find((v) => typeof v === 'string') as string | undefined;
  const experiment = [value.experiment, value.experimentName, value.name].find((v) => typeof v === 'string') as string | undefined;
  return { uri, experiment };
}

/** [uri, name], [{uri, experiment}], [{textDocument: {uri}, experiment}], or a VS Code Uri object. */
export function experimentTarget(args: unknown[]): ExperimentTarget {
  const target: ExperimentTarget = {};
  for (const arg of args) {
    if (typeof arg === 'string') {
      if (!target.uri && (/^[a-z][a-z0-9+.-]*:/i.test(arg) || arg.includes('/') || arg.endsWith('.mesa'))) target.uri = arg;
      else if (!target.experiment) target.experiment = arg;
    } else if (arg && typeof arg === 'object') {
      const asUri = arg as { scheme?: unknown; toString?: () => string };
      if (typeof asUri.scheme === 'string' && typeof asUri.toString === 'function' && !target.uri) {
        target.uri = asUri.toString();
        continue;
      }
      const found = fromObject(arg as Record<string, unknown>);
      target.uri ??= found.uri;
      target.experiment ??= found.experiment;
    }
  }
  return target;
}
