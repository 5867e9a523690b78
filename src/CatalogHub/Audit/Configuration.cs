using CatalogHub.Audit.Integrity;

namespace CatalogHub.Audit;

public static class AuditConfiguration
{
    public static void AddAudit(this StoreOptions opts)
    {
        opts.Schema.For<EventSeal>().DocumentAlias("event_seal").Duplicate(x => x.StreamId);
        opts.Schema.For<SealedStream>().DocumentAlias("sealed_stream").Duplicate(x => x.Version);
    }

    public static IServiceCollection AddAuditServices(this IServiceCollection services)
    {
        services.AddSingleton(sp => SealKey.From(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>(), sp.GetRequiredService<ILogger<SealKey>>()));
        services.AddSingleton<Sealer>();
        services.AddSupervisedLoop<SealingService>(SealingService.HealthName);
        return services;
    }
}
