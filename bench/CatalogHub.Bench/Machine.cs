using System.Runtime.InteropServices;
using Npgsql;

namespace CatalogHub.Bench;

/// <summary>What the store holds after generation, counted by PostgreSQL itself.</summary>
public sealed record StoredCounts(long Events, long Streams, long Entries, long Versions, string EventsSize, string VersionsSize)
{
    public override string ToString() => $"{Events:N0} events in {Streams:N0} streams, {Entries:N0} entries, {Versions:N0} versions";
}

/// <summary>What the figures were measured on.</summary>
public sealed record Machine(int Cores, string Memory, string Cpu, string Os, string Dotnet, string PostgreSql,
    IReadOnlyList<(string Name, string Value)> Settings, DateTimeOffset Date, string Commit, string LoadAverage)
{
    public static async Task<Machine> Describe(NpgsqlDataSource raw)
    {
        var settings = new List<(string, string)>();
        foreach (var name in new[] { "shared_buffers", "fsync", "synchronous_commit", "max_connections" })
            settings.Add((name, await Scalar<string>(raw, $"show {name}")));
        return new Machine(Environment.ProcessorCount, MemTotal(), CpuModel(), OsName(), RuntimeInformation.FrameworkDescription,
            await Scalar<string>(raw, "select version()"), settings, DateTimeOffset.UtcNow,
            Environment.GetEnvironmentVariable("BENCH_COMMIT") ?? "unknown",
            // Described after the measurements: the 5- and 15-minute averages cover the run, other work on the machine included.
            File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown");
    }

    public static async Task<StoredCounts> StoredCounts(NpgsqlDataSource raw) => new(
        await Scalar<long>(raw, "select count(*) from cataloghub.mt_events"),
        await Scalar<long>(raw, "select count(*) from cataloghub.mt_streams"),
        await Scalar<long>(raw, "select count(*) from cataloghub.mt_doc_entry"),
        await Scalar<long>(raw, "select count(*) from cataloghub.mt_doc_entry_version"),
        await Scalar<string>(raw, "select pg_size_pretty(pg_total_relation_size('cataloghub.mt_events'))"),
        await Scalar<string>(raw, "select pg_size_pretty(pg_total_relation_size('cataloghub.mt_doc_entry_version'))"));

    private static async Task<T> Scalar<T>(NpgsqlDataSource raw, string sql)
    {
        await using var command = raw.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static string MemTotal() =>
        ProcLine("/proc/meminfo", "MemTotal") is { } kb && long.TryParse(kb.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], out var k)
            ? $"{k / 1024.0 / 1024.0:F1} GiB" : "unknown";

    private static string CpuModel() => ProcLine("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();

    private static string OsName() =>
        File.Exists("/etc/os-release") && File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=")) is { } line
            ? line["PRETTY_NAME=".Length..].Trim('"') : RuntimeInformation.OSDescription;

    private static string? ProcLine(string file, string key) =>
        File.Exists(file) ? File.ReadLines(file).Where(l => l.StartsWith(key)).Select(l => l[(l.IndexOf(':') + 1)..].Trim()).FirstOrDefault() : null;
}
