using CatalogHub.ImplementationLists;
using CatalogHub.Sharing.Licences;

namespace CatalogHub.Lists.ProofItems;

/// <summary>
/// The proof-item list (证明事项清单), list name <c>proof-items</c>: each item is one proof an applicant may be asked
/// for, published with its setting basis, demanding unit, issuing unit and guide (002:28, 004:26); nothing outside
/// the list may be demanded (000:15, 004:26). Content: <see cref="ProofItemContent"/>. It references the base
/// catalogue entries it serves (<see cref="References"/>).
/// <para>
/// <see cref="Check"/> is the shape every draft must have (400). <see cref="RefusalsToPublish"/> is what may not
/// become law (422), the grounds of 002:28 for cancelling a proof that the hub can know: no basis in 法律, 法规 or
/// 国务院决定 (一), or a basis below that level; proven by an e-licence (三) or by shared data a department can check
/// (二)(五); and a catch-all name, which would let a unit demand any proof (002:28 lists each proof).
/// </para>
/// </summary>
public static class ProofItemRules
{
    public const string List = "proof-items";

    [ProblemCodes(400, "out-of-range", "invalid-licence-type-code", "unknown-basis-level", "duplicate-reference")]
    public static void Check(Validation v, ProofItemContent? content)
    {
        if (!ListContentRules.Present(v, content)) return;
        v.Text("content.name", content.Name, 200);
        ListContentRules.CheckBases(v, "content.legalBases", content.LegalBases);
        v.Text("content.demandingUnit", content.DemandingUnit, 200);
        v.Text("content.issuingUnit", content.IssuingUnit, 200);
        ListContentRules.CheckServedEntries(v, content.ServedEntries);
        if (content.Guide is null) v.Add("content.guide", "required", "is required.");
        else
        {
            v.Text("content.guide.procedure", content.Guide.Procedure, 2000);
            v.Text("content.guide.place", content.Guide.Place, 500);
            v.Check(content.Guide.TimeLimitDays is >= 0 and <= ListContentRules.MaxLimitDays, "content.guide.timeLimitDays", "out-of-range",
                $"must be 0-{ListContentRules.MaxLimitDays} working days (0: issued on the spot).");
        }
        if (v.Text("content.eLicenceTypeCode", content.ELicenceTypeCode, 32, required: false) && !string.IsNullOrWhiteSpace(content.ELicenceTypeCode))
            v.Check(LicenceIdentifier.TypeCodeShape().IsMatch(content.ELicenceTypeCode), "content.eLicenceTypeCode", "invalid-licence-type-code",
                "must be 2-32 upper-case letters or digits, as licence type codes are.");
        v.Text("content.sharedData", content.SharedData, 200, required: false);
    }

    /// <summary>Every ground on which this proof may not be published, each with its field and code; empty when publishable.</summary>
    [ProblemCodes(422, "vague-proof", "proven-by-e-licence", "proven-by-shared-data", "no-legal-basis", "basis-below-statutory-level")]
    public static IReadOnlyList<FieldError> RefusalsToPublish(ProofItemContent content)
    {
        var refusals = new List<FieldError>();
        if (VagueMaterials.IsVague(content.Name))
            refusals.Add(new("content.name", "vague-proof",
                $"'{content.Name}' is a catch-all: the list names each proof (002:28, 004:26), and nothing outside it may be demanded (000:15)."));
        refusals.AddRange(ListContentRules.StatutoryBasisRefusals("content.legalBases", content.LegalBases, "002:28(一)"));
        if (!string.IsNullOrWhiteSpace(content.ELicenceTypeCode))
            refusals.Add(new("content.eLicenceTypeCode", "proven-by-e-licence",
                $"the e-licence type {content.ELicenceTypeCode} proves the same: the proof is cancelled, not listed (002:28(三)); the department reads the e-licence (003:38)."));
        if (!string.IsNullOrWhiteSpace(content.SharedData))
            refusals.Add(new("content.sharedData", "proven-by-shared-data",
                $"shared data ({content.SharedData}) proves the same: the proof is cancelled, not listed (002:28(二)(五)); the department checks the data."));
        return refusals;
    }

    /// <summary>The base catalogue entries this proof is demanded for.</summary>
    public static IEnumerable<ListReference> References(ProofItemContent content) =>
        ListContentRules.ServedEntryReferences(content.ServedEntries);
}
