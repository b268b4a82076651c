using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Referrals;
using TrajectoirEss.Domain.Structures;
using TrajectoirEss.Domain.Territory;

namespace TrajectoirEss.Infrastructure.Persistence.Configurations;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Version).IsRowVersion();
        builder.Property(s => s.Name).HasMaxLength(Session.NameMaxLength);
        builder.Property(s => s.Place).HasMaxLength(Session.PlaceMaxLength);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.ProgrammeType).HasConversion<string>().HasMaxLength(30);
        builder.Ignore(s => s.IsSelective);
        builder.HasOne<Programme>().WithMany().HasForeignKey(s => s.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Structure>().WithMany().HasForeignKey(s => s.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.StructureId, s.StartsOn });
        builder.HasIndex(s => new { s.ProgrammeType, s.StartsOn });
    }
}

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.DecisionReason).HasMaxLength(Enrolment.ReasonMaxLength);
        builder.Property(e => e.Note).HasMaxLength(Enrolment.NoteMaxLength);
        builder.Property(e => e.CompanyLegalFormCode).HasMaxLength(ProjectDetails.CodeMaxLength);
        builder.Property(e => e.Siret).HasMaxLength(Siret.Length).IsFixedLength();
        builder.Ignore(e => e.TakesPlace);
        builder.HasOne<Session>().WithMany().HasForeignKey(e => e.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Project>().WithMany().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Referral>().WithMany().HasForeignKey(e => e.ReferralId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.SessionId, e.Status });
        builder.HasIndex(e => e.ProjectId);
    }
}

internal sealed class FinancingApplicationConfiguration : IEntityTypeConfiguration<FinancingApplication>
{
    public void Configure(EntityTypeBuilder<FinancingApplication> builder)
    {
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Instrument).HasConversion<string>().HasMaxLength(30);
        builder.Property(f => f.Decision).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.AmountRequested).HasPrecision(12, 2);
        builder.Property(f => f.AmountGranted).HasPrecision(12, 2);
        builder.Property(f => f.StudyCost).HasPrecision(12, 2);
        builder.Property(f => f.StudyDescription).HasMaxLength(FinancingApplication.StudyMaxLength);
        builder.Property(f => f.RefusalReason).HasMaxLength(FinancingApplication.ReasonMaxLength);
        builder.Ignore(f => f.Paid);
        builder.HasOne<Project>().WithMany().HasForeignKey(f => f.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Referral>().WithMany().HasForeignKey(f => f.ReferralId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Structure>().WithMany().HasForeignKey(f => f.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Programme>().WithMany().HasForeignKey(f => f.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.StructureId, f.Decision });
        builder.HasIndex(f => new { f.Instrument, f.DecidedAt });

        // A double submission never makes two pending applications for the same referral and instrument.
        builder.HasIndex(f => new { f.ReferralId, f.Instrument }).IsUnique().HasFilter("decision = 'Pending'").HasDatabaseName("ux_financing_applications_pending");
        builder.OwnsMany(f => f.Payments, payments =>
        {
            payments.ToTable("financing_payments");
            payments.WithOwner().HasForeignKey("ApplicationId");
            payments.HasKey(p => p.Id);
            payments.Property(p => p.Id).ValueGeneratedNever();
            payments.Property(p => p.Amount).HasPrecision(12, 2);
        });
        builder.Navigation(f => f.Payments).HasField("_payments").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class TerritoryNeedConfiguration : IEntityTypeConfiguration<TerritoryNeed>
{
    public void Configure(EntityTypeBuilder<TerritoryNeed> builder)
    {
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Title).HasMaxLength(TerritoryNeed.TitleMaxLength);
        builder.Property(n => n.Description).HasMaxLength(TerritoryNeed.DescriptionMaxLength);
        builder.Property(n => n.RaisedBy).HasMaxLength(TerritoryNeed.RaisedByMaxLength);
        builder.Property(n => n.Conclusion).HasMaxLength(TerritoryNeed.ConclusionMaxLength);
        builder.Property(n => n.CommuneCode).HasMaxLength(Commune.CodeLength).IsFixedLength();
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(30);
        builder.HasOne<Structure>().WithMany().HasForeignKey(n => n.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Programme>().WithMany().HasForeignKey(n => n.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Commune>().WithMany().HasForeignKey(n => n.CommuneCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Project>().WithMany().HasForeignKey(n => n.ProjectId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(n => new { n.StructureId, n.Status });
    }
}
