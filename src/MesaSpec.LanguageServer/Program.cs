using MesaSpec.LanguageServer.Server;

// mesaspec-lsp: the MesaSpec language server over stdio. `--version` prints the version.
if (args is ["--version"])
{
    Console.WriteLine(MesaSpec.Language.Versioning.MesaSpecVersion.Current);
    return 0;
}
return await LanguageServerHost.RunOverStdioAsync();
