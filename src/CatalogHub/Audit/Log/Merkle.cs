using System.Numerics;
using System.Security.Cryptography;

namespace CatalogHub.Audit.Log;

/// <summary>A perfect subtree of the log: the 2^<c>Level</c> leaves from <c>Index</c>·2^<c>Level</c> on. Level 0 is a leaf.</summary>
public readonly record struct NodeId(int Level, long Index)
{
    public long Start => Index << Level;
    public long End => (Index + 1) << Level;
}

/// <summary>The leaves <c>[Start, End)</c> of the log, whose hash is RFC 9162's MTH(D[Start:End]).</summary>
public readonly record struct LeafRange(long Start, long End)
{
    public long Count => End - Start;
}

/// <summary>
/// The Merkle tree of RFC 9162 §2.1 (Certificate Transparency 2.0, the same tree as RFC 6962) with SHA-256:
/// leaf hash SHA-256(0x00 ‖ data), interior node SHA-256(0x01 ‖ left ‖ right), the empty tree SHA-256("").
/// <para>
/// Proofs are generated as lists of leaf ranges (RFC 9162 §2.1.3.1 PATH and §2.1.4.1 SUBPROOF) and every such range
/// splits into at most log2(n) aligned perfect subtrees (<see cref="Perfect"/>), so a store that keeps the hash of each
/// perfect subtree answers any proof with O(log n) lookups and no leaf scan.
/// </para>
/// </summary>
public static class Merkle
{
    public const int HashSize = 32;

    public static byte[] EmptyRoot { get; } = SHA256.HashData(ReadOnlySpan<byte>.Empty);

    public static byte[] LeafHash(ReadOnlySpan<byte> data)
    {
        var input = new byte[data.Length + 1];
        data.CopyTo(input.AsSpan(1));
        return SHA256.HashData(input);
    }

    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> input = stackalloc byte[1 + left.Length + right.Length];
        input[0] = 1;
        left.CopyTo(input[1..]);
        right.CopyTo(input[(1 + left.Length)..]);
        return SHA256.HashData(input);
    }

    /// <summary>The largest power of two smaller than <paramref name="n"/> (n &gt; 1): where RFC 9162 splits a tree of n leaves.</summary>
    private static long Split(long n) => 1L << (63 - BitOperations.LeadingZeroCount((ulong)(n - 1)));

    /// <summary>
    /// The aligned perfect subtrees that make up a range as RFC 9162 shapes it, left to right, largest first: the binary
    /// decomposition of its size. Holds for every range a proof names and for every prefix <c>[0, size)</c>, because the
    /// tree always splits at a power of two to the left.
    /// </summary>
    public static IEnumerable<NodeId> Perfect(LeafRange range)
    {
        var start = range.Start;
        for (var rest = range.Count; rest > 0;)
        {
            var level = 63 - BitOperations.LeadingZeroCount((ulong)rest);
            if (start % (1L << level) != 0) throw new ArgumentException($"[{range.Start}, {range.End}) is not a range of the tree's shape.", nameof(range));
            yield return new NodeId(level, start >> level);
            start += 1L << level;
            rest -= 1L << level;
        }
    }

    /// <summary>MTH of a range from the hashes of its perfect subtrees: the right fold of <see cref="Perfect"/>.</summary>
    public static byte[] RangeHash(LeafRange range, Func<NodeId, byte[]> node)
    {
        if (range.Count == 0) return EmptyRoot;
        var pieces = Perfect(range).Select(node).ToList();
        var hash = pieces[^1];
        for (var i = pieces.Count - 2; i >= 0; i--) hash = NodeHash(pieces[i], hash);
        return hash;
    }

    /// <summary>RFC 9162 §2.1.3.1 PATH(m, D[n]): the ranges whose hashes prove leaf <paramref name="index"/> in a tree of <paramref name="size"/>, deepest first.</summary>
    public static IReadOnlyList<LeafRange> InclusionPath(long index, long size)
    {
        if (index < 0 || index >= size) throw new ArgumentOutOfRangeException(nameof(index), $"leaf {index} is not in a tree of {size} leaves.");
        var path = new List<LeafRange>();
        Path(index, 0, size, path);
        return path;

        static void Path(long m, long start, long n, List<LeafRange> path)
        {
            if (n <= 1) return;
            var k = Split(n);
            if (m < k)
            {
                Path(m, start, k, path);
                path.Add(new LeafRange(start + k, start + n));
            }
            else
            {
                Path(m - k, start + k, n - k, path);
                path.Add(new LeafRange(start, start + k));
            }
        }
    }

    /// <summary>RFC 9162 §2.1.4.1 PROOF(m, D[n]): the ranges that prove a tree of <paramref name="size1"/> leaves is a prefix of one of <paramref name="size2"/>.</summary>
    public static IReadOnlyList<LeafRange> ConsistencyPath(long size1, long size2)
    {
        if (size1 < 0 || size1 > size2) throw new ArgumentOutOfRangeException(nameof(size1), $"no proof from size {size1} to size {size2}.");
        var path = new List<LeafRange>();
        if (size1 == 0 || size1 == size2) return path;
        SubProof(size1, 0, size2, true, path);
        return path;

        static void SubProof(long m, long start, long n, bool whole, List<LeafRange> path)
        {
            if (m == n)
            {
                if (!whole) path.Add(new LeafRange(start, start + n));
                return;
            }
            var k = Split(n);
            if (m <= k)
            {
                SubProof(m, start, k, whole, path);
                path.Add(new LeafRange(start + k, start + n));
            }
            else
            {
                SubProof(m - k, start + k, n - k, false, path);
                path.Add(new LeafRange(start, start + k));
            }
        }
    }

    /// <summary>RFC 9162 §2.1.3.2: does <paramref name="proof"/> place <paramref name="leafHash"/> at <paramref name="index"/> under <paramref name="root"/>?</summary>
    public static bool VerifyInclusion(long index, long size, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root)
    {
        if (index < 0 || index >= size || leafHash.Length != HashSize || root.Length != HashSize || proof.Any(p => p.Length != HashSize)) return false;
        long fn = index, sn = size - 1;
        var r = leafHash.ToArray();
        foreach (var p in proof)
        {
            if (sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                r = NodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = NodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && r.AsSpan().SequenceEqual(root);
    }

    /// <summary>
    /// RFC 9162 §2.1.4.2: does <paramref name="proof"/> show the tree of <paramref name="size1"/> leaves with <paramref name="root1"/>
    /// to be a prefix of the tree of <paramref name="size2"/> leaves with <paramref name="root2"/>? Equal sizes need an empty
    /// proof and equal roots; a proof from the empty tree proves nothing and is refused.
    /// </summary>
    public static bool VerifyConsistency(long size1, long size2, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root1, ReadOnlySpan<byte> root2)
    {
        if (size1 <= 0 || size2 < size1) return false;
        if (size1 == size2) return proof.Count == 0 && root1.SequenceEqual(root2);
        if (proof.Count == 0 || root1.Length != HashSize || root2.Length != HashSize || proof.Any(p => p.Length != HashSize)) return false;

        var path = BitOperations.IsPow2(size1) ? [root1.ToArray(), .. proof] : proof;
        long fn = size1 - 1, sn = size2 - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path[0], sr = path[0];
        foreach (var c in path.Skip(1))
        {
            if (sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                fr = NodeHash(c, fr);
                sr = NodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = NodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && fr.AsSpan().SequenceEqual(root1) && sr.AsSpan().SequenceEqual(root2);
    }
}

/// <summary>
/// The right edge of a growing tree: the hashes of the perfect subtrees of <c>[0, Size)</c> (at most 63). Appending a leaf
/// completes the subtrees it closes and reports each to <c>completed</c>, which is how the log stores every perfect node
/// exactly once without reading any leaf back.
/// </summary>
public sealed class CompactRange
{
    private readonly List<(NodeId Id, byte[] Hash)> _edge;

    public CompactRange(long size, IEnumerable<(NodeId Id, byte[] Hash)> edge)
    {
        _edge = [.. edge];
        if (!_edge.Select(e => e.Id).SequenceEqual(Merkle.Perfect(new LeafRange(0, size))))
            throw new ArgumentException($"the edge does not match a tree of {size} leaves.", nameof(edge));
        Size = size;
    }

    public static CompactRange Empty => new(0, []);

    public long Size { get; private set; }

    public byte[] Root => _edge.Count == 0 ? Merkle.EmptyRoot : Merkle.RangeHash(new LeafRange(0, Size), id => _edge.First(e => e.Id == id).Hash);

    public void Append(byte[] leafHash, Action<NodeId, byte[]> completed)
    {
        var node = (Id: new NodeId(0, Size), Hash: leafHash);
        completed(node.Id, node.Hash);
        while (_edge.Count > 0 && _edge[^1].Id.Level == node.Id.Level)
        {
            var left = _edge[^1];
            _edge.RemoveAt(_edge.Count - 1);
            node = (new NodeId(node.Id.Level + 1, left.Id.Index >> 1), Merkle.NodeHash(left.Hash, node.Hash));
            completed(node.Id, node.Hash);
        }
        _edge.Add(node);
        Size++;
    }
}
