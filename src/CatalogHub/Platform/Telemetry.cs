using System.Net;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CatalogHub.Platform;

/// <summary>
/// OpenTelemetry for the hub: metrics of ASP.NET Core (requests), Npgsql (connections, commands), the .NET runtime and
/// the hub's own meter (<see cref="HubMetrics"/>), scraped by Prometheus at <c>GET /metrics</c>; traces of requests,
/// Npgsql commands, Marten, Wolverine and the hub's own work (<see cref="HubTracing"/>). Both are also pushed over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set
/// (the exporter reads the other standard <c>OTEL_*</c> variables itself); without it no trace is recorded and nothing
/// is sent anywhere, so <c>make run</c> and <c>make test</c> need no collector.
/// </summary>
public static class Telemetry
{
    public const string MetricsPath = "/metrics";
    public const string MetricsPolicy = "metrics-reader";
    public const string ServiceName = "cataloghub";

    private static bool OtlpConfigured(IConfiguration config) => !string.IsNullOrWhiteSpace(config["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    public static void AddTelemetry(this WebApplicationBuilder builder)
    {
        var otlp = OtlpConfigured(builder.Configuration);
        builder.Services.AddSingleton<HubMetrics>();
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName))
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation().AddNpgsqlInstrumentation().AddRuntimeInstrumentation().AddMeter(HubMetrics.MeterName)
                    // The exporter's default: a scrape within 300 ms of another gets the same figures. (Turning that cache off made
                    // scrapes in quick succession stall for the exporter's 60 s timeout in 1.20.1-beta.1.)
                    .AddPrometheusExporter();
                // Meters made by a host's IMeterFactory (ASP.NET Core's, the hub's) carry it as their scope, and a listener hears them
                // by name in the whole process: where a process runs more than one host (the tests' extra nodes), each reports its own.
                ((IDeferredMeterProviderBuilder)m).Configure((sp, b) =>
                {
                    var own = sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
                    // Each stream holds its cardinality limit's points from the start (2,000 by default, 140 KB). Only ASP.NET Core's
                    // request metrics (route × method × status) may need them; the runtime's, Npgsql's and the hub's own carry a few
                    // tags of few values each, so 200 points keep them whole at a tenth of the memory (issue 14's memory target).
                    b.AddView(i => i.Meter.Scope is not null && !ReferenceEquals(i.Meter.Scope, own) ? MetricStreamConfiguration.Drop
                        : i.Meter.Name.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal) ? null
                        : new MetricStreamConfiguration { CardinalityLimit = 200 });
                });
                if (otlp) m.AddOtlpExporter();
            });
        if (otlp)
            telemetry.WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsOperational(http.Request.Path))
                .AddNpgsql().AddSource("Marten", "Wolverine", HubTracing.SourceName).AddOtlpExporter());
        builder.Services.AddAuthorizationBuilder().AddPolicy(MetricsPolicy, p => p
            .AddAuthenticationSchemes(Departments.ApiKeyAuthenticationHandler.SchemeName)
            .RequireAssertion(c => c.Resource is HttpContext http && IsLocal(http)
                || c.User.IsInRole(Policies.ClaimValue(Role.HubAdmin)) || c.User.IsInRole(Policies.ClaimValue(Role.Auditor))));
    }

    /// <summary>
    /// <c>GET /metrics</c>, left out of the API document (it is for Prometheus, not integrators). By default only a scraper on
    /// the node itself (loopback, not relayed by a proxy) or a hub-admin or auditor key may read it: the figures tell how
    /// busy each list and department-facing operation is, which a government deployment does not publish. Setting
    /// <c>CATALOGHUB_METRICS_PUBLIC=true</c> opens it to anyone who can reach the port (for a scrape network of its own).
    /// </summary>
    public static void MapMetrics(this WebApplication app)
    {
        var endpoint = app.MapPrometheusScrapingEndpoint(MetricsPath).ExcludeFromDescription();
        if (app.Configuration.GetValue("CATALOGHUB_METRICS_PUBLIC", false)) endpoint.AllowAnonymous();
        else endpoint.RequireAuthorization(MetricsPolicy);
    }

    /// <summary>Probes and scrapes, which would otherwise be most of the traces.</summary>
    private static bool IsOperational(PathString path) =>
        path.StartsWithSegments(MetricsPath) || path.StartsWithSegments("/health");

    /// <summary>From this machine, and not relayed: a reverse proxy on the same machine forwards from loopback too, but says so.</summary>
    private static bool IsLocal(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip)
        && !http.Request.Headers.ContainsKey("X-Forwarded-For") && !http.Request.Headers.ContainsKey("Forwarded");
}
