namespace MesaSpec.History;

/// <summary>The run history cannot be used (newer schema, unreadable file, unknown run); the message says why.</summary>
public sealed class RunStoreException(string message, Exception? inner = null) : Exception(message, inner);
