namespace Verzuim.Hotspot.Api.Infrastructure;

/// <summary>
/// Kestrel's socket transport. By default Kestrel hands every request from the thread that read it to the thread pool;
/// with inline scheduling the request runs on that thread up to its first real wait. For a kept answer (most of what a
/// map viewer asks for) that wait is the shared data-version read, so the hop before the pipeline is saved on every
/// request (docs/scaling.md has the figures). That is safe only while nothing in the request path blocks a thread:
/// database calls here are async, and the expensive computations run after a database wait (on the thread pool) or on
/// Task.Run. Middleware that blocks would stall every connection of its thread; turn this off then
/// (<c>Server:InlineScheduling=false</c>).
/// </summary>
internal static class SocketTransport
{
    public const string InlineSchedulingKey = "Server:InlineScheduling";

    public static WebApplicationBuilder UseHotspotSocketTransport(this WebApplicationBuilder builder)
    {
        var inline = builder.Configuration.GetValue(InlineSchedulingKey, true);
        builder.WebHost.UseSockets(o => o.UnsafePreferInlineScheduling = inline);
        return builder;
    }
}
