using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace CatalogHub.Audit.Log;

/// <summary>
/// The log's identity and signing keys, from configuration: <c>CATALOGHUB_LOG_ORIGIN</c> (the checkpoint's first line and
/// the keys' name), <c>CATALOGHUB_LOG_ED25519_KEY</c> (a 32-byte Ed25519 seed, base64) and <c>CATALOGHUB_LOG_SM2_KEY</c>
/// (a 32-byte SM2 private key, base64). Unset keys are derived from public strings in the Development environment only
/// (with a warning: anyone can forge those checkpoints) and refused in any other. The keys are never logged.
/// </summary>
public sealed class LogKeys
{
    public const string OriginSetting = "CATALOGHUB_LOG_ORIGIN";
    public const string Ed25519Setting = "CATALOGHUB_LOG_ED25519_KEY";
    public const string Sm2Setting = "CATALOGHUB_LOG_SM2_KEY";
    public const string DefaultOrigin = "cataloghub.local/log";

    private LogKeys(string origin, IReadOnlyList<INoteSigner> signers) => (Origin, Signers) = (origin, signers);

    public string Origin { get; }
    public IReadOnlyList<INoteSigner> Signers { get; }
    public IEnumerable<NoteKey> VerifierKeys => Signers.Select(s => s.Key);

    public static LogKeys From(IConfiguration config, IHostEnvironment environment, ILogger logger)
    {
        var origin = config[OriginSetting] is { Length: > 0 } o ? o : DefaultOrigin;
        byte[] Secret(string setting)
        {
            if (config[setting] is { Length: > 0 } value)
            {
                var bytes = Convert.FromBase64String(value);
                return bytes.Length == 32 ? bytes : throw new InvalidOperationException($"{setting} must be 32 bytes, base64-encoded (openssl rand -base64 32).");
            }
            if (!environment.IsDevelopment())
                throw new InvalidOperationException($"{setting} is unset, which is refused in the '{environment.EnvironmentName}' environment: " +
                                                    "set it to 32 random bytes, base64 (openssl rand -base64 32).");
            logger.LogWarning("{Setting} is not set: checkpoints are signed with a public development key, which proves nothing", setting);
            return SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"cataloghub development {setting}"));
        }
        return new LogKeys(origin, [new Ed25519NoteSigner(origin, Secret(Ed25519Setting)), new Sm2NoteSigner(origin, Secret(Sm2Setting))]);
    }
}

/// <summary>A signed checkpoint: the tree size and root hash, and the signed note that states them.</summary>
public sealed record Checkpoint(long Size, string RootHash, string Note, DateTimeOffset SignedAt);

/// <summary>The log reached a state no consistency proof connects to the last checkpoint: history was rewritten.</summary>
public sealed class InconsistentLogException(string message) : Exception(message);

public static class Checkpoints
{
    public const string Table = Hosting.SchemaName + ".log_checkpoints";

    public static Table Definition()
    {
        var table = new Table(new PostgresqlObjectName(Hosting.SchemaName, "log_checkpoints", SchemaUtils.IdentifierUsage.General));
        table.AddColumn<long>("tree_size").AsPrimaryKey();
        table.AddColumn("root_hash", "bytea").NotNull();
        table.AddColumn<string>("note").NotNull();
        table.AddColumn("signed_at", "timestamp with time zone").NotNull();
        return table;
    }

    /// <summary>The checkpoint body of C2SP tlog-checkpoint: origin, size, base64 root, each on its line.</summary>
    public static string Body(string origin, long size, byte[] root) =>
        $"{origin}\n{size.ToString(CultureInfo.InvariantCulture)}\n{Convert.ToBase64String(root)}\n";

    /// <summary>Size and root of a checkpoint body of this origin; null if the text is not one.</summary>
    public static (long Size, byte[] Root)? ReadBody(string text, string origin)
    {
        var lines = text.Split('\n');
        if (lines.Length < 4 || lines[0] != origin || !long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            || lines[1] != size.ToString(CultureInfo.InvariantCulture)) return null;
        try
        {
            var root = Convert.FromBase64String(lines[2]);
            return root.Length == Merkle.HashSize ? (size, root) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private const string Select = "select json_build_array(tree_size, encode(root_hash, 'base64'), note, signed_at)::text from " + Table;

    private static Checkpoint Parse(string row)
    {
        var a = JsonNode.Parse(row)!.AsArray();
        return new Checkpoint(a[0]!.GetValue<long>(), a[1]!.GetValue<string>(), a[2]!.GetValue<string>(), a[3]!.GetValue<DateTimeOffset>());
    }

    public static async Task<Checkpoint?> Latest(IQuerySession session, CancellationToken ct) =>
        (await session.AdvancedSql.QueryAsync<string>($"{Select} order by tree_size desc limit 1", ct)).Select(Parse).SingleOrDefault();

    public static async Task<Checkpoint?> OfSize(IQuerySession session, long size, CancellationToken ct) =>
        (await session.AdvancedSql.QueryAsync<string>($"{Select} where tree_size = ?", ct, size)).Select(Parse).SingleOrDefault();

    /// <summary>Newest first.</summary>
    public static async Task<IReadOnlyList<Checkpoint>> Page(IQuerySession session, Paging paging, CancellationToken ct) =>
        [.. (await session.AdvancedSql.QueryAsync<string>($"{Select} order by tree_size desc limit ? offset ?", ct, paging.PageSize, paging.Offset)).Select(Parse)];
}

/// <summary>
/// Signs a checkpoint of the log as it stands, in a transaction holding <see cref="Lock"/> so one node signs at a time.
/// It never signs a tree that is not an extension of the last one it signed: it checks the consistency proof between the
/// two, computed from the stored nodes, before signing, and refuses (throws <see cref="InconsistentLogException"/>) if
/// it fails or if the log shrank.
/// </summary>
public sealed class CheckpointSigner(IDocumentStore store, LogKeys keys, TimeProvider clock, ILogger<CheckpointSigner> logger)
{
    /// <summary>The advisory lock of the signer ("CHSig" in ASCII).</summary>
    public const long Lock = 0x4348536967;

    /// <summary>The checkpoint signed now; null when the log did not grow or another node is signing.</summary>
    public async Task<Checkpoint?> Sign(CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        await session.BeginTransactionAsync(ct);
        if (!(await session.AdvancedSql.QueryAsync<bool>("select pg_try_advisory_xact_lock(?)", ct, Lock)).Single()) return null;

        var size = await LogStore.Size(session, ct);
        var last = await Checkpoints.Latest(session, ct);
        if (size == 0 || size == last?.Size) return null;
        var root = await LogStore.Root(session, size, ct);
        if (last is not null)
        {
            var lastRoot = Convert.FromBase64String(last.RootHash);
            var consistent = size > last.Size && Merkle.VerifyConsistency(last.Size, size,
                await LogStore.RangeHashes(session, Merkle.ConsistencyPath(last.Size, size), ct), lastRoot, root);
            if (!consistent)
            {
                logger.LogCritical("The log of {Size} leaves is not an extension of the checkpoint of {LastSize}: not signing", size, last.Size);
                throw new InconsistentLogException($"The log of {size} leaves is not an extension of the checkpoint of {last.Size} leaves.");
            }
        }
        var note = SignedNote.Sign(Checkpoints.Body(keys.Origin, size, root), keys.Signers);
        var checkpoint = new Checkpoint(size, Convert.ToBase64String(root), note, clock.GetUtcNow());
        session.QueueSqlCommand($"insert into {Checkpoints.Table} (tree_size, root_hash, note, signed_at) values (?, ?, ?, ?)",
            size, root, note, checkpoint.SignedAt);
        await session.SaveChangesAsync(ct);
        return checkpoint;
    }
}
