using JasperFx.Events.Projections;

namespace CatalogHub.Filing;

public static class FilingConfiguration
{
    /// <summary>Every event of the module; schemas/ documents each one.</summary>
    public static readonly Type[] Events = [typeof(FilingAcknowledged), typeof(DerivedVersionConfirmed)];

    /// <summary>The lists a county can derive items of: every registered list (an implementation list names its entry instead, so it has none).</summary>
    public static bool IsFiledList(string list) => ListRegistry.Find(list) is not null;

    public static void AddFiling(this StoreOptions opts)
    {
        // Inline, so the filings and city-changes queries join them in the same transaction's view of the store.
        opts.Projections.Snapshot<FilingAcknowledgement>(SnapshotLifecycle.Inline);
        opts.Schema.For<FilingAcknowledgement>().DocumentAlias("filing_acknowledgement");
        opts.Projections.Snapshot<DerivedConfirmation>(SnapshotLifecycle.Inline);
        opts.Schema.For<DerivedConfirmation>().DocumentAlias("derived_confirmation");
        opts.Events.AddEventTypes(Events);
    }
}

/// <summary>Who sees a filing, and who acts on it.</summary>
public static class FilingAccess
{
    /// <summary>The catalogue manager of the region the county files with (its parent region).</summary>
    public static bool IsCityManager(Caller caller, string countyRegion) =>
        caller.Has(Role.CatalogueManager) && caller.RegionCode == RegionCode.Parent(countyRegion);

    /// <summary>The city's catalogue manager and the county's own departments; to anyone else a filing does not exist (404).</summary>
    public static bool MaySee(Caller caller, string countyRegion) => IsCityManager(caller, countyRegion) || caller.RegionCode == countyRegion;

    /// <summary>
    /// The stream version a write on a filing or a confirmation expects: as <see cref="Preconditions.ExpectedVersion"/>, and
    /// also 0, the ETag of a filing nobody has acted on yet (its stream does not exist).
    /// </summary>
    public static (long? Version, IResult? Problem) ExpectedVersion(HttpContext http) =>
        http.Request.Headers.IfMatch.ToString().Trim() is "\"0\"" or "W/\"0\"" ? (0, null) : Preconditions.ExpectedVersion(http);
}
