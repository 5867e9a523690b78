using CatalogHub.Audit.Log;

namespace CatalogHub.Audit;

public static class AuditConfiguration
{
    public static void AddAudit(this StoreOptions opts)
    {
        opts.Storage.ExtendedSchemaObjects.AddRange(LogStore.Definitions());
    }

    public static IServiceCollection AddAuditServices(this IServiceCollection services)
    {
        services.AddSingleton(sp => LogKeys.From(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>(), sp.GetRequiredService<ILogger<LogKeys>>()));
        services.AddSingleton<LogAppender>();
        services.AddSingleton<CheckpointSigner>();
        services.AddSupervisedLoop<LogService>(LogService.HealthName);
        return services;
    }
}
