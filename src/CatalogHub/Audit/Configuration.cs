using CatalogHub.Audit.Integrity;
using CatalogHub.Audit.Log;

namespace CatalogHub.Audit;

public static class AuditConfiguration
{
    public static void AddAudit(this StoreOptions opts)
    {
        opts.Schema.For<EventSeal>().DocumentAlias("event_seal").Duplicate(x => x.StreamId);
        opts.Schema.For<SealedStream>().DocumentAlias("sealed_stream").Duplicate(x => x.Version);
        opts.Storage.ExtendedSchemaObjects.AddRange(LogStore.Definitions());
    }

    public static IServiceCollection AddAuditServices(this IServiceCollection services)
    {
        services.AddSingleton(sp => SealKey.From(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>(), sp.GetRequiredService<ILogger<SealKey>>()));
        services.AddSingleton<Sealer>();
        services.AddSupervisedLoop<SealingService>(SealingService.HealthName);
        services.AddSingleton(sp => LogKeys.From(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>(), sp.GetRequiredService<ILogger<LogKeys>>()));
        services.AddSingleton<LogAppender>();
        services.AddSingleton<CheckpointSigner>();
        services.AddSupervisedLoop<LogService>(LogService.HealthName);
        return services;
    }
}
