using CatalogHub.Audit;
using CatalogHub.BasisCheck;
using CatalogHub.Catalogue;
using CatalogHub.Departments;
using CatalogHub.Filing;
using CatalogHub.Publication.Lists;
using CatalogHub.Sharing;
using CatalogHub.Site;
using JasperFx.Events.Projections;
using JasperFx.Events;
using JasperFx;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.OpenApi;
using Npgsql;
using Weasel.Core;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Marten;

namespace CatalogHub.Platform;

/// <summary>Wires the modules into Marten, Wolverine and ASP.NET; Program.cs only calls these two methods.</summary>
public static class Hosting
{
    public const string SchemaName = "cataloghub";

    /// <summary>Every event type of every module: the store's vocabulary, each documented in schemas/events.</summary>
    public static IEnumerable<Type> EventTypes => [.. DepartmentsConfiguration.Events, .. SharingConfiguration.Events, .. ListRegistry.EventTypes,
        .. FilingConfiguration.Events];

    public static string ConnectionString(IConfiguration config) =>
        config["CATALOGHUB_DB"] ?? config.GetConnectionString("CatalogHub")
        ?? throw new InvalidOperationException("Set CATALOGHUB_DB (or ConnectionStrings:CatalogHub) to a PostgreSQL connection string; 'make run' does this for you.");

    /// <summary>
    /// The hub's queries are index probes, each answering one request, sent again and again with other values:
    /// <list type="bullet">
    /// <item>PostgreSQL planned some in parallel (a region's catalogue as of an instant) and its workers took longer to start than
    /// the scan took (on 2 cores: 2 ms of index scans behind 20-35 ms of gathering), so the hub's connections plan serially;</item>
    /// <item>planning an entry's as-of statement took 1.4 ms, executing it 0.2 ms, so statements used twice are prepared
    /// (Npgsql's automatic preparation, per connection; PostgreSQL re-plans them when the schema changes).</item>
    /// </list>
    /// What the connection string sets itself wins.
    /// </summary>
    public static string ForServing(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = $"-c max_parallel_workers_per_gather=0 {builder.Options}".Trim();
        if (!connectionString.Replace(" ", "").Contains("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }
        return builder.ConnectionString;
    }

    /// <summary>
    /// The store as the application runs it: schema, serializer, event metadata and every module. Tools that
    /// work on the same database without the web host (the benchmark's data generator) configure it here too.
    /// </summary>
    public static void ConfigureStore(StoreOptions opts, string connectionString)
    {
        opts.Connection(ForServing(connectionString));
        opts.DatabaseSchemaName = SchemaName;
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
        // Rich mode assigns versions and global sequence numbers before inline projections run,
        // so every published version can cite its event's sequence number.
        opts.Events.AppendMode = EventAppendMode.Rich;
        // An index on (type, seq_id): a rebuild or a migration reads only the event types a projection declares, and without
        // it each of the twenty-odd projections of rare events (departments, keys, grants, ...) scanned the whole event table
        // (0.6 s of PostgreSQL's time each on the benchmark's 1.4M events; docs/benchmarks.md, (f)).
        opts.Events.EnableEventTypeIndex = true;
        opts.Events.MetadataConfig.HeadersEnabled = true;
        opts.Events.MetadataConfig.CorrelationIdEnabled = true;
        opts.Events.MetadataConfig.CausationIdEnabled = true;
        opts.Events.MetadataConfig.UserNameEnabled = true;
        opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        Idempotency.Configure(opts);
        opts.AddDepartments();
        opts.AddAudit();
        opts.AddSharing();
        opts.AddLists();
        opts.AddFiling();
        opts.Projections.Add(ChangeLogProjection.OfEveryList(), ProjectionLifecycle.Inline);
        opts.Storage.ExtendedSchemaObjects.Add(ChangeLogProjection.Definition());
        opts.Projections.Add(ValidityIntervalProjection.OfEveryList(), ProjectionLifecycle.Inline);
        opts.Storage.ExtendedSchemaObjects.Add(ValidityIntervalProjection.Definition());
    }

    /// <summary>
    /// A type's name in the API document: its namespace below CatalogHub, then its name; a generic type reads as words
    /// (<c>Publication.Lists.ItemDraftViewOfProofItemContent</c>), never as .NET's <c>`1[[…, Version=…]]</c>, which no
    /// <c>$ref</c> can hold.
    /// </summary>
    public static string SchemaId(Type t)
    {
        static string Name(Type t) => t.IsGenericType
            ? $"{t.Name[..t.Name.IndexOf('`')]}Of{string.Join("And", t.GetGenericArguments().Select(Name))}"
            : t.Name;
        var outer = t.DeclaringType is { } declaring ? $"{Name(declaring)}." : "";
        return $"{t.Namespace?.Replace("CatalogHub.", "").Replace("CatalogHub", "")}.{outer}{Name(t)}".TrimStart('.');
    }

    public static WebApplicationBuilder AddCatalogHub(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = RequestHygiene.MaxBodyBytes);

        services.AddMarten(opts => ConfigureStore(opts, ConnectionString(builder.Configuration)))
            .BuildSessionsWith<HubSessions>()
            .ApplyAllDatabaseChangesOnStartup()
            .IntegrateWithWolverine();
        // Hosted services start in the order they are registered: the start-up steps (the lists' migration, the change log's
        // rebase) come before any loop reads what they rewrite, the published index above all.
        services.AddHostedService<Bootstrapper>();

        services.AddSingleton<ApiKeyCache>();
        services.ConfigureMarten((sp, opts) => opts.Listeners.Add(new ApiKeyRevocationListener(sp.GetRequiredService<ApiKeyCache>())));
        services.AddSingleton<PublishedIndex>();
        services.ConfigureMarten((sp, opts) => opts.Listeners.Add(new PublishedIndexListener(sp.GetRequiredService<PublishedIndex>(), ChangeLogProjection.EveryList)));
        services.AddSupervisedLoop<PublishedIndexRefresher>(PublishedIndexRefresher.HealthName);

        builder.Host.UseWolverine(opts =>
        {
            opts.Policies.AutoApplyTransactions();
            // A message whose handler cannot reach the store waits for it, for ever, instead of landing in the dead letters.
            opts.OnException(StoreFailures.IsUnavailable).RetryWithCooldown(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5))
                .Then.ScheduleRetryIndefinitely(TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(1));
            // The handlers' classes are generated ahead (Internal/Generated, `make codegen`; a test fails when they drift) and loaded
            // from this assembly: no Roslyn compiles them at the first requests, which cost about 160 MB resident (issue 14, target 5).
            opts.CodeGeneration.TypeLoadMode = JasperFx.CodeGeneration.TypeLoadMode.Static;
            opts.AddSharing();
        });
        services.AddWolverineHttp();

        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));

        services.AddSingleton<AuthenticationThrottle>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        // Deny by default: an endpoint that names no policy still needs a key; public reads say [AllowAnonymous].
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Authenticated, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.HubAdmin, p => p.RequireRole(Policies.ClaimValue(Role.HubAdmin)))
            .AddPolicy(Policies.Auditor, p => p.RequireRole(Policies.ClaimValue(Role.Auditor)))
            .AddPolicy(Policies.CatalogueWriter, p => p.RequireRole(
                Policies.ClaimValue(Role.ServiceDepartment), Policies.ClaimValue(Role.CatalogueManager)))
            .AddPolicy(Policies.LicenceIssuer, p => p.RequireRole(Policies.ClaimValue(Role.LicenceIssuer)))
            .AddPolicy(Policies.Consumer, p => p.RequireRole(Policies.ClaimValue(Role.Consumer)))
            .AddPolicy(Policies.HolderReport, p => p.RequireRole(Policies.ClaimValue(Role.HubAdmin), Policies.ClaimValue(Role.Auditor)))
            .AddPolicy(Policies.HistoryExport, p => p.RequireRole(Policies.ClaimValue(Role.HubAdmin), Policies.ClaimValue(Role.Auditor)));

        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemCodes.Apply);
        services.AddExceptionHandler<ExceptionProblems>();
        // Resilience: every background loop runs supervised (Supervision.cs) and reports in /health/ready. Should one fault
        // anyway (a framework's own service), it ends alone instead of taking the node's API down with it (the default is StopHost).
        services.AddSingleton<Supervision>();
        services.Configure<HostOptions>(o => o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"], timeout: TimeSpan.FromSeconds(5));
        services.AddHttpContextAccessor();
        services.AddSingleton<StandbyReads>();
        services.AddHealthChecks().AddCheck<StandbyHealthCheck>("standby", tags: ["ready"], timeout: TimeSpan.FromSeconds(5));

        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "CatalogHub",
                Version = "v1",
                Description = "The city's government-service catalogue (基本目录) and data-sharing hub. " +
                              "Send 'Authorization: ApiKey {key}' on every request except public reads.",
            });
            // Relative: the document describes the host that serves it.
            o.AddServer(new OpenApiServer { Url = "/", Description = "This CatalogHub node" });
            o.AddSecurityDefinition(ApiKeyAuthenticationHandler.SchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "Authorization",
                Description = "ApiKey chk_{keyId}_{secret}",
            });
            // Any JSON (a licence's face fields as its type defines them), not the JsonNode class's own members.
            o.MapType<System.Text.Json.Nodes.JsonNode>(() => new OpenApiSchema());
            o.OperationFilter<ApiKeyRequirement>();
            o.OperationFilter<ListExamples>();
            o.OperationFilter<ProblemResponses>();
            o.DocumentFilter<ProblemResponses>();
            o.SchemaFilter<ProblemResponses>();
            // After the filters above: summaries, descriptions, every problem status with its codes, headers, examples.
            o.OperationFilter<OperationDocs>();
            o.DocumentFilter<OperationDocs>();
            o.DocumentFilter<OpenApiExamples>();
            o.CustomSchemaIds(SchemaId);
            // A reference that may be null (an entry's repeal, a filing's acknowledgement) is documented as nullable, as served.
            o.UseAllOfToExtendReferenceSchemas();
        });

        services.AddSingleton<Sharing.Holders.HolderVault>();
        services.AddSingleton<Sharing.Notifications.WebhookTargets>();
        // Every webhook connection goes through the target check; redirects are not followed (a 3xx is not an acceptance).
        services.AddHttpClient(nameof(Sharing.Notifications.WebhookDeliveryHandler), c => c.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                ConnectCallback = sp.GetRequiredService<Sharing.Notifications.WebhookTargets>().Connect,
            });
        services.AddIdempotency(builder.Configuration);
        services.AddAuditServices();
        // Observability and the HTTP conventions every operation shares (Telemetry.cs, HttpConventions.cs).
        builder.AddTelemetry();
        services.AddHttpConventions(builder.Configuration);
        // The catalogue in the browser (Site/): public pages under /site, the department console under /console.
        services.AddSite();
        return builder;
    }

    public static WebApplication UseCatalogHub(this WebApplication app)
    {
        // Resolved now so that the development master key or missing log keys outside Development stops start-up, not a later request.
        app.Services.GetRequiredService<Sharing.Holders.HolderVault>();
        app.Services.GetRequiredService<Audit.Log.LogKeys>();
        // Outermost: HEAD is a GET to everything after it, every response (errors too) carries the correlation id and is compressed.
        app.UseMiddleware<HeadAsGet>();
        app.UseMiddleware<CorrelationMiddleware>();
        app.UseResponseCompression();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // The API description is public; it is served before authorization, which would otherwise apply the fallback policy to it.
        app.UseSwagger();
        app.UseSwaggerUI(o => o.DocumentTitle = "CatalogHub API");
        app.UseRouting();
        // Before authorization, so that a publish refused for its key is counted and a refused key's answer is not cached.
        app.UseMiddleware<PublishMetrics>();
        app.UseMiddleware<ReadCaching>();
        app.UseCors(HttpConventions.CorsPolicy);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<RequestHygiene>();
        app.UseMiddleware<IdempotencyMiddleware>();
        app.UseMiddleware<StandbyFallback>();
        app.MapGet("/", () => Results.Redirect("/swagger")).ExcludeFromDescription().AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthReportJson.Write })
            .AllowAnonymous();
        app.MapMetrics();
        // Each JSON body is bound from what RequestHygiene read, not read again.
        app.MapWolverineEndpoints(o => RequestHygiene.BindCheckedBodies(o,
            app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions));
        app.MapLists();
        app.MapSite();
        return app;
    }
}

/// <summary>Ready means the store answers (the loops report beside it, see <see cref="Supervision"/>).</summary>
public sealed class DatabaseHealthCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var session = store.QuerySession();
            await session.AdvancedSql.QueryAsync<int>("select 1", cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (StoreFailures.IsUnavailable(e))
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer.", e);
        }
    }
}

/// <summary>
/// The API key is required on every operation but those an endpoint marks public: integrators reading the document
/// learn which reads need no key, exactly as the fallback authorization policy decides it.
/// </summary>
public sealed class ApiKeyRequirement : Swashbuckle.AspNetCore.SwaggerGen.IOperationFilter
{
    public void Apply(OpenApiOperation operation, Swashbuckle.AspNetCore.SwaggerGen.OperationFilterContext context)
    {
        if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any()) return;
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, context.Document)] = [],
        });
    }
}
