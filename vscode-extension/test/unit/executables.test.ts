import * as assert from 'node:assert/strict';
import { cliMissingMessage, commandFor, findCli, findDotnet, findOnPath } from '../../src/core/executables';

const files = (...paths: string[]) => ({ isFile: (p: string) => paths.includes(p) });

describe('finding programs', () => {
  it('looks programs up on PATH in order', () => {
    assert.equal(findOnPath('mesaspec', '/a:/b:/c', files('/b/mesaspec', '/c/mesaspec'), 'linux'), '/b/mesaspec');
    assert.equal(findOnPath('mesaspec', '/a', files(), 'linux'), undefined);
    assert.equal(findOnPath('mesaspec', 'C:\\t;C:\\u', files('C:\\u/mesaspec.exe'), 'win32'), 'C:\\u/mesaspec.exe');
  });

  it('finds dotnet from the setting, PATH, DOTNET_ROOT, then ~/.dotnet', () => {
    assert.equal(findDotnet('/opt/dn/dotnet', {}, files('/opt/dn/dotnet'), '/home/u', 'linux'), '/opt/dn/dotnet');
    assert.equal(findDotnet('/missing', { PATH: '/usr/bin' }, files('/usr/bin/dotnet'), '/home/u', 'linux'), undefined, 'a wrong setting is not silently replaced');
    assert.equal(findDotnet('', { PATH: '/usr/bin' }, files('/usr/bin/dotnet'), '/home/u', 'linux'), '/usr/bin/dotnet');
    assert.equal(findDotnet('', { PATH: '', DOTNET_ROOT: '/dr' }, files('/dr/dotnet'), '/home/u', 'linux'), '/dr/dotnet');
    assert.equal(findDotnet('', { PATH: '' }, files('/home/u/.dotnet/dotnet'), '/home/u', 'linux'), '/home/u/.dotnet/dotnet');
    assert.equal(findDotnet('', { PATH: '' }, files(), '/home/u', 'linux'), undefined);
  });

  it('finds the CLI on PATH or among the global .NET tools', () => {
    assert.equal(findCli('', { PATH: '/bin' }, files('/bin/mesaspec'), '/h', 'linux'), '/bin/mesaspec');
    assert.equal(findCli('', { PATH: '' }, files('/h/.dotnet/tools/mesaspec'), '/h', 'linux'), '/h/.dotnet/tools/mesaspec');
    assert.equal(findCli('/x/mesaspec.dll', {}, files('/x/mesaspec.dll'), '/h', 'linux'), '/x/mesaspec.dll');
  });

  it('runs a .dll through dotnet and an executable directly', () => {
    assert.deepEqual(commandFor('/s/mesaspec-lsp.dll', '/usr/bin/dotnet', []), { command: '/usr/bin/dotnet', args: ['/s/mesaspec-lsp.dll'] });
    assert.deepEqual(commandFor('/t/mesaspec', undefined, ['run', 'a.mesa']), { command: '/t/mesaspec', args: ['run', 'a.mesa'] });
    assert.deepEqual(commandFor('/s/x.dll', undefined, []), { error: 'dotnet-missing' });
  });

  it('tells how to install the CLI when it is missing', () => {
    assert.match(cliMissingMessage(''), /dotnet pack src\/MesaSpec.Cli -o \.\/nupkg && dotnet tool install -g --add-source \.\/nupkg MesaSpec.Cli/);
    assert.match(cliMissingMessage('/nope'), /mesaspec.cli.path.*\/nope/);
  });
});
