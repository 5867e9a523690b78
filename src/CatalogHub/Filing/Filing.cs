using System.Security.Cryptography;
using System.Text;

namespace CatalogHub.Filing;

// A filing (备案, 004:11, 002:12) is not a stream of its own until someone acts on it: every published version of a
// county item that derives from a city item (承接) IS the filing, read from the change log. Only the city's
// acknowledgement and the county's confirmation of its version are recorded, each in a stream keyed by what it is about.

/// <summary>The city's catalogue manager took note of a county's filed version.</summary>
public sealed record FilingAcknowledged(
    Guid FilingId, string List, Guid ItemId, int ItemVersion, string RegionCode, string AcknowledgedBy, DateTimeOffset AcknowledgedAt, string? Note);

/// <summary>
/// The county kept its version <c>ItemVersion</c> although the city source moved on: it stands against city version
/// <c>SourceVersion</c> (null: against the source's repeal) until the city publishes again.
/// </summary>
public sealed record DerivedVersionConfirmed(
    Guid ConfirmationId, string List, Guid ItemId, int ItemVersion, Guid SourceId, int? SourceVersion, string ConfirmedBy,
    DateTimeOffset ConfirmedAt, string Reason);

/// <summary>The acknowledgement of one filed version. At most one event: a repeated acknowledgement records nothing.</summary>
public sealed record FilingAcknowledgement(Guid Id, string List, Guid ItemId, int ItemVersion, string AcknowledgedBy, DateTimeOffset AcknowledgedAt, string? Note)
{
    /// <summary>The stream version, set by Marten; the filing's ETag (0 while nobody acknowledged it).</summary>
    public long Version { get; set; }

    public static FilingAcknowledgement Create(FilingAcknowledged e) =>
        new(e.FilingId, e.List, e.ItemId, e.ItemVersion, e.AcknowledgedBy, e.AcknowledgedAt, e.Note);
}

/// <summary>The county's latest confirmation of a derived item's version against its city source.</summary>
public sealed record DerivedConfirmation(Guid Id, string List, Guid ItemId, int ItemVersion, Guid SourceId, int? SourceVersion, string ConfirmedBy,
    DateTimeOffset ConfirmedAt, string Reason)
{
    public long Version { get; set; }

    public static DerivedConfirmation Create(DerivedVersionConfirmed e) =>
        new(e.ConfirmationId, e.List, e.ItemId, e.ItemVersion, e.SourceId, e.SourceVersion, e.ConfirmedBy, e.ConfirmedAt, e.Reason);

    public DerivedConfirmation Apply(DerivedVersionConfirmed e) => Create(e) with { Version = Version };
}

/// <summary>
/// Stream ids derived from what a stream is about, so that a read can find them without a lookup: the MD5 of the key,
/// read as a uuid exactly as PostgreSQL's <c>md5(key)::uuid</c> reads it (the filings query joins on it).
/// </summary>
public static class FilingStreams
{
    public static Guid Acknowledgement(string list, Guid itemId, int version) => Of($"filing:{list}:{itemId}:{version}");

    public static Guid Confirmation(string list, Guid itemId) => Of($"derived:{list}:{itemId}");

    public const string AcknowledgementSql = "md5('filing:' || c.list || ':' || c.id::text || ':' || (c.document->>'version'))::uuid";
    public const string ConfirmationSql = "md5('derived:' || c.list || ':' || c.id::text)::uuid";

    private static Guid Of(string key) => Guid.ParseExact(Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(key))), "N");
}
