using System.Text.Json;

namespace CatalogHub.Site;

/// <summary>A published version as the site shows any list's: its citation and its content as JSON, rendered generically.</summary>
public sealed record SiteVersion(Citation Citation, string RegionCode, string Code, string? OwnerDepartmentCode, string? Note, JsonElement Content)
{
    /// <summary>What people call the item: its content's name where it has one, else its code.</summary>
    public string Title => SiteText.TitleOf(Content, Code);

    public static SiteVersion From<TContent>(ItemVersion<TContent> v) =>
        new(v.Citation, v.RegionCode, v.Code, v.OwnerDepartmentCode, v.Note, JsonSerializer.SerializeToElement(v.Content, ApiJson.Options));
}

/// <summary>What a list said at an instant: the version in force, or the repeal that ended it, or neither.</summary>
public sealed record SiteAsOf(SiteVersion? InForce, RepealCitation? Repeal);

/// <summary>An item with pending work, as the console lists it.</summary>
public sealed record SiteDraft(string List, Guid Id, string RegionCode, string Code, string Title, Stage Stage, int LatestVersion, string OwnerDepartmentCode);

/// <summary>
/// One registered list as the site reads it, through the same read functions as the API (<see cref="RegionReads"/>,
/// <see cref="AsOfReads"/>, <see cref="ListEndpoints{TContent}.Pending"/>): a page never reads a table the API does not,
/// and only published versions ever reach a public page. One instance per entry of <see cref="ListRegistry.All"/>.
/// </summary>
public abstract partial class SiteList
{
    public static readonly IReadOnlyList<SiteList> All =
        [.. ListRegistry.All.Select(l => (SiteList)Activator.CreateInstance(typeof(SiteList<>).MakeGenericType(l.ContentType), l)!)];

    public static SiteList? Find(string name) => All.FirstOrDefault(l => l.Name == name);

    public abstract ListDefinition Definition { get; }

    public string Name => Definition.Name;

    /// <summary>The list's Chinese name; a list the site has no name for shows its registered title.</summary>
    public string Caption => SiteText.ListNames.GetValueOrDefault(Name, Definition.Title);

    public abstract Task<(long Total, IReadOnlyList<SiteVersion> Page)> InForce(IQuerySession session, string regionCode, Clocks clocks,
        Paging paging, CancellationToken ct);

    public abstract Task<SiteAsOf> AsOf(IQuerySession session, Guid id, Clocks clocks, CancellationToken ct);

    /// <summary>Every published version (oldest first) and every repeal; empty for an item never published, a draft's above all.</summary>
    public abstract Task<(IReadOnlyList<SiteVersion> Versions, IReadOnlyList<RepealCitation> Repeals)> Versions(IQuerySession session, Guid id,
        Clocks clocks, CancellationToken ct);

    public abstract Task<IReadOnlyList<SiteDraft>> Drafts(IQuerySession session, Caller caller, CancellationToken ct);
}

public sealed partial class SiteList<TContent>(ListDefinition<TContent> list) : SiteList where TContent : class
{
    public override ListDefinition Definition => list;

    public override async Task<(long Total, IReadOnlyList<SiteVersion> Page)> InForce(IQuerySession session, string regionCode, Clocks clocks,
        Paging paging, CancellationToken ct)
    {
        var (total, rows) = await RegionReads.InForce<ItemVersion<TContent>>(session, list.Name, list.VersionsTable, regionCode, clocks, paging, ct);
        return (total, [.. rows.Select(SiteVersion.From)]);
    }

    public override async Task<SiteAsOf> AsOf(IQuerySession session, Guid id, Clocks clocks, CancellationToken ct)
    {
        var found = await AsOfReads.Read<ItemVersion<TContent>, ItemRepeal>(session, list.Name, list.VersionsTable, id, clocks, ct);
        return new(found.InForce is { } v ? SiteVersion.From(v) : null, found.Repeal?.Citation);
    }

    public override async Task<(IReadOnlyList<SiteVersion> Versions, IReadOnlyList<RepealCitation> Repeals)> Versions(IQuerySession session, Guid id,
        Clocks clocks, CancellationToken ct)
    {
        var (versions, repeals) = await AsOfReads.ReadVersions<ItemVersion<TContent>, ItemRepeal>(session, list.VersionsTable, "item_id", id, clocks, ct);
        return ([.. versions.Select(SiteVersion.From)], [.. repeals.Select(r => r.Citation)]);
    }

    public override async Task<IReadOnlyList<SiteDraft>> Drafts(IQuerySession session, Caller caller, CancellationToken ct) =>
        [.. (await ListEndpoints<TContent>.Pending(caller, session, ct)).Select(i => new SiteDraft(list.Name, i.Id, i.RegionCode, i.Code,
            SiteText.TitleOf(JsonSerializer.SerializeToElement(i.Draft, ApiJson.Options), i.Code),
            i.Lifecycle.Stage, i.Lifecycle.LatestVersion, i.OwnerDepartmentCode))];
}
