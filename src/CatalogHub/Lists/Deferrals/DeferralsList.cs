namespace CatalogHub.Lists.Deferrals;

/// <summary>The 容缺受理 list's registration with the shared lifecycle (<see cref="ListRegistry"/>).</summary>
public static class DeferralsList
{
    public static readonly ListDefinition<DeferralContent> Definition = new(DeferralRules.List, "Deferral", "deferral", "Lists: 容缺受理 (deferrals)")
    {
        Check = DeferralRules.Check,
        RefusalsToPublish = DeferralRules.RefusalsToPublish,
        References = DeferralRules.References,
        Example = DeferralExamples.ConstructionPermit,
    };
}
