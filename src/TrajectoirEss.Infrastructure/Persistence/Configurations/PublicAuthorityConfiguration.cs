using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Domain.Territory;

namespace TrajectoirEss.Infrastructure.Persistence.Configurations;

internal sealed class PublicAuthorityConfiguration : IEntityTypeConfiguration<PublicAuthority>
{
    public void Configure(EntityTypeBuilder<PublicAuthority> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Code).HasMaxLength(PublicAuthority.CodeMaxLength);
        builder.HasIndex(a => a.Code).IsUnique();
        builder.Property(a => a.Name).HasMaxLength(PublicAuthority.NameMaxLength);
        builder.HasIndex(a => a.Name).IsUnique();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.DepartementCode).HasMaxLength(Departement.CodeLength).IsFixedLength();
        builder.Property(a => a.Email).HasMaxLength(PublicAuthority.EmailMaxLength);
        builder.Property(a => a.Website).HasMaxLength(PublicAuthority.WebsiteMaxLength);
        builder.Property(a => a.Version).IsRowVersion();
        builder.HasOne<Departement>().WithMany().HasForeignKey(a => a.DepartementCode).OnDelete(DeleteBehavior.Restrict);
    }
}
