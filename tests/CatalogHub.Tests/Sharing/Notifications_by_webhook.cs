using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Alba;
using CatalogHub.Platform;
using CatalogHub.Sharing.Notifications;
using CatalogHub.Tests.Support;
using Microsoft.AspNetCore.Hosting;
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
}
