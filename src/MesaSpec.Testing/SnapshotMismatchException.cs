namespace MesaSpec.Testing;

/// <summary>A snapshot test failed: the message holds every failed experiment with its readable diff.</summary>
public sealed class SnapshotMismatchException(string message) : Exception(message);
