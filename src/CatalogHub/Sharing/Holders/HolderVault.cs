using System.Security.Cryptography;
using System.Text;

namespace CatalogHub.Sharing.Holders;

/// <summary>
/// A holder's data key, wrapped (AES-256-GCM) by the master key. Id: the holder's keyed hash. Deleting this row is
/// the erasure: every ciphertext under it becomes unreadable while the events that carry it stay as they are.
/// </summary>
public sealed record HolderKey(string Id, string WrappedKey, DateTimeOffset CreatedAt);

/// <summary>
/// Crypto-shredding of holders' personal data. Names, ID numbers and face data are stored only as AES-256-GCM
/// ciphertext under a per-holder data key; the holder is found by <see cref="RefOf"/>, an HMAC-SHA-256 of the ID
/// number under a key derived from the master key, never by the ID itself.
/// <para>
/// The master key is 32 bytes, base64, from <c>CATALOGHUB_MASTER_KEY</c>. Without it a fixed development key is used
/// in the Development environment (so `make run` and `make test` work out of the box); in any other environment the
/// hub refuses to start with it. Three keys are derived from it with HKDF-SHA-256: one for the lookup hash, one to wrap
/// data keys, one to seal other stored secrets (<see cref="SealSecret"/>), so no use can stand in for another.
/// </para>
/// </summary>
public sealed class HolderVault
{
    public const string MasterKeySetting = "CATALOGHUB_MASTER_KEY";

    /// <summary>Development only: SHA-256 of a public phrase, so anyone can read data protected by it.</summary>
    private static readonly byte[] DevelopmentMasterKey = SHA256.HashData("CatalogHub development master key; never in production"u8);

    private readonly byte[] _lookupKey;
    private readonly byte[] _wrapKey;
    private readonly byte[] _secretKey;

    public HolderVault(IConfiguration config, IHostEnvironment environment, ILogger<HolderVault> logger)
    {
        var configured = config[MasterKeySetting] is { Length: > 0 };
        var master = configured ? Convert.FromBase64String(config[MasterKeySetting]!) : DevelopmentMasterKey;
        if (master.Length != 32) throw new InvalidOperationException($"{MasterKeySetting} must be 32 bytes, base64-encoded.");
        if (CryptographicOperations.FixedTimeEquals(master, DevelopmentMasterKey))
        {
            if (!environment.IsDevelopment())
                throw new InvalidOperationException($"{MasterKeySetting} is unset or holds the public development key, which is refused in the " +
                                                    $"'{environment.EnvironmentName}' environment: set it to 32 random bytes, base64 (openssl rand -base64 32).");
            logger.LogWarning("{Setting} is not set: holder data is protected by the public development key.", MasterKeySetting);
        }
        _lookupKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, info: "cataloghub holder lookup v1"u8.ToArray());
        _wrapKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, info: "cataloghub holder key wrap v1"u8.ToArray());
        _secretKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, info: "cataloghub stored secret v1"u8.ToArray());
    }

    /// <summary>The keyed hash that stands for a holder everywhere in the store and in logs: <c>h_</c> and 64 hex digits.</summary>
    public string RefOf(string holderId) =>
        "h_" + Convert.ToHexStringLower(HMACSHA256.HashData(_lookupKey, Encoding.UTF8.GetBytes(holderId.Trim().ToUpperInvariant())));

    /// <summary>
    /// Encrypts under the holder's data key, creating (and storing in the session) the key on first use when
    /// <paramref name="createKey"/> is set; null when there is no key and none may be created (an erased holder).
    /// </summary>
    public async Task<string?> Encrypt(IDocumentSession session, string holderRef, byte[] plaintext, DateTimeOffset now, CancellationToken ct,
        bool createKey = true)
    {
        var stored = await session.LoadAsync<HolderKey>(holderRef, ct);
        byte[] dataKey;
        if (stored is null)
        {
            if (!createKey) return null;
            dataKey = RandomNumberGenerator.GetBytes(32);
            session.Insert(new HolderKey(holderRef, Seal(_wrapKey, holderRef, dataKey), now));
        }
        else dataKey = Open(_wrapKey, holderRef, stored.WrappedKey);
        return Seal(dataKey, holderRef, plaintext);
    }

    /// <summary>The plaintext, or null when the holder was erased (the key is gone).</summary>
    public async Task<byte[]?> Decrypt(IQuerySession session, string holderRef, string ciphertext, CancellationToken ct) =>
        await session.LoadAsync<HolderKey>(holderRef, ct) is { } stored
            ? Open(Open(_wrapKey, holderRef, stored.WrappedKey), holderRef, ciphertext)
            : null;

    /// <summary>
    /// A secret the hub must keep but never show again (a webhook's signing key), sealed the same way as holder data
    /// keys; <paramref name="owner"/> (e.g. the subscription id) is bound in, so a sealed secret copied to another record fails to open.
    /// </summary>
    public string SealSecret(string owner, byte[] secret) => Seal(_secretKey, owner, secret);

    public byte[] OpenSecret(string owner, string sealedSecret) => Open(_secretKey, owner, sealedSecret);

    // Layout: base64(nonce 12 | ciphertext | tag 16); the holder ref is the associated data, so a ciphertext
    // moved to another holder's record fails to open.
    private static string Seal(byte[] key, string holderRef, byte[] plaintext)
    {
        var output = new byte[12 + plaintext.Length + 16];
        var nonce = output.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(nonce, plaintext, output.AsSpan(12, plaintext.Length), output.AsSpan(12 + plaintext.Length), Encoding.ASCII.GetBytes(holderRef));
        return Convert.ToBase64String(output);
    }

    private static byte[] Open(byte[] key, string holderRef, string sealedText)
    {
        var input = Convert.FromBase64String(sealedText);
        var plaintext = new byte[input.Length - 28];
        using var aes = new AesGcm(key, 16);
        aes.Decrypt(input.AsSpan(0, 12), input.AsSpan(12, plaintext.Length), input.AsSpan(12 + plaintext.Length), plaintext, Encoding.ASCII.GetBytes(holderRef));
        return plaintext;
    }
}
