using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Domain.Structures;
using TrajectoirEss.Domain.Territory;
using TrajectoirEss.Infrastructure.Identity;

namespace TrajectoirEss.Infrastructure.Persistence.Configurations;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(ApplicationUser.DisplayNameMaxLength);
        builder.HasOne<Pole>().WithMany().HasForeignKey(u => u.PoleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Structure>().WithMany().HasForeignKey(u => u.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.PoleId);
        builder.HasOne<PublicAuthority>().WithMany().HasForeignKey(u => u.PublicAuthorityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.StructureId);
        builder.HasIndex(u => u.PublicAuthorityId);
    }
}
