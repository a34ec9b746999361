using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;

namespace Verzuim.Hotspot.Api.Access;

internal enum AccessKind
{
    Public,
    Admin,
    Rmc,
    Institution,
}

/// <summary>
/// Who is asking: the public, an admin, one RMC region's coordinator (rmc:MC21) or one institution (institution:25LX).
/// Written as the role string of a key; it is also the name of the disclosure view a response was built for.
/// </summary>
internal sealed record AccessRole(AccessKind Kind, string? Code)
{
    public const string RoleClaim = "verzuim:role";
    public const string KeyIdClaim = "verzuim:key-id";

    public static readonly AccessRole Public = new(AccessKind.Public, null);
    public static readonly AccessRole Admin = new(AccessKind.Admin, null);

    public override string ToString() => Kind switch
    {
        AccessKind.Admin => "admin",
        AccessKind.Rmc => $"rmc:{Code}",
        AccessKind.Institution => $"institution:{Code}",
        _ => "public",
    };

    /// <summary>admin, rmc:MCxx or institution:BRIN (case-insensitive; codes are normalised).</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out AccessRole? role)
    {
        role = null;
        var text = value?.Trim() ?? "";
        if (text.Equals("admin", StringComparison.OrdinalIgnoreCase))
        {
            role = Admin;
        }
        else if (text.StartsWith("rmc:", StringComparison.OrdinalIgnoreCase) && Codes.TryRmc(text[4..], out var rmc))
        {
            role = new AccessRole(AccessKind.Rmc, rmc);
        }
        else if (text.StartsWith("institution:", StringComparison.OrdinalIgnoreCase) && Codes.TryBrin(text[12..], out var brin))
        {
            role = new AccessRole(AccessKind.Institution, brin);
        }
        return role is not null;
    }

    /// <summary>The role of an authenticated caller, or <see cref="Public"/>.</summary>
    public static AccessRole Of(ClaimsPrincipal? user) =>
        user?.FindFirst(RoleClaim)?.Value is { } value && TryParse(value, out var role) ? role : Public;
}
