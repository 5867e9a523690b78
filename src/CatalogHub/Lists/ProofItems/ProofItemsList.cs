namespace CatalogHub.Lists.ProofItems;

/// <summary>The proof-item list's registration with the shared lifecycle (<see cref="ListRegistry"/>); repealing a proof is its cancellation (取消).</summary>
public static class ProofItemsList
{
    public static readonly ListDefinition<ProofItemContent> Definition = new(ProofItemRules.List, "ProofItem", "proof_item", "Lists: 证明事项 (proof items)")
    {
        Check = ProofItemRules.Check,
        RefusalsToPublish = ProofItemRules.RefusalsToPublish,
        References = ProofItemRules.References,
        Example = ProofItemExamples.EmploymentTermination,
    };
}
