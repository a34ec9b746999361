using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Verzuim.Hotspot.Api.Counts;

/// <summary>
/// Students of one campus living in one PC4 area, per school year and age band, with their absence reports.
/// The PC4 is kept as reported: one the geography does not know is stored and counted as unplaced.
/// </summary>
internal sealed class StudentCount
{
    public required string SchoolYear { get; set; }
    public required string BrinVest { get; set; }
    public required string Pc4 { get; set; }
    public required string AgeBand { get; set; }
    public int Students { get; set; }
    public int AbsenceReports { get; set; }

    /// <summary>Students with at least one report, when the source says so.</summary>
    public int? StudentsReported { get; set; }
}

internal sealed class StudentCountConfiguration : IEntityTypeConfiguration<StudentCount>
{
    public void Configure(EntityTypeBuilder<StudentCount> b)
    {
        b.ToTable("student_counts", t =>
        {
            t.HasCheckConstraint("ck_student_counts_age_band", $"age_band in ('{AgeBands.Under18}', '{AgeBands.EighteenPlus}')");
            t.HasCheckConstraint("ck_student_counts_non_negative", "students >= 0 and absence_reports >= 0");
            t.HasCheckConstraint("ck_student_counts_reported", "students_reported is null or students_reported between 0 and students");
        });
        b.HasKey(c => new { c.SchoolYear, c.BrinVest, c.Pc4, c.AgeBand });
        // Codes are ASCII: byte-wise "C" collation keeps key comparisons (sorts, the primary key) cheap on large imports.
        b.Property(c => c.SchoolYear).HasMaxLength(9).IsFixedLength().UseCollation("C");
        b.Property(c => c.BrinVest).HasMaxLength(6).IsFixedLength().UseCollation("C");
        b.Property(c => c.Pc4).HasMaxLength(4).IsFixedLength().UseCollation("C");
        b.Property(c => c.AgeBand).HasMaxLength(7).UseCollation("C");
        b.HasOne<Campus>().WithMany().HasForeignKey(c => c.BrinVest);
    }
}
