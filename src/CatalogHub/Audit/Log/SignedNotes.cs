using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using CatalogHub.Sharing.Seals;

namespace CatalogHub.Audit.Log;

/// <summary>A key that signs notes: its name, its C2SP key id and its verifier key (<c>name+hex(id)+base64(type ‖ public key)</c>).</summary>
public abstract class NoteKey
{
    protected NoteKey(string name, byte[] type, byte[] publicKey)
    {
        if (name.Length == 0 || name.Any(c => char.IsWhiteSpace(c) || c == '+'))
            throw new ArgumentException("A key name must be non-empty, without spaces or '+'.", nameof(name));
        Name = name;
        Type = type;
        PublicKey = publicKey;
        KeyId = SignedNote.KeyIdOf(name, [.. type, .. publicKey]);
    }

    public string Name { get; }
    public uint KeyId { get; }
    public byte[] Type { get; }
    public byte[] PublicKey { get; }
    public string VerifierKey => $"{Name}+{KeyId:x8}+{Convert.ToBase64String([.. Type, .. PublicKey])}";

    public abstract bool Verify(byte[] text, byte[] signature);

    /// <summary>Reads a verifier key of a type this hub knows (Ed25519, or its SM2 type); null otherwise.</summary>
    public static NoteKey? FromVerifierKey(string vkey)
    {
        var parts = vkey.Split('+', 3); // the base64 part may hold '+' itself
        if (parts.Length != 3 || parts[1].Length != 8) return null;
        byte[] material;
        try { material = Convert.FromBase64String(parts[2]); }
        catch (FormatException) { return null; }
        NoteKey? key = material switch
        {
            [Ed25519NoteKey.TypeByte, .. var pub] when pub.Length == 32 => new Ed25519NoteKey(parts[0], pub),
            _ when material.AsSpan().StartsWith(Sm2NoteKey.TypeBytes) && material.Length == Sm2NoteKey.TypeBytes.Length + 65 =>
                new Sm2NoteKey(parts[0], material[Sm2NoteKey.TypeBytes.Length..]),
            _ => null,
        };
        return key is not null && key.KeyId.ToString("x8") == parts[1] ? key : null;
    }
}

/// <summary>A key that can also sign.</summary>
public interface INoteSigner
{
    NoteKey Key { get; }
    byte[] Sign(byte[] text);
}

/// <summary>Ed25519 (RFC 8032), signature type 0x01 of C2SP signed-note.</summary>
public class Ed25519NoteKey(string name, byte[] publicKey) : NoteKey(name, [TypeByte], publicKey)
{
    public const byte TypeByte = 0x01;

    public override bool Verify(byte[] text, byte[] signature)
    {
        if (signature.Length != 64) return false;
        var verifier = new Ed25519Signer();
        verifier.Init(false, new Ed25519PublicKeyParameters(PublicKey));
        verifier.BlockUpdate(text, 0, text.Length);
        return verifier.VerifySignature(signature);
    }
}

public sealed class Ed25519NoteSigner : INoteSigner
{
    private readonly Ed25519PrivateKeyParameters _private;

    public Ed25519NoteSigner(string name, byte[] seed)
    {
        _private = new Ed25519PrivateKeyParameters(seed);
        Key = new Ed25519NoteKey(name, _private.GeneratePublicKey().GetEncoded());
    }

    public NoteKey Key { get; }

    public byte[] Sign(byte[] text)
    {
        var signer = new Ed25519Signer();
        signer.Init(true, _private);
        signer.BlockUpdate(text, 0, text.Length);
        return signer.GenerateSignature();
    }
}

/// <summary>
/// SM2 with SM3 (GB/T 32918, GB/T 38540 practice), signer id "1234567812345678", DER signature. C2SP assigns SM2 no
/// type byte, so it takes 0xff (unassigned types) followed by <c>SM2-SM3</c>; the public key is the 65-byte uncompressed point.
/// </summary>
public sealed class Sm2NoteKey(string name, byte[] publicKey) : NoteKey(name, TypeBytes, publicKey)
{
    public static readonly byte[] TypeBytes = [0xff, .. "SM2-SM3"u8];

    internal static readonly ECDomainParameters Domain = new(GMNamedCurves.GetByName("sm2p256v1"));

    public override bool Verify(byte[] text, byte[] signature)
    {
        try
        {
            var verifier = new SM2Signer(new SM3Digest());
            verifier.Init(false, new ParametersWithID(new ECPublicKeyParameters(Domain.Curve.DecodePoint(PublicKey), Domain), SealKeys.DefaultSm2UserId));
            verifier.BlockUpdate(text, 0, text.Length);
            return verifier.VerifySignature(signature);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            return false;
        }
    }
}

public sealed class Sm2NoteSigner : INoteSigner
{
    private readonly ECPrivateKeyParameters _private;

    public Sm2NoteSigner(string name, byte[] privateScalar)
    {
        var d = new BigInteger(1, privateScalar).Mod(Sm2NoteKey.Domain.N);
        if (d.SignValue == 0) throw new ArgumentException("The SM2 private key is zero.", nameof(privateScalar));
        _private = new ECPrivateKeyParameters(d, Sm2NoteKey.Domain);
        Key = new Sm2NoteKey(name, Sm2NoteKey.Domain.G.Multiply(d).Normalize().GetEncoded(false));
    }

    public NoteKey Key { get; }

    public byte[] Sign(byte[] text)
    {
        var signer = new SM2Signer(new SM3Digest());
        signer.Init(true, new ParametersWithID(new ParametersWithRandom(_private, new SecureRandom()), SealKeys.DefaultSm2UserId));
        signer.BlockUpdate(text, 0, text.Length);
        return signer.GenerateSignature();
    }
}

/// <summary>A signature line of a note: key name, key id and the signature bytes.</summary>
public sealed record NoteSignature(string KeyName, uint KeyId, byte[] Signature);

/// <summary>
/// C2SP signed-note: the text (ending in a newline), a blank line, then one line per signature,
/// <c>— name base64(keyid ‖ signature)</c>. Verifiers ignore signatures of keys they do not know.
/// </summary>
public static class SignedNote
{
    private const string Dash = "\u2014 ";

    /// <summary>SHA-256(name ‖ 0x0A ‖ type ‖ public key)[:4], big-endian.</summary>
    public static uint KeyIdOf(string name, byte[] typeAndKey) =>
        BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData([.. Encoding.UTF8.GetBytes(name), 0x0a, .. typeAndKey]));

    public static string Sign(string text, IEnumerable<INoteSigner> signers)
    {
        if (!text.EndsWith('\n')) throw new ArgumentException("A note's text ends in a newline.", nameof(text));
        var bytes = Encoding.UTF8.GetBytes(text);
        var note = new StringBuilder(text).Append('\n');
        foreach (var signer in signers)
        {
            var id = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(id, signer.Key.KeyId);
            note.Append(Dash).Append(signer.Key.Name).Append(' ').Append(Convert.ToBase64String([.. id, .. signer.Sign(bytes)])).Append('\n');
        }
        return note.ToString();
    }

    /// <summary>The text and signature lines of a well-formed note; null if it is not one.</summary>
    public static (string Text, IReadOnlyList<NoteSignature> Signatures)? Parse(string note)
    {
        if (!note.EndsWith('\n') || note.Any(c => c < 0x20 && c != '\n')) return null;
        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0) return null;
        var text = note[..(split + 1)];
        var signatures = new List<NoteSignature>();
        foreach (var line in note[(split + 2)..^1].Split('\n'))
        {
            if (!line.StartsWith(Dash, StringComparison.Ordinal)) return null;
            var parts = line[Dash.Length..].Split(' ');
            if (parts.Length != 2 || parts[0].Length == 0) return null;
            byte[] raw;
            try { raw = Convert.FromBase64String(parts[1]); }
            catch (FormatException) { return null; }
            if (raw.Length < 5) return null;
            signatures.Add(new NoteSignature(parts[0], BinaryPrimitives.ReadUInt32BigEndian(raw), raw[4..]));
        }
        return signatures.Count == 0 ? null : (text, signatures);
    }

    /// <summary>
    /// The note's text when at least one signature is by a known key and every signature by a known key verifies
    /// (signed-note: a failing known signature rejects the whole note); null otherwise.
    /// </summary>
    public static string? Open(string note, IEnumerable<NoteKey> known)
    {
        if (Parse(note) is not var (text, signatures)) return null;
        var bytes = Encoding.UTF8.GetBytes(text);
        var verified = 0;
        foreach (var s in signatures)
        {
            var key = known.FirstOrDefault(k => k.Name == s.KeyName && k.KeyId == s.KeyId);
            if (key is null) continue;
            if (!key.Verify(bytes, s.Signature)) return null;
            verified++;
        }
        return verified > 0 ? text : null;
    }
}
