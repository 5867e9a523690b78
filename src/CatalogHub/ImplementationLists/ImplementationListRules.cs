using System.Text.RegularExpressions;
using CatalogHub.Catalogue;
using CatalogHub.Lists.IntermediaryServices;
using CatalogHub.Lists.ProofItems;

namespace CatalogHub.ImplementationLists;

/// <summary>
/// Two kinds of rules. <see cref="Check"/> is the shape every draft must have (400 when broken): a draft may still
/// be incomplete in substance. <see cref="RefusalsToPublish"/> is what the regulations forbid to become law (422
/// at publication): vague materials, conditions or steps without a legal basis, a promised time limit beyond the
/// statutory one, and fees without basis and standard.
/// </summary>
public static partial class ImplementationListRules
{
    public const int MaxLimitDays = 3650;

    [GeneratedRegex("^[0-9A-Za-z.-]{2,64}$")]
    private static partial Regex LicenceTypeCodeShape();

    [ProblemCodes(400, "not-allowed", "out-of-range", "fees-on-free-item", "proof-not-from-applicant", "invalid-licence-type-code", "licence-type-without-e-licence", "unknown-basis-level")]
    public static void Check(Validation v, ImplementationListContent? content)
    {
        if (content is null)
        {
            v.Add("content", "required", "is required.");
            return;
        }
        v.Check(content.EntryId is null, "content.entryId", "not-allowed", "is named once, as entryId, when the list is drafted.");
        Texts(v, "content.serviceObjects", content.ServiceObjects, 20, 100);
        Texts(v, "content.channels", content.Channels, 20, 200);
        v.Text("content.reviewStandard", content.ReviewStandard, 2000);
        v.Text("content.result", content.Result, 200);
        v.Text("content.progressQuery", content.ProgressQuery, 500);
        v.Check(content.StatutoryLimitDays is >= 0 and <= MaxLimitDays, "content.statutoryLimitDays", "out-of-range", $"must be 0-{MaxLimitDays} working days.");
        v.Check(content.PromisedLimitDays is >= 0 and <= MaxLimitDays, "content.promisedLimitDays", "out-of-range", $"must be 0-{MaxLimitDays} working days.");
        if (content.Remedies is null) v.Add("content.remedies", "required", "is required.");
        else
        {
            v.Text("content.remedies.reconsideration", content.Remedies.Reconsideration, 500);
            v.Text("content.remedies.litigation", content.Remedies.Litigation, 500);
        }
        Each(v, "content.conditions", content.Conditions, 100, required: false, (at, c) =>
        {
            v.Text($"{at}.text", c.Text, 500);
            if (c.Basis is not null) EntryContentRules.CheckBasis(v, $"{at}.basis", c.Basis);
        });
        Each(v, "content.steps", content.Steps, 50, required: true, (at, s) =>
        {
            v.Text($"{at}.name", s.Name, 100);
            v.Text($"{at}.description", s.Description, 1000);
            if (s.Basis is not null) EntryContentRules.CheckBasis(v, $"{at}.basis", s.Basis);
        });
        Each(v, "content.materials", content.Materials, 200, required: false, (at, m) => CheckMaterial(v, at, m));
        Each(v, "content.fees", content.Fees, 50, required: false, (at, f) =>
        {
            v.Text($"{at}.name", f.Name, 200);
            v.Text($"{at}.standard", f.Standard, 500, required: false);
            if (f.Basis is not null) EntryContentRules.CheckBasis(v, $"{at}.basis", f.Basis);
        });
        if (content.IntermediaryServices is { } services && v.List("content.intermediaryServices", services, 20, required: false))
            for (var i = 0; i < services.Count; i++)
                v.Check(services[i] != Guid.Empty, $"content.intermediaryServices[{i}]", "required", "must be the id of an intermediary service.");
        if (content.Free && content.Fees is { Count: > 0 })
            v.Add("content.fees", "fees-on-free-item", "a free item lists no fees; set free to false or remove the fees.");
    }

    private static void CheckMaterial(Validation v, string at, Material m)
    {
        v.Text($"{at}.name", m.Name, 200);
        v.Check(m.Form is not null, $"{at}.form", "required", "is required: paper, electronic or both.");
        v.Check(m.Copies is >= 1 and <= 99, $"{at}.copies", "out-of-range", "must be 1-99.");
        if (!v.Check(m.Source is not null, $"{at}.source", "required", "is required: applicant, e-licence or shared-data.")) return;
        if (m.ProofItemId is { } proof)
            v.Check(proof != Guid.Empty && m.Source == MaterialSource.Applicant, $"{at}.proofItemId", "proof-not-from-applicant",
                "names the proof item the applicant brings; a material supplied by e-licence or shared data is no proof to demand (002:28).");
        if (m.Source == MaterialSource.ELicence)
        {
            if (v.Text($"{at}.licenceTypeCode", m.LicenceTypeCode, 64))
                v.Check(LicenceTypeCodeShape().IsMatch(m.LicenceTypeCode!), $"{at}.licenceTypeCode", "invalid-licence-type-code",
                    "must be 2-64 letters, digits, '.' or '-'.");
        }
        else v.Check(m.LicenceTypeCode is null, $"{at}.licenceTypeCode", "licence-type-without-e-licence",
            "is given only when the source is e-licence.");
    }

    private static void Texts(Validation v, string field, IReadOnlyList<string>? values, int max, int length)
    {
        if (!v.List(field, values, max)) return;
        for (var i = 0; i < values!.Count; i++) v.Text($"{field}[{i}]", values[i], length);
    }

    private static void Each<T>(Validation v, string field, IReadOnlyList<T>? items, int max, bool required, Action<string, T> check)
    {
        if (items is null)
        {
            // An empty list is stated as []; an absent one is an omission, not a statement that there are none.
            v.Add(field, "required", "is required (use [] for none).");
            return;
        }
        if (!v.List(field, items, max, required)) return;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null) v.Add($"{field}[{i}]", "required", "is required.");
            else check($"{field}[{i}]", items[i]);
        }
    }

    /// <summary>The proof items its materials are and the intermediary services it needs: each must be in force when a version takes effect.</summary>
    public static IEnumerable<ListReference> References(ImplementationListContent content)
    {
        for (var i = 0; i < content.Materials.Count; i++)
            if (content.Materials[i].ProofItemId is { } proof)
                yield return new($"content.materials[{i}].proofItemId", ProofItemRules.List, proof);
        for (var i = 0; i < (content.IntermediaryServices?.Count ?? 0); i++)
            yield return new($"content.intermediaryServices[{i}]", IntermediaryServiceRules.List, content.IntermediaryServices![i]);
    }

    /// <summary>Every element that may not become law, each with its field path and code; empty when publishable.</summary>
    [ProblemCodes(422, "vague-material", "condition-without-basis", "step-without-basis", "promised-exceeds-statutory", "fees-not-stated", "fee-without-basis", "fee-without-standard")]
    public static IReadOnlyList<FieldError> RefusalsToPublish(ImplementationListContent content)
    {
        var refusals = new List<FieldError>();
        for (var i = 0; i < content.Materials.Count; i++)
            if (VagueMaterials.IsVague(content.Materials[i].Name))
                refusals.Add(new($"content.materials[{i}].name", "vague-material",
                    $"'{content.Materials[i].Name}' is a catch-all; the materials are the complete list (003:9): name each one."));
        for (var i = 0; i < content.Conditions.Count; i++)
            if (content.Conditions[i].Basis is null)
                refusals.Add(new($"content.conditions[{i}].basis", "condition-without-basis",
                    "an acceptance condition needs a legal basis (003:9, 003:55)."));
        for (var i = 0; i < content.Steps.Count; i++)
            if (content.Steps[i].Basis is null)
                refusals.Add(new($"content.steps[{i}].basis", "step-without-basis", "a process step needs a legal basis (003:9, 003:55)."));
        if (content.PromisedLimitDays > content.StatutoryLimitDays)
            refusals.Add(new("content.promisedLimitDays", "promised-exceeds-statutory",
                $"the promised limit ({content.PromisedLimitDays} working days) exceeds the statutory one ({content.StatutoryLimitDays})."));
        if (!content.Free && content.Fees.Count == 0)
            refusals.Add(new("content.fees", "fees-not-stated", "state the fees with their basis and standard, or mark the item free."));
        for (var i = 0; i < content.Fees.Count; i++)
        {
            if (content.Fees[i].Basis is null)
                refusals.Add(new($"content.fees[{i}].basis", "fee-without-basis", "a fee needs a published basis (003:46, 001:29)."));
            if (string.IsNullOrWhiteSpace(content.Fees[i].Standard))
                refusals.Add(new($"content.fees[{i}].standard", "fee-without-standard", "a fee needs a published standard (003:46, 001:29)."));
        }
        return refusals;
    }

}
