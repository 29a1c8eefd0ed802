// The language server's answer to `mesaspec.previewEnvironment` as a text document:
// `{environment, definition, levels: [ascii]}` (docs/language-server.md), or plain text.

export function previewText(result: unknown): string {
  if (typeof result === 'string') return result;
  if (!result || typeof result !== 'object') return '';
  const value = result as { environment?: unknown; definition?: unknown; levels?: unknown; text?: unknown };
  if (Array.isArray(value.levels)) {
    const parts: string[] = [];
    if (typeof value.environment === 'string') parts.push(`Environment ${value.environment}: ${value.levels.length} sampled level${value.levels.length === 1 ? '' : 's'}`, '');
    if (typeof value.definition === 'string' && value.definition.trim()) parts.push(value.definition.trimEnd(), '');
    value.levels.forEach((level, index) => parts.push(`Level ${index + 1}`, String(level).trimEnd(), ''));
    return parts.join('\n');
  }
  if (typeof value.text === 'string') return value.text;
  return JSON.stringify(result, null, 2);
}
