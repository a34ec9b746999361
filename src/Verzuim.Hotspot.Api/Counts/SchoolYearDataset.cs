using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Verzuim.Hotspot.Api.Counts;

/// <summary>Which dataset the counts of a school year come from, so every response can say whether they are synthetic.</summary>
internal sealed class SchoolYearDataset
{
    public required string SchoolYear { get; set; }
    public required string Dataset { get; set; }
    public bool Synthetic { get; set; }
    public long ImportId { get; set; }
}

internal sealed class SchoolYearDatasetConfiguration : IEntityTypeConfiguration<SchoolYearDataset>
{
    public void Configure(EntityTypeBuilder<SchoolYearDataset> b)
    {
        b.ToTable("school_year_datasets");
        b.HasKey(d => d.SchoolYear);
        b.Property(d => d.SchoolYear).HasMaxLength(9).IsFixedLength();
        b.HasOne<CountsImport>().WithMany().HasForeignKey(d => d.ImportId);
    }
}
