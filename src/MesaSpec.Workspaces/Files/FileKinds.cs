using System.Runtime.InteropServices;

namespace MesaSpec.Workspaces.Files;

/// <summary>What a path names on disk, following links. Only <see cref="Regular"/> files are ever opened as specs.</summary>
public enum FileKind { Missing, Regular, Directory, Fifo, CharacterDevice, BlockDevice, Socket, Unknown }

/// <summary>
/// Tells a regular file from a FIFO, a device or a socket before anything opens it: opening a FIFO blocks until
/// a writer comes, and a device never ends. .NET reports all of them as plain files, so on Linux this asks the
/// kernel (<c>statx</c>, whose buffer layout is the same on every architecture). Elsewhere, a non-empty file
/// is taken as regular and an empty one as <see cref="Unknown"/>: special files report a size of 0, and an empty
/// file need not be opened to know what it says, so nothing blocks there either.
/// </summary>
public static partial class FileKinds
{
    public static FileKind Of(string path)
    {
        if (OperatingSystem.IsLinux() && Statx(path) is { } kind)
        {
            return kind;
        }
        return Portable(path);
    }

    /// <summary>Words for a message: "a FIFO (named pipe)", "a folder".</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Directory => "a folder",
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.Missing => "missing",
        FileKind.Regular => "a regular file",
        _ => "not a regular file",
    };

    private static FileKind Portable(string path)
    {
        if (Directory.Exists(path))
        {
            return FileKind.Directory;
        }
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return FileKind.Missing;
        }
        return OperatingSystem.IsWindows() || info.Length > 0 ? FileKind.Regular : FileKind.Unknown;
    }

    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28;
    private const int NoSuchFile = 2;
    private const int NotADirectory = 20;

    private static FileKind? Statx(string path)
    {
        var buffer = new byte[256];
        int result;
        try
        {
            result = statx(AtFdCwd, path, 0, StatxType, buffer);
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        if (result != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            // Anything else (no permission on a folder on the way, a kernel without statx) is left to the
            // portable answer and to opening the file, which reports it.
            return error is NoSuchFile or NotADirectory ? FileKind.Missing : null;
        }
        var mode = BitConverter.ToUInt16(buffer, ModeOffset) & 0xF000;
        return mode switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Unknown,
        };
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int statx(int dirfd, string pathname, int flags, uint mask, [Out] byte[] buffer);
}
