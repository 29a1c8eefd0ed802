using MesaSpec.LanguageServer.Server;

// mesaspec-lsp: the MesaSpec language server over stdio. `--version` prints the version.
if (args is ["--version"])
{
    Console.WriteLine(typeof(LanguageServerHost).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
    return 0;
}
return await LanguageServerHost.RunOverStdioAsync();
