using System.Security.Cryptography;
using System.Text;

namespace Verzuim.Hotspot.Api.Access;

internal static class ApiKeyHasher
{
    public const string Header = "X-Api-Key";

    /// <summary>A new key: 32 random bytes (256 bits), base64url, prefixed so it is recognisable in a secrets scan.</summary>
    public static string NewKey() => "vzh_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>Constant-time comparison of a presented key with the configured one.</summary>
    public static bool Matches(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(Hash(presented), Hash(expected));
}
