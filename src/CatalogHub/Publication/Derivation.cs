namespace CatalogHub.Publication;

/// <summary>
/// 承接 (002:12, 004:11): a county takes over an item its city has published in the same list. The item's region is read
/// from its validity intervals, which every published version of every list has, so one check serves them all.
/// </summary>
public static class Derivation
{
    /// <param name="notPublished">The list's code for a source that has no published version (kept per list: clients know it).</param>
    public static async Task<IResult?> Refusal(IQuerySession session, string list, Guid source, string regionCode, string notPublished,
        CancellationToken ct)
    {
        var sourceRegion = (await session.AdvancedSql.QueryAsync<string>(
            $"select region_code from {ValidityIntervalProjection.Table} where list = ? and id = ? and retracted_at is null limit 1", ct, list, source)).FirstOrDefault();
        if (sourceRegion is null)
            return Problems.Rule(notPublished, "An item can only derive from a published item of the same list.", "derivedFrom");
        return sourceRegion == RegionCode.Parent(regionCode) ? null
            : Problems.Rule("derivation-not-from-parent-region",
                $"{regionCode} derives items from its parent region {RegionCode.Parent(regionCode)}, not {sourceRegion}.", "derivedFrom");
    }
}
