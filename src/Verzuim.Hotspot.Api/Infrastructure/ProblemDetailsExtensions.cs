using Microsoft.AspNetCore.Mvc;

namespace Verzuim.Hotspot.Api.Infrastructure;

internal static class ProblemDetailsExtensions
{
    /// <summary>Every non-2xx answer is RFC 7807 problem+json, including unmatched routes and unhandled errors.</summary>
    public static IServiceCollection AddHotspotProblemDetails(this IServiceCollection services) =>
        services.AddExceptionHandler<DatabaseUnavailableHandler>()
            .AddProblemDetails(o => o.CustomizeProblemDetails = c =>
                c.ProblemDetails.Instance ??= c.HttpContext.Request.Path);

    public static ValidationProblem InvalidParameter(string name, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [name] = [message] },
            title: $"Invalid parameter '{name}'.");

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status404NotFound,
            Title = "Not found.",
            Detail = what,
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        });

    /// <summary>
    /// Writes a problem outside an endpoint (authentication, rate limiting, exception handling), with Retry-After when
    /// the client should come back later. The problem details service fills in type and instance as for every answer.
    /// </summary>
    public static async Task<bool> WriteProblemAsync(this HttpContext http, int status, string title, string detail,
        int? retryAfterSeconds = null, Exception? exception = null)
    {
        http.Response.StatusCode = status;
        if (retryAfterSeconds is { } seconds)
        {
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }
        return await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
