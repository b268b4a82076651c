using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TrajectoirEss.Domain.Coordination;

namespace TrajectoirEss.Infrastructure.Persistence.Configurations;

/// <summary>
/// A session's reading pack: one row per session, its content one jsonb document written with System.Text.Json
/// (a versioned record, <see cref="ReadingPackContent.SchemaVersion"/>). The document is read and written whole,
/// never queried inside: a value converter, not EF's JSON mapping of owned types (a dozen nested lists of records
/// with constructors, which owned JSON would have to map one by one).
/// </summary>
internal sealed class ReadingPackConfiguration : IEntityTypeConfiguration<ReadingPack>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly ValueConverter<ReadingPackContent, string> Content = new(
        c => JsonSerializer.Serialize(c, Json),
        s => JsonSerializer.Deserialize<ReadingPackContent>(s, Json)!);

    // The content is replaced whole at a freeze, never changed in place: a new instance is a change.
    private static readonly ValueComparer<ReadingPackContent> SameInstance = new(
        (a, b) => ReferenceEquals(a, b),
        c => c.GetHashCode(),
        c => c);

    public void Configure(EntityTypeBuilder<ReadingPack> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Version).IsRowVersion();
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Content).HasColumnType("jsonb").HasConversion(Content, SameInstance);
        builder.Ignore(p => p.IsPublished);
        builder.HasOne<PlatformSession>().WithMany().HasForeignKey(p => p.SessionId).OnDelete(DeleteBehavior.Restrict);
        // One pack per session.
        builder.HasIndex(p => p.SessionId).IsUnique();
    }
}
