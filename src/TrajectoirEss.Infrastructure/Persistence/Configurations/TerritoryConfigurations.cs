using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrajectoirEss.Domain.Territory;

namespace TrajectoirEss.Infrastructure.Persistence.Configurations;

internal sealed class DepartementConfiguration : IEntityTypeConfiguration<Departement>
{
    public void Configure(EntityTypeBuilder<Departement> builder)
    {
        builder.HasKey(d => d.Code);
        builder.Property(d => d.Code).HasMaxLength(Departement.CodeLength).IsFixedLength();
        builder.Property(d => d.Name).HasMaxLength(Departement.NameMaxLength);
    }
}

internal sealed class EpciConfiguration : IEntityTypeConfiguration<Epci>
{
    public void Configure(EntityTypeBuilder<Epci> builder)
    {
        builder.HasKey(e => e.Siren);
        builder.Property(e => e.Siren).HasMaxLength(Epci.SirenLength).IsFixedLength();
        builder.Property(e => e.Name).HasMaxLength(Epci.NameMaxLength);
        builder.Property(e => e.Kind).HasMaxLength(Epci.KindMaxLength);
        builder.HasOne<Pole>().WithMany().HasForeignKey(e => e.PoleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.PoleId);
    }
}

internal sealed class CommuneConfiguration : IEntityTypeConfiguration<Commune>
{
    public void Configure(EntityTypeBuilder<Commune> builder)
    {
        builder.HasKey(c => c.CodeInsee);
        builder.Property(c => c.CodeInsee).HasMaxLength(Commune.CodeLength).IsFixedLength();
        builder.Property(c => c.Name).HasMaxLength(Commune.NameMaxLength);
        builder.Property(c => c.SearchName).HasMaxLength(Commune.NameMaxLength);
        builder.Property(c => c.DepartementCode).HasMaxLength(Departement.CodeLength).IsFixedLength();
        builder.PrimitiveCollection(c => c.PostalCodes).HasField("_postalCodes");
        builder.HasOne<Departement>().WithMany().HasForeignKey(c => c.DepartementCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Epci>().WithMany().HasForeignKey(c => c.EpciSiren).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Pole>().WithMany().HasForeignKey(c => c.PoleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.SearchName).HasOperators("text_pattern_ops");
        builder.HasIndex(c => c.EpciSiren);
    }
}

internal sealed class PoleConfiguration : IEntityTypeConfiguration<Pole>
{
    public void Configure(EntityTypeBuilder<Pole> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Code).HasMaxLength(Pole.CodeMaxLength);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(Pole.NameMaxLength);
        builder.Property(p => p.DepartementCode).HasMaxLength(Departement.CodeLength).IsFixedLength();
        builder.Property(p => p.Pays).HasMaxLength(Pole.PaysMaxLength);
        builder.Property(p => p.Seat).HasMaxLength(Pole.SeatMaxLength);
        builder.Property(p => p.Notes).HasMaxLength(Pole.NotesMaxLength);
        builder.Property(p => p.Email).HasMaxLength(Pole.EmailMaxLength);
        builder.Property(p => p.Phone).HasMaxLength(Pole.PhoneMaxLength);
        builder.Property(p => p.Website).HasMaxLength(Pole.WebsiteMaxLength);
        builder.Property(p => p.Address).HasMaxLength(Pole.AddressMaxLength);

        // Existing pôles are active; the sentinel makes EF send false and leave true to the default.
        builder.Property(p => p.IsActive).HasDefaultValue(true).HasSentinel(true);
        builder.Property(p => p.Version).IsRowVersion();
        builder.HasOne<Departement>().WithMany().HasForeignKey(p => p.DepartementCode).OnDelete(DeleteBehavior.Restrict);
    }
}
