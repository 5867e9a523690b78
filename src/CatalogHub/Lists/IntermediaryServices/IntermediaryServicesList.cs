namespace CatalogHub.Lists.IntermediaryServices;

/// <summary>The intermediary-service list's registration with the shared lifecycle (<see cref="ListRegistry"/>).</summary>
public static class IntermediaryServicesList
{
    public static readonly ListDefinition<IntermediaryServiceContent> Definition = new(IntermediaryServiceRules.List, "IntermediaryService",
        "intermediary_service", "Lists: 中介服务 (intermediary services)")
    {
        Check = IntermediaryServiceRules.Check,
        RefusalsToPublish = IntermediaryServiceRules.RefusalsToPublish,
        References = IntermediaryServiceRules.References,
        Example = IntermediaryServiceExamples.BuildingDesignScheme,
    };
}
