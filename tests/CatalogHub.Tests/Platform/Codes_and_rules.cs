using CatalogHub.Platform;
using CatalogHub.Publication;

namespace CatalogHub.Tests.Platform;

public sealed class Codes_and_rules
{
    [Theory]
    [InlineData("11411000005326026D", true)]   // 许昌市政务服务和大数据管理局 (demo)
    [InlineData("91110000802100433B", true)]   // a published enterprise code
    [InlineData("11411000005326026E", false)]  // wrong check character
    [InlineData("1141100000532602", false)]    // too short
    [InlineData("I1411000005326026D", false)]  // I is not in the GB 32100 alphabet
    public void unified_social_credit_codes_are_checked_per_gb_32100(string code, bool valid) =>
        Assert.Equal(valid, UnifiedSocialCreditCode.IsValid(code));

    [Theory]
    [InlineData("411002", "411000")]
    [InlineData("411000", "410000")]
    [InlineData("410000", null)]
    public void a_region_s_parent_is_one_level_up(string region, string? parent) => Assert.Equal(parent, RegionCode.Parent(region));

    [Theory]
    [InlineData("411000", true)]
    [InlineData("991000", false)]
    [InlineData("41100", false)]
    public void region_codes_follow_gb_t_2260(string region, bool valid) => Assert.Equal(valid, RegionCode.IsValid(region));

    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void a_version_may_not_take_effect_before_it_is_published_or_before_the_current_one()
    {
        var inReview = Lifecycle.NewDraft.Submitted();
        Assert.Null(LifecycleRules.CanPublish(inReview, Now, Now));
        Assert.NotNull(LifecycleRules.CanPublish(inReview, Now.AddTicks(-1), Now));

        var published = inReview.Published(1, Now.AddDays(10)).Revised().Submitted();
        Assert.NotNull(LifecycleRules.CanPublish(published, Now.AddDays(10), Now));
        Assert.Null(LifecycleRules.CanPublish(published, Now.AddDays(10).AddTicks(1), Now));
    }

    [Fact]
    public void only_a_published_entry_can_be_repealed_and_a_repeal_is_final()
    {
        Assert.NotNull(LifecycleRules.CanRepeal(Lifecycle.NewDraft, Now, Now));
        var published = Lifecycle.NewDraft.Submitted().Published(1, Now);
        Assert.Null(LifecycleRules.CanRepeal(published, Now.AddDays(1), Now));
        var repealed = published.Repealed(Now.AddDays(1));
        Assert.NotNull(LifecycleRules.CanRevise(repealed));
        Assert.NotNull(LifecycleRules.CanRepeal(repealed, Now.AddDays(2), Now));
    }
}
