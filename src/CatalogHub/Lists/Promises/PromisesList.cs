namespace CatalogHub.Lists.Promises;

/// <summary>The 告知承诺 list's registration with the shared lifecycle (<see cref="ListRegistry"/>).</summary>
public static class PromisesList
{
    public static readonly ListDefinition<PromiseContent> Definition = new(PromiseRules.List, "Promise", "promise", "Lists: 告知承诺 (promises)")
    {
        Check = PromiseRules.Check,
        RefusalsToPublish = PromiseRules.RefusalsToPublish,
        References = PromiseRules.References,
        Example = PromiseExamples.FoodBusinessPremises,
    };
}
