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

    public static bool Matches(string key, string expectedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key)), Encoding.ASCII.GetBytes(expectedHash));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
