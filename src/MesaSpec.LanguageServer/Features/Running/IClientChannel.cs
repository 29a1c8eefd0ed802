namespace MesaSpec.LanguageServer.Features.Running;

/// <summary>What features may send the client: notifications and requests, with LSP's named-parameter shape.</summary>
public interface IClientChannel
{
    Task NotifyAsync(string method, object parameters);

    Task<T?> RequestAsync<T>(string method, object parameters, CancellationToken cancellation);

    bool SupportsWorkDoneProgress { get; }

    bool SupportsConfiguration { get; }
}
