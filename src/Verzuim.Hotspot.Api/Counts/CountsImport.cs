using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Verzuim.Hotspot.Api.Counts;

/// <summary>One successful counts import: which dataset, which school years it replaced, what it brought.</summary>
internal sealed class CountsImport
{
    public long Id { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public required string Dataset { get; set; }
    public bool Synthetic { get; set; }
    public List<string> SchoolYears { get; set; } = [];
    public long RowsRead { get; set; }
    public long Students { get; set; }
    public long AbsenceReports { get; set; }
}

internal sealed class CountsImportConfiguration : IEntityTypeConfiguration<CountsImport>
{
    public void Configure(EntityTypeBuilder<CountsImport> b)
    {
        b.ToTable("counts_imports");
        b.HasKey(i => i.Id);
    }
}
