// Which value of a setting that names a program may be used. A workspace's .vscode/settings.json
// is written by whoever wrote the folder: in an untrusted workspace its program paths are ignored,
// and only the user's own (or the default) value counts. VS Code does the same for the settings
// listed in restrictedConfigurations; this is the second lock, so no program setting can be missed.

/** The settings that name a program the extension starts; each is in restrictedConfigurations. */
export const executableSettings = ['server.path', 'cli.path', 'dotnet.path'] as const;

export interface SettingValues<T> {
  defaultValue?: T;
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
}

/** The value to use: the effective one when the workspace is trusted, else the user's or the default. */
export function trustedValue<T>(values: SettingValues<T> | undefined, effective: T, trusted: boolean): T | undefined {
  if (trusted) return effective;
  return values?.globalValue ?? values?.defaultValue;
}
