using StreamJsonRpc;

namespace MesaSpec.LanguageServer.Server;

/// <summary>LSP's lifecycle: requests before <c>initialize</c> or after <c>shutdown</c> are refused with the protocol's codes.</summary>
public sealed class ServerLifecycle
{
    public const int InvalidRequest = -32600;
    public const int ServerNotInitialized = -32002;

    private volatile int _state; // 0 created, 1 initialized, 2 shut down

    public bool IsInitialized => _state >= 1;

    public bool IsShutDown => _state == 2;

    public void Initialize()
    {
        if (_state != 0)
        {
            throw new LocalRpcException("initialize was already received") { ErrorCode = InvalidRequest };
        }
        _state = 1;
    }

    public void Shutdown()
    {
        EnsureServing();
        _state = 2;
    }

    /// <summary>Call first in every request handler.</summary>
    public void EnsureServing()
    {
        switch (_state)
        {
            case 0:
                throw new LocalRpcException("the server is not initialized yet") { ErrorCode = ServerNotInitialized };
            case 2:
                throw new LocalRpcException("the server is shutting down; only 'exit' is accepted") { ErrorCode = InvalidRequest };
        }
    }
}
