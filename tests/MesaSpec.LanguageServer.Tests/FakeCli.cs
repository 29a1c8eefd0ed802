namespace MesaSpec.LanguageServer.Tests;

/// <summary>
/// A stand-in for the <c>mesaspec</c> CLI (a shell script): prints the JSON-lines progress of <c>run --progress jsonl</c>,
/// writes report.json into <c>--out</c>, and with <see cref="Slow"/> hangs after its first progress line.
/// </summary>
public sealed class FakeCli : IDisposable
{
    public FakeCli(string workspace, int failingLine, int passingLine, bool slow = false)
    {
        Folder = workspace;
        Path = System.IO.Path.Combine(workspace, "fake-mesaspec");
        var expectations = $"[{{\"text\":\"expect on Maze: robustly_aligned\",\"line\":{passingLine},\"passed\":true,\"detail\":\"held\"}},"
            + $"{{\"text\":\"expect on MazeAnywhere: pseudo_aligned(GoToCorner)\",\"line\":{failingLine},\"passed\":false,\"detail\":\"verdict was robustly_aligned\"}}]";
        File.WriteAllText(Path, $$"""
            #!/bin/bash
            out=""; exp=""
            echo "$@" > "{{workspace}}/fake-args.txt"
            while [ $# -gt 0 ]; do case "$1" in --out) out="$2"; shift;; --experiment) exp="$2"; shift;; esac; shift; done
            mkdir -p "$out"
            echo '{"event":"seed","point":0,"points":1,"seed":0}'
            echo '{"event":"progress","point":0,"seed":0,"step":500,"totalSteps":1000,"meanReturn":1.5,"stepsPerSecond":100}'
            {{(slow ? "sleep 60" : "")}}
            echo '{"expectations":{{expectations}}}' > "$out/report.json"
            echo '# report' > "$out/report.md"
            echo '{"event":"report","status":"finished","seedsDone":3,"seedsTotal":3}'
            echo "{\"event\":\"finished\",\"experiment\":\"$exp\",\"report\":\"$out/report.json\",\"status\":\"finished\",\"passed\":false,\"summary\":\"Maze: robustly_aligned; MazeAnywhere: robustly_aligned\",\"expectations\":{{expectations.Replace("\"", "\\\"")}}}"
            exit 1
            """.Replace("\r", ""));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public string Folder { get; }

    public string Path { get; }

    public void Dispose()
    {
    }
}
