using CatalogHub.Audit.Log;
using CatalogHub.Sharing.Holders;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;

namespace CatalogHub.Tests.Platform;

/// <summary>The public development keys are a convenience of `make run` and the test host (Development) and refused anywhere else.</summary>
public sealed class Development_keys
{
    private static readonly string RealMasterKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    private static readonly string RealLogKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private static IConfiguration Config(string? masterKey, string? logKey) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
            { [HolderVault.MasterKeySetting] = masterKey, [LogKeys.Ed25519Setting] = logKey, [LogKeys.Sm2Setting] = logKey })
        .Build();

    private static IHostEnvironment In(string name) => new HostingEnvironment { EnvironmentName = name };

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void outside_development_an_unset_master_key_stops_start_up_naming_the_variable(string? masterKey)
    {
        var refused = Assert.Throws<InvalidOperationException>(() =>
            new HolderVault(Config(masterKey, RealLogKey), In(Environments.Production), NullLogger<HolderVault>.Instance));
        Assert.Contains(HolderVault.MasterKeySetting, refused.Message);
    }

    [Fact]
    public void outside_development_the_development_master_key_set_explicitly_is_refused_too()
    {
        var developmentKey = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData("CatalogHub development master key; never in production"u8));
        Assert.Throws<InvalidOperationException>(() =>
            new HolderVault(Config(developmentKey, RealLogKey), In(Environments.Staging), NullLogger<HolderVault>.Instance));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("dG9vLXNob3J0")]
    public void outside_development_a_missing_or_short_log_key_stops_start_up_naming_the_variable(string? logKey)
    {
        var refused = Assert.Throws<InvalidOperationException>(() =>
            LogKeys.From(Config(RealMasterKey, logKey), In(Environments.Production), NullLogger.Instance));
        Assert.Contains(LogKeys.Ed25519Setting, refused.Message);
    }

    [Fact]
    public void real_keys_start_in_production_and_the_development_keys_start_in_development()
    {
        Assert.NotNull(new HolderVault(Config(RealMasterKey, RealLogKey), In(Environments.Production), NullLogger<HolderVault>.Instance));
        Assert.NotNull(LogKeys.From(Config(RealMasterKey, RealLogKey), In(Environments.Production), NullLogger.Instance));
        Assert.NotNull(new HolderVault(Config(null, null), In(Environments.Development), NullLogger<HolderVault>.Instance));
        Assert.NotNull(LogKeys.From(Config(null, null), In(Environments.Development), NullLogger.Instance));
    }
}
