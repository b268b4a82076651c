using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Domain.Structures;
using TrajectoirEss.Domain.Territory;

namespace TrajectoirEss.Infrastructure.Persistence.Configurations;

internal sealed class StructureConfiguration : IEntityTypeConfiguration<Structure>
{
    public void Configure(EntityTypeBuilder<Structure> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Code).HasMaxLength(Structure.CodeMaxLength);
        builder.HasIndex(s => s.Code).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(Structure.NameMaxLength);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.DepartementCode).HasMaxLength(Departement.CodeLength).IsFixedLength();
        builder.Property(s => s.City).HasMaxLength(Structure.CityMaxLength);
        builder.Property(s => s.Website).HasMaxLength(Structure.WebsiteMaxLength);
        builder.Property(s => s.Email).HasMaxLength(Structure.EmailMaxLength);
        builder.Property(s => s.Version).IsRowVersion();
        builder.HasOne<Departement>().WithMany().HasForeignKey(s => s.DepartementCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Code).HasMaxLength(Programme.CodeMaxLength);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(Programme.NameMaxLength);
        builder.Property(p => p.Type).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Category).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Description).HasMaxLength(Programme.DescriptionMaxLength);
        builder.Property(p => p.TargetStage).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Format).HasMaxLength(Programme.FormatMaxLength);
        builder.Property(p => p.CostForPorteur).HasMaxLength(Programme.CostMaxLength);
        builder.Property(p => p.MinAmount).HasPrecision(12, 2);
        builder.Property(p => p.MaxAmount).HasPrecision(12, 2);
        builder.Ignore(p => p.Terms);
        builder.Property(p => p.Version).IsRowVersion();
        builder.HasOne<Structure>().WithMany().HasForeignKey(p => p.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.StructureId);
    }
}
