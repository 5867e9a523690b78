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
    [InlineData("110101", "110000")]   // 东城区: Beijing has no prefecture row in the table
    [InlineData("419001", "410000")]   // 济源市, a county-level city directly under 河南省
    [InlineData("411023", "411000")]   // 许昌县, abolished, still under 许昌市
    public void a_region_s_parent_is_the_next_level_up_that_exists(string region, string? parent) =>
        Assert.Equal(parent, RegionCode.Parent(region));

    [Theory]
    [InlineData("410000", true, true)]    // 河南省
    [InlineData("411000", true, true)]    // 许昌市
    [InlineData("411002", true, true)]    // 魏都区
    [InlineData("411003", true, true)]    // 建安区 (2016)
    [InlineData("411081", true, true)]    // 禹州市
    [InlineData("820000", true, true)]    // 澳门特别行政区
    [InlineData("411023", false, true)]   // 许昌县, abolished in 2016
    [InlineData("110103", false, true)]   // 崇文区, abolished in 2010
    [InlineData("419999", false, false)]
    [InlineData("411099", false, false)]
    [InlineData("991000", false, false)]
    [InlineData("41100", false, false)]
    public void region_codes_are_looked_up_in_the_gb_t_2260_table(string region, bool current, bool known)
    {
        Assert.Equal(current, RegionCode.IsCurrent(region));
        Assert.Equal(known, RegionCode.IsKnown(region));
    }

    [Fact]
    public void the_current_table_is_the_whole_ministry_list_with_its_names()
    {
        Assert.Equal(3213, RegionTable.Current.Count);
        Assert.Equal(3237, RegionTable.Abolished.Count);
        Assert.Equal("建安区", RegionCode.Name("411003"));
        Assert.Equal("许昌县", RegionCode.Name("411023"));
        Assert.Equal(2016, RegionTable.Abolished["411023"].Abolished);
        Assert.Empty(RegionTable.Current.Keys.Intersect(RegionTable.Abolished.Keys));
    }

    [Theory]
    [InlineData("411099", "unknown-region")]
    [InlineData("411023", "unknown-region")]
    [InlineData("991000", "invalid-region-code")]
    [InlineData("4110a0", "invalid-region-code")]
    public void only_current_codes_pass_the_check_for_new_data(string region, string code)
    {
        var v = new Validation();
        RegionCode.CheckCurrent(v, "regionCode", region);
        Assert.Equal([("regionCode", code)], v.Errors.Select(e => (e.Field, e.Code)));
    }

    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void a_version_from_now_on_takes_effect_after_the_current_one_and_one_before_now_is_a_correction()
    {
        var inReview = Lifecycle.NewDraft.Submitted();
        Assert.Null(LifecycleRules.CanPublish(inReview, Now, Now));
        // Before now: a correction of what was in force then (the write path requires its basis).
        Assert.Null(LifecycleRules.CanPublish(inReview, Now.AddTicks(-1), Now));

        var published = inReview.Published(1, Now.AddDays(10)).Revised().Submitted();
        Assert.NotNull(LifecycleRules.CanPublish(published, Now.AddDays(10), Now));
        Assert.Null(LifecycleRules.CanPublish(published, Now.AddDays(10).AddTicks(1), Now));
        Assert.Null(LifecycleRules.CanPublish(published, Now.AddDays(-1), Now));
    }

    [Fact]
    public void a_correction_replaces_the_point_at_its_instant_and_lasts_until_the_next_one()
    {
        var v1 = Now.AddDays(-30);
        var v2 = Now.AddDays(5);
        var state = Lifecycle.NewDraft.Submitted().Published(1, v1).Published(2, v2).Published(3, Now.AddDays(-10)).Published(4, v1);
        Assert.Equal([new TimelinePoint(v1, 4), new TimelinePoint(Now.AddDays(-10), 3), new TimelinePoint(v2, 2)], state.Timeline.ToArray());
        Assert.Equal((4, v2, (DateTimeOffset?)null), (state.LatestVersion, state.LatestEffectiveAt!.Value, state.RepealEffectiveAt));
        // A repeal corrects only an instant at which a version was in force.
        Assert.Null(LifecycleRules.CanRepeal(state, Now.AddDays(-20), Now));
        Assert.NotNull(LifecycleRules.CanRepeal(state, Now.AddDays(-40), Now));
    }

    [Fact]
    public void only_a_change_not_yet_in_effect_is_cancelled_or_rescheduled_and_only_between_its_neighbours()
    {
        var state = Lifecycle.NewDraft.Submitted().Published(1, Now.AddDays(-1)).Published(2, Now.AddDays(10)).Repealed(Now.AddDays(20));
        Assert.NotNull(LifecycleRules.CanChangeSchedule(state, 1, Now, out _));
        Assert.Null(LifecycleRules.CanChangeSchedule(state, 2, Now, out var v2));
        Assert.Equal(new TimelinePoint(Now.AddDays(10), 2), v2);
        Assert.Null(LifecycleRules.CanReschedule(state, null, Now.AddDays(30), Now, out _));
        Assert.NotNull(LifecycleRules.CanReschedule(state, null, Now.AddDays(10), Now, out _));
        Assert.NotNull(LifecycleRules.CanReschedule(state, 2, Now.AddDays(-1).AddTicks(1), Now, out _));
        Assert.Equal([new TimelinePoint(Now.AddDays(-1), 1), new TimelinePoint(Now.AddDays(20), null)], state.Cancelled(Now.AddDays(10)).Timeline.ToArray());
        Assert.Equal(Now.AddDays(-1), state.Cancelled(Now.AddDays(10)).LatestEffectiveAt);
        Assert.Null(state.Cancelled(Now.AddDays(20)).RepealEffectiveAt);
        Assert.Equal(Now.AddDays(25), state.Rescheduled(Now.AddDays(20), Now.AddDays(25)).RepealEffectiveAt);
    }

    [Fact]
    public void only_a_published_entry_can_be_repealed_and_a_repealed_one_comes_back_only_after_its_repeal()
    {
        Assert.NotNull(LifecycleRules.CanRepeal(Lifecycle.NewDraft, Now, Now));
        var published = Lifecycle.NewDraft.Submitted().Published(1, Now);
        Assert.Null(LifecycleRules.CanRepeal(published, Now.AddDays(1), Now));
        var repealed = published.Repealed(Now.AddDays(1));
        Assert.NotNull(LifecycleRules.CanRepeal(repealed, Now.AddDays(2), Now));

        // Re-established on the same stream by a version taking effect after the repeal, then repealable again.
        Assert.Null(LifecycleRules.CanRevise(repealed));
        var reviewed = repealed.Revised().Submitted();
        Assert.NotNull(LifecycleRules.CanPublish(reviewed, Now.AddDays(1), Now));
        Assert.Null(LifecycleRules.CanPublish(reviewed, Now.AddDays(1).AddTicks(1), Now));
        var back = reviewed.Published(2, Now.AddDays(1).AddTicks(1));
        Assert.False(back.IsRepealed);
        Assert.NotNull(LifecycleRules.CanRepeal(back, Now.AddDays(1).AddTicks(1), Now));
        Assert.Null(LifecycleRules.CanRepeal(back, Now.AddDays(2), Now));
    }

    [Fact]
    public void a_withdrawn_never_published_draft_is_closed_but_a_withdrawn_revision_leaves_the_entry_as_it_was()
    {
        var withdrawn = Lifecycle.NewDraft.Withdrawn();
        Assert.NotNull(LifecycleRules.CanRevise(withdrawn));
        Assert.NotNull(LifecycleRules.CanSubmit(withdrawn));
        var repealed = Lifecycle.NewDraft.Submitted().Published(1, Now).Repealed(Now.AddDays(1));
        Assert.Equal(repealed, repealed.Revised().Withdrawn());
    }
}
