namespace MesaSpec.History.Tests;

/// <summary>A fresh folder per test, removed afterwards.</summary>
public sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("mesaspec-history-").FullName;

    public string Database => System.IO.Path.Combine(Path, ".mesaspec", "runs.db");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A killed child may still be releasing the file; the OS cleans temp folders.
        }
    }
}
