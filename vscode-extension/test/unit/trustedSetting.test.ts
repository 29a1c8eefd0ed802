import * as assert from 'node:assert/strict';
import { trustedValue } from '../../src/core/trustedSetting';

// Issue 11, item 2: a workspace's .vscode/settings.json naming a program ran it on opening the folder.
describe('program settings in untrusted workspaces', () => {
  it('ignore the workspace and folder values', () => {
    const values = { defaultValue: '', workspaceValue: '/tmp/evil', workspaceFolderValue: '/tmp/evil2' };
    assert.equal(trustedValue(values, '/tmp/evil2', false), '');
  });

  it('use the user-level value', () => {
    assert.equal(trustedValue({ defaultValue: '', globalValue: '/usr/bin/dotnet', workspaceValue: '/tmp/evil' }, '/tmp/evil', false), '/usr/bin/dotnet');
  });

  it('use the effective value once the workspace is trusted', () => {
    assert.equal(trustedValue({ defaultValue: '', workspaceValue: '/opt/mesaspec' }, '/opt/mesaspec', true), '/opt/mesaspec');
  });
});
