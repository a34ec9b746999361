namespace Verzuim.Hotspot.Import;

/// <summary>One command line: a verb and its options.</summary>
internal sealed record ImportCommand(string Verb, IReadOnlyDictionary<string, string> Options, IReadOnlyList<string> Arguments)
{
    public const string Usage = """
        Usage: Verzuim.Hotspot.Import <command> [options]

        Commands:
          migrate                              apply the database migrations
          load-geodata [--geodata DIR] [--year YEAR] [--if-empty]
                                               load the bundled geography of one classification year
          setup [--geodata DIR] [--work DIR] [--no-synthetic]
                                               migrate, then load what an empty database lacks: the geography, and the
                                               synthetic national counts when no counts exist, and protect every school
                                               year (scripts/run does this)
          protect [--school-year YEAR] [--export DIR]
                                               compute (or load) the disclosure protection of every school year; with
                                               --export also write it as a shipped protection file
          import-counts FILE [--dataset LABEL] [--synthetic]
                                               import a counts CSV (all-or-nothing; replaces the school years it holds)
          generate-synthetic [--parameters FILE] [--geodata DIR] --out FILE
                                               write the synthetic national counts CSV (and FILE.json, its manifest)
          keys create ROLE --label TEXT [--expires 2027-08-01]
                                               issue an API key (ROLE: admin, rmc:MC21, institution:25LX); the key is
                                               printed once and stored only as its SHA-256 hash
          keys list                            the issued keys (never the keys themselves)
          keys revoke ID                       revoke a key; it gets 401 from then on

        The database is ConnectionStrings__Hotspot from the environment.
        """;

    private static readonly string[] Verbs = ["migrate", "load-geodata", "setup", "protect", "import-counts", "generate-synthetic", "keys"];

    public string? Option(string name) => Options.TryGetValue(name, out var value) ? value : null;

    public bool Flag(string name) => Options.ContainsKey(name);

    public static ImportCommand? Parse(string[] args)
    {
        if (args.Length == 0 || !Verbs.Contains(args[0]))
        {
            return null;
        }
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var arguments = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                var takesValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
                options[args[i][2..]] = takesValue ? args[++i] : "true";
            }
            else
            {
                arguments.Add(args[i]);
            }
        }
        return new ImportCommand(args[0], options, arguments);
    }
}
