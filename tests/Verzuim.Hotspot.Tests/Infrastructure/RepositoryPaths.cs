namespace Verzuim.Hotspot.Tests.Infrastructure;

internal static class RepositoryPaths
{
    /// <summary>The checkout's root: the first folder above the test binaries that holds the solution file.</summary>
    public static string Root { get; } = FindRoot();

    public static string Geodata => Path.Combine(Root, "geodata");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Verzuim.Hotspot.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Verzuim.Hotspot.sln not found above " + AppContext.BaseDirectory);
    }
}
