// Finding the programs the extension starts: dotnet, the language server, the mesaspec CLI.
import * as path from 'node:path';

export interface FileSystemProbe {
  isFile(file: string): boolean;
}

export interface CommandLine {
  command: string;
  args: string[];
}

/** Looks a program up on PATH the way a shell does (PATHEXT on Windows). */
export function findOnPath(name: string, pathVariable: string | undefined, fs: FileSystemProbe, platform: NodeJS.Platform = process.platform): string | undefined {
  const separator = platform === 'win32' ? ';' : ':';
  const extensions = platform === 'win32' ? ['.exe', '.cmd', '.bat', ''] : [''];
  for (const dir of (pathVariable ?? '').split(separator).filter(Boolean)) {
    for (const ext of extensions) {
      const candidate = path.join(dir, name + ext);
      if (fs.isFile(candidate)) return candidate;
    }
  }
  return undefined;
}

/** dotnet: the setting, then PATH, then DOTNET_ROOT, then the usual install folders. */
export function findDotnet(setting: string, env: NodeJS.ProcessEnv, fs: FileSystemProbe, home: string, platform: NodeJS.Platform = process.platform): string | undefined {
  if (setting) return fs.isFile(setting) ? setting : undefined;
  const exe = platform === 'win32' ? 'dotnet.exe' : 'dotnet';
  const onPath = findOnPath('dotnet', env.PATH ?? env.Path, fs, platform);
  if (onPath) return onPath;
  const candidates = [
    env.DOTNET_ROOT ? path.join(env.DOTNET_ROOT, exe) : undefined,
    path.join(home, '.dotnet', exe),
    '/usr/share/dotnet/dotnet',
    '/usr/lib/dotnet/dotnet',
    '/usr/local/share/dotnet/dotnet',
    'C:\\Program Files\\dotnet\\dotnet.exe',
  ];
  return candidates.find((c): c is string => !!c && fs.isFile(c));
}

/**
 * How to start a .NET program given its path: a .dll runs through dotnet; anything else
 * (an apphost, a tool shim) runs directly.
 */
export function commandFor(program: string, dotnet: string | undefined, args: string[]): CommandLine | { error: 'dotnet-missing' } {
  if (program.toLowerCase().endsWith('.dll')) {
    if (!dotnet) return { error: 'dotnet-missing' };
    return { command: dotnet, args: [program, ...args] };
  }
  return { command: program, args };
}

/** The mesaspec CLI: the setting when given, else `mesaspec` on PATH, else the global .NET tools folder. */
export function findCli(setting: string, env: NodeJS.ProcessEnv, fs: FileSystemProbe, home: string, platform: NodeJS.Platform = process.platform): string | undefined {
  if (setting) return fs.isFile(setting) ? setting : undefined;
  return findOnPath('mesaspec', env.PATH ?? env.Path, fs, platform)
    ?? [path.join(home, '.dotnet', 'tools', platform === 'win32' ? 'mesaspec.exe' : 'mesaspec')].find((c) => fs.isFile(c));
}

export const cliInstallCommand = 'dotnet pack src/MesaSpec.Cli -o ./nupkg && dotnet tool install -g --add-source ./nupkg MesaSpec.Cli';

export function cliMissingMessage(setting: string): string {
  return setting
    ? `The mesaspec program set in "mesaspec.cli.path" does not exist: ${setting}.`
    : `The mesaspec command-line program was not found on PATH. From a MesaSpec checkout, install it as a .NET tool: ${cliInstallCommand} (or set "mesaspec.cli.path").`;
}

export const dotnetMissingMessage = 'MesaSpec needs .NET 10 to run its language server and experiments, and `dotnet` was not found (PATH, DOTNET_ROOT, ~/.dotnet). Install the .NET 10 runtime, or set "mesaspec.dotnet.path".';
