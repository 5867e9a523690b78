using CatalogHub.Catalogue;
using CatalogHub.Lists.Promises;
using CatalogHub.Platform;
using CatalogHub.Publication;

namespace CatalogHub.Tests.Lists;

/// <summary>The 告知承诺 list's shape (400) and its refusals at publication (422), called directly.</summary>
public sealed class Promises_rules
{
    private static readonly PromiseContent Food = PromiseExamples.FoodBusinessPremises;

    private static (string Field, string Code)[] Shape(PromiseContent? content)
    {
        var v = new Validation();
        PromiseRules.Check(v, content);
        return [.. v.Errors.Select(e => (e.Field, e.Code))];
    }

    private static (string Field, string Code)[] Refusals(PromiseContent content)
    {
        Assert.Empty(Shape(content)); // refusals are asked only of well-formed content
        return [.. PromiseRules.RefusalsToPublish(content).Select(e => (e.Field, e.Code))];
    }

    [Fact]
    public void the_food_business_example_is_well_formed_and_publishable() => Assert.Empty(Refusals(Food));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\u3000")]
    public void a_promise_without_the_liability_for_a_false_one_is_refused(string? liability) =>
        Assert.Equal([("content.liability", "promise-without-liability")], Refusals(Food with { Liability = liability }));

    [Fact]
    public void a_promise_that_does_not_exclude_serious_bad_credit_is_refused() =>
        Assert.Equal([("content.exclusions", "missing-bad-credit-exclusion")],
            Refusals(Food with { Exclusions = [.. Food.Exclusions.Where(e => e.Kind != ExclusionKind.SeriousBadCredit)] }));

    [Fact]
    public void a_promise_that_does_not_exclude_earlier_false_promises_is_refused() =>
        Assert.Equal([("content.exclusions", "missing-false-promise-exclusion")],
            Refusals(Food with { Exclusions = [.. Food.Exclusions.Where(e => e.Kind != ExclusionKind.EarlierFalsePromise)] }));

    [Fact]
    public void a_promise_with_no_exclusions_is_refused_for_both_statutory_ones() =>
        Assert.Equal([("content.exclusions", "missing-bad-credit-exclusion"), ("content.exclusions", "missing-false-promise-exclusion")],
            Refusals(Food with { Exclusions = [] }));

    [Fact]
    public void a_statutory_exclusion_stated_as_an_item_specific_one_does_not_count()
    {
        // The words are there, but the basis check could not tell this clause from any other: the kind is what it reads.
        var exclusions = Food.Exclusions.Select(e => e.Kind == ExclusionKind.SeriousBadCredit ? e with { Kind = ExclusionKind.Other } : e);
        Assert.Equal([("content.exclusions", "missing-bad-credit-exclusion")], Refusals(Food with { Exclusions = [.. exclusions] }));
    }

    [Theory]
    [InlineData("营业执照等相关材料")]
    [InlineData("其他　材料")]
    [InlineData("经营场所使用证明等")]
    public void a_vague_replaced_material_is_refused(string name) =>
        Assert.Equal([("content.replaces[1].name", "vague-material")],
            Refusals(Food with { Replaces = [Food.Replaces[0], new(name, ReplacedKind.Material)] }));

    [Fact]
    public void a_vague_replaced_condition_is_refused() =>
        Assert.Equal([("content.replaces[0].name", "vague-condition")],
            Refusals(Food with { Replaces = [new("已取得相关手续", ReplacedKind.Condition)] }));

    [Fact]
    public void a_checked_promise_without_a_checking_time_is_refused() =>
        Assert.Equal([("content.complianceCheck.withinWorkingDays", "check-without-time")],
            Refusals(Food with { ComplianceCheck = Food.ComplianceCheck with { WithinWorkingDays = null } }));

    [Fact]
    public void an_item_exempt_from_checking_needs_no_checking_time() =>
        Assert.Empty(Refusals(Food with { ComplianceCheck = new(Exempt: true, "纳入“双随机、一公开”日常监管", null) }));

    [Fact]
    public void an_item_exempt_from_checking_has_no_checking_time() =>
        Assert.Equal([("content.complianceCheck.withinWorkingDays", "time-on-exempt-check")],
            Shape(Food with { ComplianceCheck = new(Exempt: true, "纳入“双随机、一公开”日常监管", 20) }));

    [Fact]
    public void every_refusal_is_reported_at_once() =>
        Assert.Equal(
        [
            ("content.liability", "promise-without-liability"),
            ("content.exclusions", "missing-bad-credit-exclusion"),
            ("content.exclusions", "missing-false-promise-exclusion"),
            ("content.replaces[0].name", "vague-material"),
        ], Refusals(Food with { Liability = null, Exclusions = [], Replaces = [new("其他材料", ReplacedKind.Material)] }));

    [Fact]
    public void content_is_required() => Assert.Equal([("content", "required")], Shape(null));

    [Fact]
    public void a_draft_names_its_entry_its_promise_what_it_replaces_how_it_is_checked_and_its_bases() =>
        Assert.Equal(
        [
            ("content.entryId", "required"),
            ("content.promiseText", "required"),
            ("content.replaces", "required"),
            ("content.exclusions", "required"),
            ("content.complianceCheck", "required"),
            ("content.legalBases", "required"),
        ], Shape(new PromiseContent(Guid.Empty, " ", [], null, null!, null!, [])));

    [Fact]
    public void each_replaced_requirement_says_whether_it_is_a_condition_or_a_material() =>
        Assert.Equal([("content.replaces[0].kind", "required"), ("content.replaces[1].name", "required")],
            Shape(Food with { Replaces = [new("经营场所使用证明", null), new("", ReplacedKind.Material)] }));

    [Fact]
    public void each_exclusion_has_a_kind_and_the_words_the_applicant_is_told() =>
        Assert.Equal([("content.exclusions[2].kind", "required"), ("content.exclusions[2].text", "required")],
            Shape(Food with { Exclusions = [.. Food.Exclusions, new(null, "")] }));

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(3651)]
    public void a_checking_time_is_a_number_of_working_days(int days) =>
        Assert.Equal([("content.complianceCheck.withinWorkingDays", "out-of-range")],
            Shape(Food with { ComplianceCheck = Food.ComplianceCheck with { WithinWorkingDays = days } }));

    [Fact]
    public void legal_bases_are_checked_like_the_catalogue_s() =>
        Assert.Equal([("content.legalBases[0].level", "unknown-basis-level")],
            Shape(Food with { LegalBases = [new LegalBasis("许昌市政务服务条例", "条例", "第二十四条")] }));

    [Fact]
    public void a_promise_refers_to_its_base_catalogue_entry() =>
        Assert.Equal([new ListReference("content.entryId", CatalogueList.Name, Food.EntryId)], PromiseRules.References(Food));
}
