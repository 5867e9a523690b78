using System.Net;
using System.Net.Sockets;

namespace CatalogHub.Sharing.Notifications;

/// <summary>A delivery's target resolved to an address the hub may not call; the delivery is dropped, not retried.</summary>
public sealed class WebhookTargetRefusedException(string reason) : Exception(reason);

/// <summary>
/// Where webhooks may go: public internet addresses over https, so a subscription cannot make the hub call into its own
/// network (loopback, link-local and the cloud metadata address 169.254.169.254, private and carrier-grade NAT ranges,
/// unique-local IPv6, multicast, unspecified and reserved addresses, and IPv4 hidden inside IPv6). Operators may allow more
/// in <c>CATALOGHUB_WEBHOOK_ALLOW</c>: comma-separated host names (allowed whatever they resolve to) and CIDR ranges;
/// allowed targets may also use plain http (a receiver inside the city's network).
/// <para>
/// Outside the allow-list https is required: the signature proves a notice came from the hub but does not hide it, and
/// notices carry licence identifiers that must not cross the internet in clear.
/// </para>
/// <para>
/// The URL is checked when subscribing, and every connection is checked again as it is made (<see cref="Connect"/>):
/// the name is resolved then, every address it resolves to must be allowed, and the socket connects to exactly those
/// addresses, so a name that later resolves somewhere else (DNS rebinding) or a redirect is caught.
/// </para>
/// </summary>
public sealed class WebhookTargets
{
    public const string Setting = "CATALOGHUB_WEBHOOK_ALLOW";

    private static readonly IPNetwork[] NonPublic = [.. new[]
    {
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24",
        "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
        "::/127", "::/96", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/32", "2001:db8::/32", "2002::/16", "fc00::/7", "fe80::/10",
        "fec0::/10", "ff00::/8",
    }.Select(IPNetwork.Parse)];

    private readonly HashSet<string> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<IPNetwork> _networks = [];

    public WebhookTargets(IConfiguration config)
    {
        foreach (var entry in (config[Setting] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (entry.Contains('/')) _networks.Add(IPNetwork.TryParse(entry, out var network) ? network
                : throw new InvalidOperationException($"{Setting}: '{entry}' is not a CIDR range."));
            else if (IPAddress.TryParse(entry.Trim('[', ']'), out var address)) _networks.Add(new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128));
            else _hosts.Add(entry);
    }

    /// <summary>True for an address on the public internet; IPv4 written as IPv6 (mapped) is judged as the IPv4 it is.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return !NonPublic.Any(n => n.Contains(address));
    }

    /// <summary>Why a subscription to this URL is refused, or null. Names are resolved now too; delivery checks again.</summary>
    public async Task<(string Code, string Message)?> Refusal(Uri url, CancellationToken ct)
    {
        if (InAllowList(url)) return null;
        if (url.Scheme != Uri.UriSchemeHttps) return HttpsRequired;
        var host = url.IdnHost.Trim('[', ']');
        if (IPAddress.TryParse(host, out var literal)) return IsPublic(literal) ? null : NotPublic(literal);
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
            return ("non-public-target", "names a loopback host; webhooks go to public addresses only.");
        IPAddress[] addresses;
        try { addresses = await Dns.GetHostAddressesAsync(host, ct); }
        // A name that does not resolve yet may resolve by the time of delivery, which checks it again.
        catch (SocketException) { return null; }
        return addresses.FirstOrDefault(a => !Allowed(a)) is { } refused ? NotPublic(refused) : null;
    }

    public static readonly (string Code, string Message) HttpsRequired =
        ("https-required", "must be an https URL (plain http only for hosts in the webhook allow-list).");

    /// <summary>The URL's host is in the allow-list, by name or as an address in an allowed range: plain http is fine.</summary>
    public bool InAllowList(Uri url)
    {
        var host = url.IdnHost.Trim('[', ']');
        return _hosts.Contains(host) || (IPAddress.TryParse(host, out var literal) && _networks.Any(n => n.Contains(Normal(literal))));
    }

    /// <summary>
    /// The webhook client's <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the host now, refuses the connection
    /// unless every address is allowed, then connects to those very addresses.
    /// </summary>
    public async ValueTask<Stream> Connect(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var endpoint = context.DnsEndPoint;
        var host = endpoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        if (!_hosts.Contains(host) && addresses.FirstOrDefault(a => !Allowed(a)) is { } refused)
            throw new WebhookTargetRefusedException($"{host} resolves to {refused}, which is not a public address.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private bool Allowed(IPAddress address) => _networks.Any(n => n.Contains(Normal(address))) || IsPublic(address);

    private static IPAddress Normal(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static (string Code, string Message) NotPublic(IPAddress address) =>
        ("non-public-target", $"points at {address}, which is not a public address; webhooks go to public addresses only.");
}
