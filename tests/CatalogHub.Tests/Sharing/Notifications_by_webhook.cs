using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Alba;
using CatalogHub.Platform;
using CatalogHub.Sharing.Holders;
using CatalogHub.Sharing.Notifications;
using CatalogHub.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wolverine;

namespace CatalogHub.Tests.Sharing;

public sealed class Notifications_by_webhook(AppFixture fixture) : SharingContext(fixture)
{
    private async Task<CreatedSubscription> Subscribe(WebhookReceiver receiver, params string[] kinds) =>
        Read<CreatedSubscription>(await Post("/sharing/subscriptions", new { url = receiver.Url, kinds, reason = "订阅证照与事项变更" }, Consumer.Key, 201));

    private static ChangeNotice Checked(ReceivedWebhook received, string secret)
    {
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Convert.FromBase64String(secret),
            (byte[])[.. Encoding.ASCII.GetBytes(received.Timestamp + "."), .. received.Body]));
        Assert.Equal(expected, received.Signature);
        return JsonSerializer.Deserialize<ChangeNotice>(received.Body, ApiJson.Options)!;
    }

    [Fact]
    public async Task a_licence_revocation_reaches_a_subscriber_signed_and_is_retried_until_accepted()
    {
        await using var receiver = await WebhookReceiver.Start(refuseFirst: 1);
        var subscription = await Subscribe(receiver, "licence-revoked");
        var key = TestSeal.P256();
        var seal = await RegisterSeal(key);
        await PublishedLicenceType();
        var licence = await Issue(Signed(FoodLicenceContent(), key, seal.Id));

        await Post($"/sharing/licences/{licence.Id}/revoke", new { reason = "经营者申请注销" }, Market.Key, 200, ETag(licence.Version));

        var accepted = await receiver.Accepted();
        var notice = Checked(accepted, subscription.Secret);
        Assert.Equal((ChangeKind.LicenceRevoked, licence.Id, licence.Identifier), (notice.Kind, notice.SubjectId, notice.Identifier));
        // The refused attempt and the accepted retry are one delivery: receivers drop duplicates by its id.
        Assert.Equal([503, 200], receiver.Received.Select(r => r.AnsweredWith));
        Assert.Single(receiver.Received.Select(r => r.Delivery).Distinct());
    }

    [Fact]
    public async Task published_items_and_revoked_seals_reach_the_departments_that_subscribed_to_them()
    {
        await using var receiver = await WebhookReceiver.Start();
        var subscription = await Subscribe(receiver, "item-published", "seal-revoked");
        var entry = await Published();
        var seal = await RevokeSeal(await RegisterSeal(TestSeal.Sm2()));

        var notices = new[] { Checked(await receiver.Accepted(), subscription.Secret), Checked(await receiver.Accepted(), subscription.Secret) };
        Assert.Contains(notices, n => n.Kind == ChangeKind.ItemPublished && n.SubjectId == entry.Id && n.Version == 1);
        Assert.Contains(notices, n => n.Kind == ChangeKind.SealRevoked && n.SubjectId == seal.Id);
    }

    /// <summary>A host of the application on the same database as the fixture's: one run of it, started and stopped by a test.</summary>
    private static Task<IAlbaHost> Run() =>
        AlbaHost.For<Program>(x => x.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning)).ConfigureServices(s => s.RunWolverineInSoloMode()));

    [Fact]
    public async Task a_notice_stored_by_one_run_of_the_application_is_delivered_after_a_restart()
    {
        await using var receiver = await WebhookReceiver.Start();
        var subscription = await Subscribe(receiver, "seal-revoked");
        var notice = new ChangeNotice(Guid.CreateVersion7(), ChangeKind.SealRevoked, Guid.CreateVersion7(), null, null, Now, Now, Market.Code);

        // The first run stores the notice (due shortly) in the durable inbox and is stopped before it is due. (The
        // fixture's host shares the database, so either it or the second run may be the one that delivers it.)
        await using (var first = await Run())
        {
            using var scope = first.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().ScheduleAsync(notice, TimeSpan.FromSeconds(5));
        }
        Assert.Empty(receiver.Received);

        await using var second = await Run();
        Assert.Equal(notice.NoticeId, Checked(await receiver.Accepted(), subscription.Secret).NoticeId);
    }

    [Theory]
    [InlineData("https://127.0.0.1/hook", "non-public-target")]
    [InlineData("https://127.8.9.10/hook", "non-public-target")]
    [InlineData("https://[::1]/hook", "non-public-target")]
    [InlineData("https://[::ffff:127.0.0.1]/hook", "non-public-target")]
    [InlineData("https://10.41.0.8/hook", "non-public-target")]
    [InlineData("https://172.20.1.1/hook", "non-public-target")]
    [InlineData("https://192.168.1.20/hook", "non-public-target")]
    [InlineData("https://100.72.0.1/hook", "non-public-target")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "https-required")]
    [InlineData("https://169.254.169.254/latest/meta-data/", "non-public-target")]
    [InlineData("https://[fe80::1]/hook", "non-public-target")]
    [InlineData("https://[fd12:3456::1]/hook", "non-public-target")]
    [InlineData("https://[::ffff:a9fe:a9fe]/hook", "non-public-target")]
    [InlineData("https://0.0.0.0/hook", "non-public-target")]
    [InlineData("https://224.0.0.251/hook", "non-public-target")]
    [InlineData("https://admin.localhost/hook", "non-public-target")]
    [InlineData("http://202.102.224.68/hook", "https-required")]
    public async Task a_subscription_to_an_address_inside_the_network_or_in_clear_is_refused_and_records_nothing(string url, string code)
    {
        var before = await EventCount();
        AssertProblem(await Post("/sharing/subscriptions", new { url, kinds = new[] { "licence-revoked" }, reason = "订阅证照变更" }, Consumer.Key, 400),
            code, "url");
        Assert.Equal(before, await EventCount());
    }

    [Fact]
    public async Task a_subscription_to_a_public_https_address_is_accepted_and_its_secret_is_stored_sealed_and_never_shown_again()
    {
        var created = Read<CreatedSubscription>(await Post("/sharing/subscriptions",
            new { url = "https://202.102.224.68/cataloghub/notifications", kinds = new[] { "licence-revoked" }, reason = "订阅证照变更" }, Consumer.Key, 201));

        await using var session = Store.QuerySession();
        var stored = await session.AdvancedSql.QueryAsync<string>(
            "select data::text from cataloghub.mt_doc_subscription_secret where id = ?", CancellationToken.None, created.Subscription.Id);
        Assert.DoesNotContain(created.Secret, Assert.Single(stored));
        Assert.Equal(Convert.FromBase64String(created.Secret), Host.Services.GetRequiredService<HolderVault>()
            .OpenSecret(created.Subscription.Id.ToString(), (await session.LoadAsync<SubscriptionSecret>(created.Subscription.Id))!.SealedSecret));

        var cancelled = await Post($"/sharing/subscriptions/{created.Subscription.Id}/cancel", new { reason = "停止订阅" }, Consumer.Key, 200, ETag(1));
        Assert.DoesNotContain(created.Secret, cancelled.ReadAsText());
        Assert.DoesNotContain(Logs.Lines, l => l.Contains(created.Secret));
    }

    [Fact]
    public async Task a_connection_is_checked_when_it_is_made_so_a_name_that_resolves_inside_the_network_is_refused()
    {
        await using var receiver = await WebhookReceiver.Start();
        // Without an allow-list, 'localhost' resolves at connection time to loopback, as a rebound public name would.
        var targets = new WebhookTargets(new ConfigurationBuilder().Build());
        using var client = new HttpClient(new SocketsHttpHandler { ConnectCallback = targets.Connect });

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(receiver.Url, new StringContent("{}")));
        Assert.IsType<WebhookTargetRefusedException>(refused.InnerException);
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task a_delivery_to_a_target_refused_at_connection_time_is_logged_and_dropped_not_retried()
    {
        await using var receiver = await WebhookReceiver.Start();
        // A subscription that got past the check at subscription time (an allow-list since narrowed, a name since rebound).
        var id = Guid.CreateVersion7();
        var url = new Uri(receiver.Url);
        await using (var session = Store.LightweightSession())
        {
            session.Events.StartStream<Subscription>(id, new SubscriptionCreated(id, Consumer.Id, Consumer.Code,
                $"https://127.0.0.1:{url.Port}{url.AbsolutePath}", [ChangeKind.SealRevoked], Consumer.Code, Now));
            session.Insert(new SubscriptionSecret(id, Host.Services.GetRequiredService<HolderVault>()
                .SealSecret(id.ToString(), RandomNumberGenerator.GetBytes(32))));
            await session.SaveChangesAsync();
        }

        await RevokeSeal(await RegisterSeal(TestSeal.Sm2()));

        var dropped = $"subscription {id} refused and dropped";
        for (var i = 0; i < 300 && !Logs.Lines.Any(l => l.Contains(dropped)); i++) await Task.Delay(100);
        Assert.Single(Logs.Lines, l => l.Contains(dropped));
        Assert.Empty(receiver.Received);
    }
}
