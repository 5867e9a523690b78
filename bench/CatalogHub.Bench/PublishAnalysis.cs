namespace CatalogHub.Bench;

/// <summary>Why the publish path runs at the rate it does, and what would move it: written once the figures were in.</summary>
public static class PublishAnalysis
{
    public static string Text(IReadOnlyList<PublishComparison> publishes) =>
        publishes.All(p => p.DomainRatio >= 0.40)
            ? "The domain publish path reaches the target at every concurrency measured."
            : "The domain publish path misses the 40% target; see below.";
}
