using CatalogHub.Platform;
using Marten.Exceptions;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CatalogHub.Tests.Platform;

/// <summary>The supervisor alone, with a loop that fails as a bug would, then as the store would, then recovers.</summary>
public sealed class Supervised_loops
{
    private sealed class Flaky(Supervision supervision, Queue<Exception?> outcomes)
        : SupervisedLoop(supervision, TimeProvider.System, NullLogger<Flaky>.Instance)
    {
        public List<LoopState> Seen { get; } = [];
        public int Passes { get; private set; }

        protected override TimeSpan? Interval => TimeSpan.FromMilliseconds(50);

        protected override Task RunOnce(CancellationToken ct)
        {
            Seen.Add(State);
            Passes++;
            return outcomes.TryDequeue(out var failure) && failure is not null ? Task.FromException(failure) : Task.CompletedTask;
        }
    }

    [Fact]
    public async Task a_failing_loop_reports_why_backs_off_and_recovers_without_stopping()
    {
        var supervision = new Supervision([new SupervisedLoopRegistration(typeof(Flaky), "flaky")], TimeProvider.System);
        var outage = new MartenCommandException(new NpgsqlCommand("select 1"), new PostgresException("terminating connection", "FATAL", "FATAL", "57P01"));
        var loop = new Flaky(supervision, new Queue<Exception?>([new InvalidOperationException("a bug"), outage, null]));

        await loop.StartAsync(CancellationToken.None);
        var until = DateTime.UtcNow.AddSeconds(20);
        while (loop.Passes < 4 && DateTime.UtcNow < until) await Task.Delay(50);
        await loop.StopAsync(CancellationToken.None);

        Assert.True(loop.Passes >= 4);
        Assert.Equal((LoopCondition.Starting, (string?)null), (loop.Seen[0].Condition, loop.Seen[0].Reason));
        Assert.Equal((LoopCondition.Degraded, "failed: InvalidOperationException", 1), (loop.Seen[1].Condition, loop.Seen[1].Reason, loop.Seen[1].ConsecutiveFailures));
        Assert.Equal((LoopCondition.Degraded, "database-unavailable", 2), (loop.Seen[2].Condition, loop.Seen[2].Reason, loop.Seen[2].ConsecutiveFailures));
        Assert.Equal((LoopCondition.Running, 0), (loop.Seen[3].Condition, loop.Seen[3].ConsecutiveFailures));
        Assert.NotNull(loop.Seen[3].LastSuccessAt);
        Assert.True(loop.ExecuteTask!.IsCompletedSuccessfully);
    }

    [Theory]
    [InlineData(1, 500, 1000)]
    [InlineData(3, 2000, 4000)]
    [InlineData(40, 15000, 30000)]
    public void the_back_off_doubles_with_jitter_up_to_its_bound(int failures, int atLeastMs, int atMostMs)
    {
        var delay = Supervision.Backoff(failures, TimeSpan.FromSeconds(30));
        Assert.InRange(delay.TotalMilliseconds, atLeastMs, atMostMs);
    }
}
