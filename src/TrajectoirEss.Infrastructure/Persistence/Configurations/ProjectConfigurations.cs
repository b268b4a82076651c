using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrajectoirEss.Domain.Audit;
using TrajectoirEss.Domain.Lists;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Referrals;
using TrajectoirEss.Domain.Structures;
using TrajectoirEss.Domain.Territory;
using TrajectoirEss.Infrastructure.Identity;

namespace TrajectoirEss.Infrastructure.Persistence.Configurations;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Version).IsRowVersion();
        builder.Property(p => p.FileNumber).UseIdentityByDefaultColumn();
        builder.HasIndex(p => p.FileNumber).IsUnique();
        builder.Ignore(p => p.FileReference);
        builder.Property(p => p.Title).HasMaxLength(ProjectDetails.TitleMaxLength);
        builder.Property(p => p.Summary).HasMaxLength(ProjectDetails.SummaryMaxLength);
        builder.Property(p => p.SocialNeed).HasMaxLength(ProjectDetails.SocialNeedMaxLength);
        builder.Property(p => p.HeardFrom).HasMaxLength(ProjectDetails.HeardFromMaxLength);
        builder.Property(p => p.SectorCode).HasMaxLength(ProjectDetails.CodeMaxLength);
        builder.Property(p => p.LegalFormCode).HasMaxLength(ProjectDetails.CodeMaxLength);
        builder.Property(p => p.CommuneCode).HasMaxLength(Commune.CodeLength).IsFixedLength();
        builder.Property(p => p.Origin).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Outcome).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Stage).HasConversion<string>().HasMaxLength(30);
        builder.Ignore(p => p.Details);
        builder.Property(p => p.CompanyLegalFormCode).HasMaxLength(ProjectDetails.CodeMaxLength);
        builder.Property(p => p.Siret).HasMaxLength(Siret.Length).IsFixedLength();
        builder.HasOne<Commune>().WithMany().HasForeignKey(p => p.CommuneCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Pole>().WithMany().HasForeignKey(p => p.PoleId).OnDelete(DeleteBehavior.Restrict);
        // The inbox's counts of late ones (submitted before a date) read the first index only; its pages read them in
        // their order (submission, then id: no sort, however deep the page).
        builder.HasIndex(p => new { p.PoleId, p.Status, p.SubmittedAt, p.Id });
        builder.HasIndex(p => new { p.PoleId, p.SubmittedAt, p.Id });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.ReferentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(p => p.ReferentId);

        builder.OwnsMany(p => p.Members, members =>
        {
            members.ToTable("project_members");
            members.WithOwner().HasForeignKey("ProjectId");
            members.HasKey("ProjectId", nameof(ProjectMember.UserId));
            members.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
            members.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
            members.HasIndex(m => m.UserId);
        });
        builder.Navigation(p => p.Members).HasField("_members").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(p => p.Steps, steps =>
        {
            steps.ToTable("trajectory_steps");
            steps.WithOwner().HasForeignKey("ProjectId");
            steps.HasKey(s => s.Id);
            steps.Property(s => s.Id).ValueGeneratedNever();
            steps.Property(s => s.Kind).HasConversion<string>().HasMaxLength(40);
            steps.Property(s => s.Outcome).HasMaxLength(TrajectoryStep.OutcomeMaxLength);
            steps.Property(s => s.Reason).HasMaxLength(TrajectoryStep.ReasonMaxLength);
            steps.HasOne<Pole>().WithMany().HasForeignKey(s => s.PoleId).OnDelete(DeleteBehavior.Restrict);
            steps.HasOne<Structure>().WithMany().HasForeignKey(s => s.StructureId).OnDelete(DeleteBehavior.Restrict);
            steps.HasOne<Programme>().WithMany().HasForeignKey(s => s.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
            steps.HasIndex("ProjectId", nameof(TrajectoryStep.OccurredAt));
            steps.HasIndex(s => new { s.Kind, s.OccurredAt });
        });
        builder.Navigation(p => p.Steps).HasField("_steps").UsePropertyAccessMode(PropertyAccessMode.Field);

        // The sharing choices (one per partner, a dozen at most) in a JSON column of the project's row: read with the
        // project at no cost, where a third owned table would multiply the rows of the aggregate's one query (members ×
        // steps × partners: the project file and the porteur's page cost 1.5 times as much). Queried with EXISTS over
        // the array (the structures' inbox, search and hand-over).
        builder.OwnsMany(p => p.Sharing, sharing => sharing.ToJson("sharing"));
        builder.Navigation(p => p.Sharing).HasField("_sharing").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class ProjectInvitationConfiguration : IEntityTypeConfiguration<ProjectInvitation>
{
    /// <summary>The unique index of pending invitations, whose violation means "already invited".</summary>
    public const string PendingIndex = "ux_project_invitations_pending";

    public void Configure(EntityTypeBuilder<ProjectInvitation> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Email).HasMaxLength(ProjectInvitation.EmailMaxLength);
        builder.Property(i => i.TokenHash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => i.ProjectId);
        // One pending invitation per project and address, whatever the number of simultaneous requests: the database
        // refuses the second (an expired one is revoked when a new one replaces it, see PorteurProjects).
        builder.HasIndex(i => new { i.ProjectId, i.Email }).IsUnique().HasFilter("accepted_at IS NULL AND revoked_at IS NULL").HasDatabaseName(PendingIndex);
        builder.HasOne<Project>().WithMany().HasForeignKey(i => i.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProjectMessageConfiguration : IEntityTypeConfiguration<ProjectMessage>
{
    public void Configure(EntityTypeBuilder<ProjectMessage> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Body).HasMaxLength(ProjectMessage.BodyMaxLength);
        builder.Property(m => m.Side).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(m => new { m.ProjectId, m.SentAt });
        builder.HasIndex(m => m.AuthorId);
        builder.HasOne<Project>().WithMany().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConsentRecordConfiguration : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(40);
        builder.HasIndex(c => new { c.UserId, c.RecordedAt });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Project>().WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Structure>().WithMany().HasForeignKey(c => c.StructureId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ListItemConfiguration : IEntityTypeConfiguration<ListItem>
{
    public void Configure(EntityTypeBuilder<ListItem> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(i => i.Code).HasMaxLength(ListItem.CodeMaxLength);
        builder.Property(i => i.Label).HasMaxLength(ListItem.LabelMaxLength);
        builder.HasIndex(i => new { i.Kind, i.Code }).IsUnique();
    }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(m => m.Summary).HasMaxLength(Meeting.SummaryMaxLength);
        builder.HasIndex(m => new { m.ProjectId, m.HeldAt });
        builder.HasOne<Project>().WithMany().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.RecordedBy).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InternalNoteConfiguration : IEntityTypeConfiguration<InternalNote>
{
    public void Configure(EntityTypeBuilder<InternalNote> builder)
    {
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Body).HasMaxLength(InternalNote.BodyMaxLength);
        builder.HasIndex(n => new { n.ProjectId, n.WrittenAt });
        builder.HasOne<Project>().WithMany().HasForeignKey(n => n.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(n => n.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.EntityType).HasMaxLength(60);
        builder.Property(a => a.Action).HasMaxLength(AuditEntry.ActionMaxLength);
        builder.Property(a => a.Changes).HasMaxLength(AuditEntry.ChangesMaxLength);
        builder.Property(a => a.Hash).HasMaxLength(AuditEntry.HashLength);
        builder.Property(a => a.PreviousHash).HasMaxLength(AuditEntry.HashLength);
        builder.HasIndex(a => new { a.EntityType, a.EntityId, a.At });
        builder.HasIndex(a => a.Sequence).IsUnique();
    }
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Version).IsRowVersion();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Message).HasMaxLength(Referral.MessageMaxLength);
        builder.Property(r => r.ReasonCode).HasMaxLength(Referral.ReasonCodeMaxLength);
        builder.Property(r => r.Reason).HasMaxLength(Referral.ReasonMaxLength);
        builder.Property(r => r.Outcome).HasMaxLength(Referral.OutcomeMaxLength);
        builder.Ignore(r => r.IsOpen);
        builder.HasOne<Project>().WithMany().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Programme>().WithMany().HasForeignKey(r => r.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Structure>().WithMany().HasForeignKey(r => r.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Pole>().WithMany().HasForeignKey(r => r.PoleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.ProjectId);
        // A structure's inbox: counts by status, and pages in the order of referral (for one status, or all).
        builder.HasIndex(r => new { r.StructureId, r.Status, r.ReferredAt, r.Id });
        builder.HasIndex(r => new { r.StructureId, r.ReferredAt, r.Id });
        builder.HasIndex(r => new { r.Status, r.WaitingSince });
    }
}

internal sealed class PoleStatusCountConfiguration : IEntityTypeConfiguration<PoleStatusCount>
{
    public void Configure(EntityTypeBuilder<PoleStatusCount> builder)
    {
        builder.ToTable("pole_status_counts");
        builder.HasKey(c => new { c.PoleId, c.Status });
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(30);
        builder.HasOne<Pole>().WithMany().HasForeignKey(c => c.PoleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AccessLogEntryConfiguration : IEntityTypeConfiguration<AccessLogEntry>
{
    public void Configure(EntityTypeBuilder<AccessLogEntry> builder)
    {
        builder.ToTable("access_log");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.EntityType).HasMaxLength(60);
        builder.HasIndex(a => new { a.EntityType, a.EntityId, a.At });
    }
}
