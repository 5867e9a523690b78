using CatalogHub.Platform;
using JasperFx.Events.Aggregation;
using JasperFx.Events.Projections;
using Marten;

namespace CatalogHub.Tests.Platform;

/// <summary>
/// A projection that names no event type reads every event of the store when it is rebuilt (a list's move at start-up, a
/// repair, the auditor's rebuild): on the benchmark's store each such rebuild took a minute or more even for a list with no
/// event at all (docs/benchmarks.md, (f)). Every projection the store registers must say what it reads.
/// </summary>
public sealed class Projections_read_their_own_events
{
    [Fact]
    public void every_projection_the_store_registers_declares_the_event_types_it_reads()
    {
        using var store = DocumentStore.For(opts => Hosting.ConfigureStore(opts, "Host=127.0.0.1;Database=unused"));
        var undeclared = store.Options.Projections.All
            .Where(source => Declared(source is IProjectionWrapper wrapper ? wrapper.InnerProjection : source).Count == 0)
            .Select(source => source.Name)
            .ToList();
        Assert.Empty(undeclared);
    }

    private static IReadOnlyCollection<Type> Declared(object projection) =>
        [
            .. projection is IAggregateProjection aggregate ? aggregate.AllEventTypes : [],
            .. projection is EventFilterable filterable ? filterable.IncludedEventTypes : [],
        ];
}
