using System.Security.Cryptography;
using System.Text;

namespace CatalogHub.Departments;

/// <summary>
/// Key format: <c>chk_{keyId}_{secret}</c>. The key id (16 hex characters) finds the record; the whole key
/// is compared by SHA-256, which suits high-entropy random secrets (a slow password hash adds nothing here).
/// </summary>
public static class ApiKeys
{
    public const string Prefix = "chk_";

    public static (string KeyId, string Key) Generate()
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (keyId, $"{Prefix}{keyId}_{secret}");
    }

    public static string? KeyIdOf(string key)
    {
        if (!key.StartsWith(Prefix, StringComparison.Ordinal) || key.Length > 200) return null;
        var rest = key.AsSpan(Prefix.Length);
        var separator = rest.IndexOf('_');
        return separator == 16 ? rest[..16].ToString() : null;
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Whether <paramref name="key"/> hashes to <paramref name="expectedHash"/>, compared in fixed time; run on every
    /// authenticated request, so on the stack (a key that <see cref="KeyIdOf"/> accepts has at most 200 characters).</summary>
    public static bool Matches(string key, string expectedHash)
    {
        Span<byte> utf8 = stackalloc byte[3 * 200];
        if (key.Length > 200 || !Encoding.UTF8.TryGetBytes(key, utf8, out var length)) return false;
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8[..length], hash);
        Span<char> hex = stackalloc char[2 * SHA256.HashSizeInBytes];
        Convert.TryToHexStringLower(hash, hex, out _);
        return CryptographicOperations.FixedTimeEquals(System.Runtime.InteropServices.MemoryMarshal.AsBytes(hex),
            System.Runtime.InteropServices.MemoryMarshal.AsBytes(expectedHash.AsSpan()));
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
