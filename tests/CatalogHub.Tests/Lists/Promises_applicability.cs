using CatalogHub.Lists.Promises;

namespace CatalogHub.Tests.Lists;

/// <summary>Whether an applicant may use an item's promise (003:31, 000:24, 004:25), called directly.</summary>
public sealed class Promises_applicability
{
    private static readonly PromiseContent Food = PromiseExamples.FoodBusinessPremises;

    [Fact]
    public void an_applicant_with_no_exclusion_may_use_the_promise()
    {
        var answer = PromiseApplicability.For(Food, new(SeriousBadCredit: false, EarlierFalsePromise: false));
        Assert.True(answer.Applies);
        Assert.Equal("no-exclusion-met", answer.Reason);
        Assert.Empty(answer.ExcludedBy);
        Assert.Empty(answer.NotAssessed);
    }

    [Fact]
    public void an_applicant_with_a_serious_bad_credit_record_is_excluded_citing_the_clause()
    {
        var answer = PromiseApplicability.For(Food, new(SeriousBadCredit: true, EarlierFalsePromise: false));
        Assert.False(answer.Applies);
        Assert.Equal("serious-bad-credit", answer.Reason);
        Assert.Equal([new ExclusionMet("serious-bad-credit", "content.exclusions[0]")], answer.ExcludedBy);
    }

    [Fact]
    public void an_applicant_who_made_a_false_promise_before_is_excluded_citing_the_clause()
    {
        var answer = PromiseApplicability.For(Food, new(SeriousBadCredit: false, EarlierFalsePromise: true));
        Assert.False(answer.Applies);
        Assert.Equal("earlier-false-promise", answer.Reason);
        Assert.Equal([new ExclusionMet("earlier-false-promise", "content.exclusions[1]")], answer.ExcludedBy);
    }

    [Fact]
    public void an_applicant_meeting_both_exclusions_is_told_both_in_the_order_of_the_statute()
    {
        var reversed = Food with { Exclusions = [Food.Exclusions[1], Food.Exclusions[0]] };
        var answer = PromiseApplicability.For(reversed, new(SeriousBadCredit: true, EarlierFalsePromise: true));
        Assert.False(answer.Applies);
        Assert.Equal("serious-bad-credit", answer.Reason);
        Assert.Equal([new ExclusionMet("serious-bad-credit", "content.exclusions[1]"), new ExclusionMet("earlier-false-promise", "content.exclusions[0]")],
            answer.ExcludedBy);
    }

    [Fact]
    public void the_statute_excludes_even_where_a_draft_does_not_say_so()
    {
        var answer = PromiseApplicability.For(Food with { Exclusions = [] }, new(SeriousBadCredit: true, EarlierFalsePromise: false));
        Assert.False(answer.Applies);
        Assert.Equal([new ExclusionMet("serious-bad-credit", null)], answer.ExcludedBy);
    }

    [Fact]
    public void an_item_s_own_exclusions_are_named_as_not_assessed()
    {
        var withOwn = Food with { Exclusions = [.. Food.Exclusions, new(ExclusionKind.Other, "申请人因食品安全违法行为被吊销许可证未满五年的，不适用告知承诺制。")] };
        var answer = PromiseApplicability.For(withOwn, new(SeriousBadCredit: false, EarlierFalsePromise: false));
        Assert.True(answer.Applies);
        Assert.Equal(["content.exclusions[2]"], answer.NotAssessed);
    }
}
