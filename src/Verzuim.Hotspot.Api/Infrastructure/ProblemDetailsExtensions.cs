using Microsoft.AspNetCore.Mvc;

namespace Verzuim.Hotspot.Api.Infrastructure;

internal static class ProblemDetailsExtensions
{
    /// <summary>Every non-2xx answer is RFC 7807 problem+json, including unmatched routes and unhandled errors.</summary>
    public static IServiceCollection AddHotspotProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
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
}
