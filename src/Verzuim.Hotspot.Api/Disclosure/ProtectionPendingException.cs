using Microsoft.AspNetCore.Diagnostics;

namespace Verzuim.Hotspot.Api.Disclosure;

/// <summary>
/// The protection of a school year's counts is still being computed (after an import, or at start), or the counts
/// changed under the request. Nothing may be published without it, so the answer is 503 with Retry-After.
/// </summary>
internal sealed class ProtectionPendingException(string schoolYear, int retryAfterSeconds)
    : Exception($"The disclosure protection of school year {schoolYear} is being computed.")
{
    public string SchoolYear { get; } = schoolYear;
    public int RetryAfterSeconds { get; } = retryAfterSeconds;
}

/// <summary>Answers <see cref="ProtectionPendingException"/> with 503 problem+json and Retry-After.</summary>
internal sealed class ProtectionPendingHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (Find(exception) is not { } pending)
        {
            return false;
        }
        return await http.WriteProblemAsync(StatusCodes.Status503ServiceUnavailable, "Counts not yet protected.",
            $"The counts of school year {pending.SchoolYear} are published only with their disclosure protection, which is being " +
            "computed. Try again after the number of seconds in Retry-After.", pending.RetryAfterSeconds, exception);
    }

    private static ProtectionPendingException? Find(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is ProtectionPendingException pending)
            {
                return pending;
            }
        }
        return null;
    }
}
