using System.Text.Json;
using System.Text.Json.Serialization;
using CatalogHub.Audit.Log;

namespace CatalogHub.Tests.Audit.Log;

/// <summary>The tree math against transparency-dev/merkle's published probes (Testdata/README.md), the negative ones included.</summary>
public sealed class Merkle_vectors
{
    public sealed record InclusionProbe(ulong LeafIdx, ulong TreeSize, byte[] Root, byte[] LeafHash, byte[][]? Proof, string Desc, bool WantErr)
    {
        public bool Verifies => LeafIdx <= long.MaxValue && TreeSize <= long.MaxValue
            && Merkle.VerifyInclusion((long)LeafIdx, (long)TreeSize, LeafHash, Proof ?? [], Root);
    }

    /// <summary>Sizes beyond <c>long</c> (the probes' 2^64-1) cannot be stated to our verifier at all: they count as refused.</summary>
    public sealed record ConsistencyProbe(ulong Size1, ulong Size2, byte[] Root1, byte[] Root2, byte[][]? Proof, string Desc, bool WantErr)
    {
        public bool Verifies => Size1 <= long.MaxValue && Size2 <= long.MaxValue
            && Merkle.VerifyConsistency((long)Size1, (long)Size2, Proof ?? [], Root1, Root2);
    }

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, NumberHandling = JsonNumberHandling.Strict };

    private static string Testdata(string kind) => Path.Combine(AppContext.BaseDirectory, "Audit", "Log", "Testdata", kind);

    private static IEnumerable<(string File, T Probe)> Probes<T>(string kind) =>
        Directory.EnumerateFiles(Testdata(kind), "*.json", SearchOption.AllDirectories).Order()
            .Select(f => (Path.GetRelativePath(Testdata(kind), f), JsonSerializer.Deserialize<T>(File.ReadAllText(f), Json)!));

    /// <summary>The eight leaves of transparency-dev/merkle's <c>testonly.LeafInputs()</c>, from which its happy paths were made.</summary>
    private static readonly byte[][] Leaves = [.. new[] { "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f" }
        .Select(h => Merkle.LeafHash(Convert.FromHexString(h)))];

    /// <summary>A perfect subtree's hash straight from the leaves, the way the RFC defines it.</summary>
    private static byte[] Node(NodeId id) => id.Level == 0 ? Leaves[id.Index]
        : Merkle.NodeHash(Node(new NodeId(id.Level - 1, id.Index * 2)), Node(new NodeId(id.Level - 1, id.Index * 2 + 1)));

    private static byte[][] Hashes(IEnumerable<LeafRange> ranges) => [.. ranges.Select(r => Merkle.RangeHash(r, Node))];

    [Fact]
    public void every_inclusion_probe_verifies_or_fails_as_published()
    {
        var probes = Probes<InclusionProbe>("inclusion").ToList();
        Assert.Equal(98, probes.Count); // every file of the published set
        Assert.Contains(probes, p => p.Probe.WantErr);
        var wrong = probes.Where(p => p.Probe.Verifies == p.Probe.WantErr)
            .Select(p => $"{p.File} ({p.Probe.Desc})");
        Assert.Empty(wrong);
    }

    [Fact]
    public void every_consistency_probe_verifies_or_fails_as_published()
    {
        var probes = Probes<ConsistencyProbe>("consistency").ToList();
        Assert.Equal(98, probes.Count);
        Assert.Contains(probes, p => p.Probe.WantErr);
        var wrong = probes.Where(p => p.Probe.Verifies == p.Probe.WantErr)
            .Select(p => $"{p.File} ({p.Probe.Desc})");
        Assert.Empty(wrong);
    }

    [Fact]
    public void generated_proofs_equal_the_published_happy_paths()
    {
        foreach (var (file, p) in Probes<InclusionProbe>("inclusion").Where(p => !p.Probe.WantErr && p.Probe.TreeSize > 1 && p.Probe.TreeSize <= (ulong)Leaves.Length))
        {
            Assert.Equal(p.Root, Merkle.RangeHash(new LeafRange(0, (long)p.TreeSize), Node));
            Assert.True(p.Proof!.SequenceEqual(Hashes(Merkle.InclusionPath((long)p.LeafIdx, (long)p.TreeSize)), ByteArrays), file);
        }
        foreach (var (file, p) in Probes<ConsistencyProbe>("consistency").Where(p => !p.Probe.WantErr && p.Probe.Size1 < p.Probe.Size2 && p.Probe.Size2 <= (ulong)Leaves.Length))
        {
            Assert.Equal(p.Root1, Merkle.RangeHash(new LeafRange(0, (long)p.Size1), Node));
            Assert.Equal(p.Root2, Merkle.RangeHash(new LeafRange(0, (long)p.Size2), Node));
            Assert.True(p.Proof!.SequenceEqual(Hashes(Merkle.ConsistencyPath((long)p.Size1, (long)p.Size2)), ByteArrays), file);
        }
    }

    [Fact]
    public void every_generated_proof_of_every_small_tree_verifies_and_a_flipped_bit_does_not()
    {
        var leaves = Enumerable.Range(0, 37).Select(i => Merkle.LeafHash(BitConverter.GetBytes(i))).ToArray();
        var nodes = new Dictionary<NodeId, byte[]>();
        var range = CompactRange.Empty;
        var roots = new List<byte[]> { range.Root };
        foreach (var leaf in leaves)
        {
            range.Append(leaf, (id, hash) => nodes.Add(id, hash));
            roots.Add(range.Root);
        }
        for (var size = 1; size <= leaves.Length; size++)
        {
            Assert.Equal(roots[size], Merkle.RangeHash(new LeafRange(0, size), id => nodes[id]));
            for (var index = 0; index < size; index++)
            {
                var proof = Merkle.InclusionPath(index, size).Select(r => Merkle.RangeHash(r, id => nodes[id])).ToList();
                Assert.True(Merkle.VerifyInclusion(index, size, leaves[index], proof, roots[size]), $"leaf {index} of {size}");
                Assert.False(Merkle.VerifyInclusion(index, size, leaves[(index + 1) % leaves.Length], proof, roots[size]));
            }
            for (var earlier = 1; earlier < size; earlier++)
            {
                var proof = Merkle.ConsistencyPath(earlier, size).Select(r => Merkle.RangeHash(r, id => nodes[id])).ToList();
                Assert.True(Merkle.VerifyConsistency(earlier, size, proof, roots[earlier], roots[size]), $"{earlier} to {size}");
                var flipped = proof.Select(h => h.ToArray()).ToList();
                flipped[^1][0] ^= 1;
                Assert.False(Merkle.VerifyConsistency(earlier, size, flipped, roots[earlier], roots[size]));
            }
        }
    }

    private static readonly ByteArrayComparer ByteArrays = new();

    private sealed class ByteArrayComparer : IEqualityComparer<byte[]>
    {
        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);
        public int GetHashCode(byte[] obj) => obj.Length;
    }
}
