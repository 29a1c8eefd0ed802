// An MSBuild task (compiled inline by RoslynCodeTaskFactory, see TorchSharpGlibcxxFix.targets) that marks
// chosen symbol-version requirements of ELF64 shared libraries weak.
//
// Why: TorchSharp's libLibTorchSharp.so is built with GCC 13, whose <iostream> adds a requirement on
// GLIBCXX_3.4.32 (for std::ios_base_library_init). Older libstdc++ (GCC 12, Debian 12) stops at 3.4.30, so
// the dynamic loader refuses the library although no relocation uses that symbol. A requirement flagged
// VER_FLG_WEAK is not fatal when missing, so flipping one bit in the build-output copy lets the library load.
//
// The task only touches files in the build output, only when the system libstdc++ lacks the version, is
// idempotent (an already-weak entry is left alone), and replaces the file rather than writing through it,
// so a hard link into the NuGet cache is never modified.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class WeakenElfVersionRequirements : Task
{
    /// <summary>Shared libraries to patch (in the build or publish output).</summary>
    [Required]
    public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Version names to weaken, e.g. GLIBCXX_3.4.32, separated by ';'.</summary>
    [Required]
    public string Versions { get; set; } = "";

    /// <summary>The library that should define the versions; empty means "find the system libstdc++.so.6".</summary>
    public string SystemLibrary { get; set; } = "";

    public override bool Execute()
    {
        var wanted = Versions.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries).Select(v => v.Trim()).ToList();
        var system = string.IsNullOrEmpty(SystemLibrary) ? FindSystemLibStdCxx() : SystemLibrary;
        List<string> missing;
        if (system is null || !File.Exists(system))
        {
            Log.LogMessage(MessageImportance.Normal, "MesaSpec: no system libstdc++.so.6 found; weakening {0} anyway (harmless when present).", string.Join(", ", wanted));
            missing = wanted;
        }
        else
        {
            var defined = ElfVersions.ReadDefinitions(File.ReadAllBytes(system));
            missing = wanted.Where(v => !defined.Contains(v)).ToList();
            if (missing.Count == 0)
            {
                Log.LogMessage(MessageImportance.Low, "MesaSpec: {0} defines {1}; nothing to patch.", system, string.Join(", ", wanted));
                return true;
            }
        }

        foreach (var item in Files)
        {
            var path = item.ItemSpec;
            if (!File.Exists(path))
            {
                continue;
            }
            try
            {
                var bytes = File.ReadAllBytes(path);
                var changed = ElfVersions.WeakenRequirements(bytes, missing);
                if (changed.Count == 0)
                {
                    continue;
                }
                ReplaceKeepingMetadata(path, bytes);
                Log.LogMessage(MessageImportance.High, "MesaSpec: marked {0} weak in {1} (the system libstdc++ lacks it).", string.Join(", ", changed), path);
            }
            catch (InvalidDataException e)
            {
                Log.LogError("MesaSpec: cannot patch {0}: {1}", path, e.Message);
            }
        }
        return !Log.HasLoggedErrors;
    }

    /// <summary>
    /// Copies the file (File.Copy keeps the mode bits), writes the patched bytes into the copy and moves it over
    /// the original, so a hard link into the NuGet cache is never written through. The timestamp is kept: an
    /// unchanged size and timestamp let the next incremental copy skip the file. (The task compiles against
    /// netstandard2.0, hence no File.Move overwrite overload.)
    /// </summary>
    private static void ReplaceKeepingMetadata(string path, byte[] bytes)
    {
        var stamp = File.GetLastWriteTimeUtc(path);
        var temporary = path + ".mesaspec-tmp";
        File.Copy(path, temporary, overwrite: true);
        using (var stream = new FileStream(temporary, FileMode.Truncate, FileAccess.Write))
        {
            stream.Write(bytes, 0, bytes.Length);
        }
        File.Delete(path);
        File.Move(temporary, path);
        File.SetLastWriteTimeUtc(path, stamp);
    }

    private static string? FindSystemLibStdCxx()
    {
        string[] directories =
        {
            "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
            "/lib64", "/usr/lib64", "/lib", "/usr/lib",
        };
        return directories.Select(d => Path.Combine(d, "libstdc++.so.6")).FirstOrDefault(File.Exists);
    }
}

/// <summary>
/// A minimal walker of the two GNU symbol-versioning sections of a little-endian ELF64 file:
/// .gnu.version_d (versions a library defines) and .gnu.version_r (versions it requires from others).
/// Layouts follow the System V gABI and the LSB "Symbol Versioning" chapter.
/// </summary>
public static class ElfVersions
{
    private const uint ShtGnuVerdef = 0x6ffffffd;   // section type of .gnu.version_d
    private const uint ShtGnuVerneed = 0x6ffffffe;  // section type of .gnu.version_r
    private const ushort VerFlgWeak = 0x2;          // vna_flags bit: a missing version is not fatal

    /// <summary>Names of every version the file defines (e.g. GLIBCXX_3.4.30 for libstdc++).</summary>
    public static HashSet<string> ReadDefinitions(byte[] elf)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in Sections(elf).Where(s => s.Type == ShtGnuVerdef))
        {
            var strings = Sections(elf).ElementAt((int)section.Link).Offset;
            // Elf64_Verdef (20 bytes): vd_version u16, vd_flags u16, vd_ndx u16, vd_cnt u16, vd_hash u32,
            // vd_aux u32 (offset to its first Verdaux), vd_next u32 (offset to the next Verdef, 0 at the end).
            var verdef = section.Offset;
            for (var i = 0u; i < section.Info; i++)
            {
                // Elf64_Verdaux (8 bytes): vda_name u32 (offset into the string table), vda_next u32.
                // The first Verdaux names the version itself; later ones name its parents.
                var aux = verdef + U32(elf, verdef + 12);
                names.Add(CString(elf, strings + U32(elf, aux)));
                var next = U32(elf, verdef + 16);
                if (next == 0)
                {
                    break;
                }
                verdef += next;
            }
        }
        return names;
    }

    /// <summary>
    /// Sets VER_FLG_WEAK on every requirement named in <paramref name="versions"/> that is not weak yet,
    /// editing <paramref name="elf"/> in place; returns the names it changed (empty when nothing was to do).
    /// </summary>
    public static List<string> WeakenRequirements(byte[] elf, IReadOnlyCollection<string> versions)
    {
        var changed = new List<string>();
        var sections = Sections(elf).ToList();
        foreach (var section in sections.Where(s => s.Type == ShtGnuVerneed))
        {
            var strings = sections[(int)section.Link].Offset;
            // Elf64_Verneed (16 bytes), one per needed library: vn_version u16, vn_cnt u16 (number of Vernaux),
            // vn_file u32 (library name), vn_aux u32 (offset to its first Vernaux), vn_next u32 (0 at the end).
            var verneed = section.Offset;
            for (var i = 0u; i < section.Info; i++)
            {
                var count = U16(elf, verneed + 2);
                var aux = verneed + U32(elf, verneed + 8);
                for (var j = 0; j < count; j++)
                {
                    // Elf64_Vernaux (16 bytes), one per required version: vna_hash u32, vna_flags u16,
                    // vna_other u16, vna_name u32 (version name), vna_next u32 (offset to the next, 0 at the end).
                    var name = CString(elf, strings + U32(elf, aux + 8));
                    var flags = U16(elf, aux + 4);
                    if (versions.Contains(name) && (flags & VerFlgWeak) == 0)
                    {
                        var weak = (ushort)(flags | VerFlgWeak);
                        elf[aux + 4] = (byte)weak;
                        elf[aux + 5] = (byte)(weak >> 8);
                        changed.Add(name);
                    }
                    var nextAux = U32(elf, aux + 12);
                    if (nextAux == 0)
                    {
                        break;
                    }
                    aux += nextAux;
                }
                var next = U32(elf, verneed + 12);
                if (next == 0)
                {
                    break;
                }
                verneed += next;
            }
        }
        return changed;
    }

    private readonly struct Section
    {
        public Section(uint type, long offset, uint link, uint info) { Type = type; Offset = offset; Link = link; Info = info; }
        public uint Type { get; }
        public long Offset { get; }
        public uint Link { get; }
        public uint Info { get; }
    }

    /// <summary>Reads the section header table, after checking this is a little-endian ELF64 file.</summary>
    private static IEnumerable<Section> Sections(byte[] elf)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
        {
            throw new InvalidDataException("not an ELF file");
        }
        if (elf[4] != 2 || elf[5] != 1)
        {
            throw new InvalidDataException("only little-endian ELF64 is supported");
        }
        // ELF header: e_shoff u64 at 0x28, e_shentsize u16 at 0x3A, e_shnum u16 at 0x3C.
        var tableOffset = (long)U64(elf, 0x28);
        var entrySize = U16(elf, 0x3A);
        var count = U16(elf, 0x3C);
        if (tableOffset <= 0 || tableOffset + (long)entrySize * count > elf.Length)
        {
            throw new InvalidDataException("section header table lies outside the file");
        }
        for (var i = 0; i < count; i++)
        {
            // Elf64_Shdr: sh_type u32 at 4, sh_offset u64 at 24, sh_link u32 at 40, sh_info u32 at 44.
            var header = tableOffset + (long)i * entrySize;
            yield return new Section(U32(elf, header + 4), (long)U64(elf, header + 24), U32(elf, header + 40), U32(elf, header + 44));
        }
    }

    private static ushort U16(byte[] b, long at) => (ushort)(b[at] | b[at + 1] << 8);

    private static uint U32(byte[] b, long at) => (uint)(b[at] | b[at + 1] << 8 | b[at + 2] << 16 | b[at + 3] << 24);

    private static ulong U64(byte[] b, long at) => U32(b, at) | (ulong)U32(b, at + 4) << 32;

    private static string CString(byte[] b, long at)
    {
        var end = at;
        while (end < b.Length && b[end] != 0)
        {
            end++;
        }
        return Encoding.ASCII.GetString(b, (int)at, (int)(end - at));
    }
}
