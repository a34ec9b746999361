using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Verzuim.Hotspot.Api.Data;

/// <summary>
/// The one data version of the service. Every load or import bumps it inside its own transaction,
/// so a reader sees the version that belongs to the data it reads; caches and ETags key on it.
/// </summary>
internal sealed class DataState
{
    public int Id { get; set; } = 1;
    public long Version { get; set; }
    public DateTimeOffset ChangedAt { get; set; }

    public const string BumpSql = """
        insert into data_state (id, version, changed_at) values (1, 1, now())
        on conflict (id) do update set version = data_state.version + 1, changed_at = now()
        """;
}

internal sealed class DataStateConfiguration : IEntityTypeConfiguration<DataState>
{
    public void Configure(EntityTypeBuilder<DataState> b)
    {
        b.ToTable("data_state", t => t.HasCheckConstraint("ck_data_state_single_row", "id = 1"));
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
    }
}
