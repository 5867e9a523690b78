using CatalogHub.Catalogue;
using CatalogHub.ImplementationLists;

namespace CatalogHub.Lists.Promises;

/// <summary>
/// The 告知承诺 list's rules. <see cref="Check"/> is the shape a draft must have (400): a draft may still lack what
/// the regulations require of published law. <see cref="RefusalsToPublish"/> is that requirement (422 at
/// publication): the liability for a false promise and the two statutory exclusions must be stated (003:31, 000:24),
/// what the promise replaces must be named precisely (003:9), and a checked item must say when it is checked (003:32).
/// </summary>
public static class PromiseRules
{
    public const string List = "promises";
    public const string Title = "告知承诺事项清单";

    [ProblemCodes(400, "out-of-range", "time-on-exempt-check", "unknown-basis-level")]
    public static void Check(Validation v, PromiseContent? content)
    {
        if (content is null)
        {
            v.Add("content", "required", "is required.");
            return;
        }
        v.Check(content.EntryId != Guid.Empty, "content.entryId", "required", "is required: the base catalogue entry the promise applies to.");
        v.Text("content.promiseText", content.PromiseText, 4000);
        v.Text("content.liability", content.Liability, 2000, required: false);
        if (v.List("content.replaces", content.Replaces, 100))
            for (var i = 0; i < content.Replaces.Count; i++)
            {
                var at = $"content.replaces[{i}]";
                if (content.Replaces[i] is not { } replaced)
                {
                    v.Add(at, "required", "is required.");
                    continue;
                }
                v.Text($"{at}.name", replaced.Name, 200);
                v.Check(replaced.Kind is not null, $"{at}.kind", "required", "is required: condition or material.");
            }
        // An empty list is a statement (refused at publication); an absent one is an omission.
        if (content.Exclusions is null) v.Add("content.exclusions", "required", "is required (use [] for none).");
        else if (v.List("content.exclusions", content.Exclusions, 20, required: false))
            for (var i = 0; i < content.Exclusions.Count; i++)
            {
                var at = $"content.exclusions[{i}]";
                if (content.Exclusions[i] is not { } exclusion)
                {
                    v.Add(at, "required", "is required.");
                    continue;
                }
                v.Check(exclusion.Kind is not null, $"{at}.kind", "required", "is required: serious-bad-credit, earlier-false-promise or other.");
                v.Text($"{at}.text", exclusion.Text, 500);
            }
        CheckComplianceCheck(v, content.ComplianceCheck);
        ListContentRules.CheckBases(v, "content.legalBases", content.LegalBases, required: true);
    }

    private static void CheckComplianceCheck(Validation v, ComplianceCheck? check)
    {
        const string at = "content.complianceCheck";
        if (check is null)
        {
            v.Add(at, "required", "is required: how compliance is checked after the decision (003:32).");
            return;
        }
        v.Text($"{at}.method", check.Method, 1000);
        if (check.WithinWorkingDays is not { } days) return;
        if (v.Check(!check.Exempt, $"{at}.withinWorkingDays", "time-on-exempt-check", "an item exempt from checking has no checking time."))
            v.Check(days is >= 1 and <= ImplementationListRules.MaxLimitDays, $"{at}.withinWorkingDays", "out-of-range",
                $"must be 1-{ImplementationListRules.MaxLimitDays} working days.");
    }

    /// <summary>Every element that may not become law, each with its field path and code; empty when publishable. Expects content that passed <see cref="Check"/>.</summary>
    [ProblemCodes(422, "promise-without-liability", "missing-bad-credit-exclusion", "missing-false-promise-exclusion", "vague-condition", "vague-material", "check-without-time")]
    public static IReadOnlyList<FieldError> RefusalsToPublish(PromiseContent content)
    {
        var refusals = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(content.Liability))
            refusals.Add(new("content.liability", "promise-without-liability",
                "state the legal liability for a false promise (不实承诺的法律责任, 003:31, 000:24)."));
        if (!content.Exclusions.Any(e => e.Kind == ExclusionKind.SeriousBadCredit))
            refusals.Add(new("content.exclusions", "missing-bad-credit-exclusion",
                "state that applicants with a serious bad credit record may not use the promise until their credit is repaired (003:31)."));
        if (!content.Exclusions.Any(e => e.Kind == ExclusionKind.EarlierFalsePromise))
            refusals.Add(new("content.exclusions", "missing-false-promise-exclusion",
                "state that applicants who made a false promise before may not use the promise until their credit is repaired (003:31)."));
        for (var i = 0; i < content.Replaces.Count; i++)
        {
            var replaced = content.Replaces[i];
            if (!VagueMaterials.IsVague(replaced.Name)) continue;
            refusals.Add(replaced.Kind == ReplacedKind.Condition
                ? new($"content.replaces[{i}].name", "vague-condition",
                    $"'{replaced.Name}' is a catch-all; name each condition the promise replaces (003:9, 003:31).")
                : new($"content.replaces[{i}].name", "vague-material",
                    $"'{replaced.Name}' is a catch-all; name each material the promise replaces (003:9, 003:31)."));
        }
        if (content.ComplianceCheck is { Exempt: false, WithinWorkingDays: null })
            refusals.Add(new("content.complianceCheck.withinWorkingDays", "check-without-time",
                "state within how many working days of the decision the promise is checked, or mark the item exempt from checking (003:32)."));
        return refusals;
    }

    /// <summary>The promise applies to a base catalogue entry, which must be in force when the promise is.</summary>
    public static IEnumerable<ListReference> References(PromiseContent content)
    {
        yield return new ListReference("content.entryId", CatalogueList.Name, content.EntryId);
    }
}
