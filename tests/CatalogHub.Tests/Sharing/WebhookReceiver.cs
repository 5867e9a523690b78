using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CatalogHub.Tests.Sharing;

/// <summary>One POST the receiver got: its headers of interest and its body.</summary>
public sealed record ReceivedWebhook(string? Signature, string? Timestamp, string? Delivery, byte[] Body, int AnsweredWith);

/// <summary>
/// A subscriber's webhook endpoint on loopback (127.0.0.1, a port the OS picks). It refuses the first
/// <c>refuseFirst</c> deliveries with 503, as a subscriber that is briefly down, then accepts.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly Channel<ReceivedWebhook> _accepted = Channel.CreateUnbounded<ReceivedWebhook>();
    private int _toRefuse;

    private WebhookReceiver(WebApplication app, int refuseFirst) => (_app, _toRefuse) = (app, refuseFirst);

    public string Url { get; private set; } = "";
    public IReadOnlyCollection<ReceivedWebhook> Received => _received;

    public static async Task<WebhookReceiver> Start(int refuseFirst = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new WebhookReceiver(builder.Build(), refuseFirst);
        receiver._app.MapPost("/cataloghub/notifications", (Delegate)receiver.Receive);
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        // Named 'localhost', the one loopback name the test host's webhook allow-list admits.
        receiver.Url = address.Replace("127.0.0.1", "localhost") + "/cataloghub/notifications";
        return receiver;
    }

    private async Task<IResult> Receive(HttpContext http)
    {
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body);
        var status = Interlocked.Decrement(ref _toRefuse) >= 0 ? 503 : 200;
        var received = new ReceivedWebhook(http.Request.Headers["X-CatalogHub-Signature"], http.Request.Headers["X-CatalogHub-Timestamp"],
            http.Request.Headers["X-CatalogHub-Delivery"], body.ToArray(), status);
        _received.Enqueue(received);
        if (status == 200) await _accepted.Writer.WriteAsync(received);
        return Results.StatusCode(status);
    }

    /// <summary>Waits for the next accepted delivery; the bound only keeps a broken run from hanging.</summary>
    public async Task<ReceivedWebhook> Accepted()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return await _accepted.Reader.ReadAsync(bound.Token);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
