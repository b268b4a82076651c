using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TrajectoirEss.Domain.Coordination;

namespace TrajectoirEss.Infrastructure.Persistence.Configurations;

// The coordination platform (issue 20). Value objects and how they are stored, given what EF Core 10 allows:
// - OrganisationRef (a record struct) sits on the aggregates and on their owned children (memberships, attendances,
//   decisions, updates), is a key part (one attendance per organisation and session) and is searched and indexed
//   (commitments by carrier, attendances by organisation). EF Core 10 complex types can do none of these: no complex
//   property on an owned type (dotnet/efcore#33170), no key or index over a complex property (#31246), no collection
//   of value-type complex types (#31411). So it is one column, "Kind:id" (e.g. "Pole:0198…"), by a value converter:
//   equality (`c.Carrier == organisation`) translates and uses the index; the contributors are a text[] of the same
//   values (`c.Contributors.Contains(organisation)` is `= ANY`, GIN-indexed).
// - Semester and Minutes sit on the session itself: complex types (columns semester_year/half, minutes_*), Minutes
//   optional. AgendaLink sits on an owned agenda item, and AgendaLink.Commitments is one shared instance (an owned
//   entity cannot be), so it is one column too, "Kind" or "Kind:key".

/// <summary>How the coordination's value objects are written to single columns.</summary>
internal static class CoordinationColumns
{
    /// <summary>"PublicAuthority:" and a GUID.</summary>
    public const int OrganisationMaxLength = 60;

    public const int AgendaLinkMaxLength = AgendaLink.KeyMaxLength + 30;

    /// <summary>Europe/Paris (UTC where the system has no time-zone data).</summary>
    public static readonly TimeZoneInfo Paris = FindParis();

    /// <summary>
    /// A session's start is given in the offset of the place (Europe/Paris) and its day is read in it; PostgreSQL keeps
    /// instants (Npgsql writes UTC only): written in UTC, read back in Paris time, so the day stays the day.
    /// </summary>
    public static readonly ValueConverter<DateTimeOffset, DateTimeOffset> InParis = new(
        v => v.ToUniversalTime(),
        v => TimeZoneInfo.ConvertTime(v, Paris));

    public static readonly ValueConverter<OrganisationRef, string> Organisation = new(
        o => o.Kind.ToString() + ":" + o.Id.ToString("D"),
        s => ParseOrganisation(s));

    /// <summary>Null never reaches a converter: EF Core writes a null link as NULL.</summary>
    public static readonly ValueConverter<AgendaLink?, string> Link = new(
        l => l!.Key == null ? l.Kind.ToString() : l.Kind.ToString() + ":" + l.Key,
        s => ParseLink(s));

    private static TimeZoneInfo FindParis()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }

    private static OrganisationRef ParseOrganisation(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return new OrganisationRef(Enum.Parse<OrganisationKind>(value[..colon]), Guid.Parse(value[(colon + 1)..], CultureInfo.InvariantCulture));
    }

    private static AgendaLink? ParseLink(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? AgendaLink.Create(Enum.Parse<AgendaLinkKind>(value), null)
            : AgendaLink.Create(Enum.Parse<AgendaLinkKind>(value[..colon]), value[(colon + 1)..]);
    }
}

internal sealed class StrategyObjectiveConfiguration : IEntityTypeConfiguration<StrategyObjective>
{
    public void Configure(EntityTypeBuilder<StrategyObjective> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.AxisCode).HasMaxLength(StrategyObjective.CodeMaxLength);
        builder.Property(o => o.AxisLabel).HasMaxLength(StrategyObjective.LabelMaxLength);
        builder.Property(o => o.Code).HasMaxLength(StrategyObjective.CodeMaxLength);
        builder.Property(o => o.Label).HasMaxLength(StrategyObjective.LabelMaxLength);
        builder.Ignore(o => o.Title);
        builder.HasIndex(o => o.Code).IsUnique();
    }
}

internal sealed class BodyConfiguration : IEntityTypeConfiguration<Body>
{
    public void Configure(EntityTypeBuilder<Body> builder)
    {
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Version).IsRowVersion();
        builder.Property(b => b.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(b => b.Name).HasMaxLength(Body.NameMaxLength);

        builder.OwnsMany(b => b.Memberships, memberships =>
        {
            memberships.ToTable("body_memberships");
            memberships.WithOwner().HasForeignKey("BodyId");
            memberships.HasKey(m => m.Id);
            memberships.Property(m => m.Id).ValueGeneratedNever();
            memberships.Property(m => m.Organisation).HasConversion(CoordinationColumns.Organisation).HasMaxLength(CoordinationColumns.OrganisationMaxLength);
            memberships.Property(m => m.College).HasConversion<string>().HasMaxLength(30);
            // The bodies an organisation sits in.
            memberships.HasIndex(m => m.Organisation);
            memberships.HasIndex("BodyId", nameof(Membership.Organisation));

            memberships.OwnsMany(m => m.Representatives, representatives =>
            {
                representatives.ToTable("body_representatives");
                representatives.WithOwner().HasForeignKey("MembershipId");
                representatives.HasKey(r => r.Id);
                representatives.Property(r => r.Id).ValueGeneratedNever();
                representatives.Property(r => r.Role).HasMaxLength(Representative.RoleMaxLength);
                // The bodies a person speaks in.
                representatives.HasIndex(r => r.UserId);
            });
            memberships.Navigation(m => m.Representatives).HasField("_representatives").UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        builder.Navigation(b => b.Memberships).HasField("_memberships").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PlatformSessionConfiguration : IEntityTypeConfiguration<PlatformSession>
{
    public void Configure(EntityTypeBuilder<PlatformSession> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Version).IsRowVersion();
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.StartsAt).HasConversion(CoordinationColumns.InParis);
        builder.Property(s => s.Place).HasMaxLength(PlatformSession.PlaceMaxLength);
        builder.Property(s => s.VideoLink).HasMaxLength(PlatformSession.VideoLinkMaxLength);
        builder.Property(s => s.CancellationReason).HasMaxLength(PlatformSession.ReasonMaxLength);
        builder.Ignore(s => s.Date);
        builder.Ignore(s => s.EndsAt);
        builder.Ignore(s => s.AgendaMinutes);
        builder.ComplexProperty(s => s.Semester, semester =>
        {
            semester.Property(x => x.Year);
            semester.Property(x => x.Half);
        });
        builder.ComplexProperty(s => s.Minutes, minutes =>
        {
            minutes.Property(m => m.Text).HasMaxLength(Minutes.TextMaxLength);
            minutes.Property(m => m.Visibility).HasConversion<string>().HasMaxLength(30);
        });
        builder.HasOne<Body>().WithMany().HasForeignKey(s => s.BodyId).OnDelete(DeleteBehavior.Restrict);
        // A body's sessions in date order (its calendar, the last one held, the next one).
        builder.HasIndex(s => new { s.BodyId, s.StartsAt });
        builder.HasIndex(s => new { s.Status, s.StartsAt });

        // The timeline is a short ordered list without ids whose order is meaning (a milestone moves between its
        // neighbours): a JSON array keeps it (rows of an owned table come back in no guaranteed order). The reminder
        // job reads the upcoming sessions (index on status and start), then their milestones.
        builder.OwnsMany(s => s.Milestones, milestones =>
        {
            milestones.ToJson("milestones");
            milestones.Property(m => m.Kind).HasConversion<string>().HasMaxLength(30);
            milestones.Ignore(m => m.IsDone);
        });
        builder.Navigation(s => s.Milestones).HasField("_milestones").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(s => s.Agenda, agenda =>
        {
            agenda.ToTable("session_agenda_items");
            agenda.WithOwner().HasForeignKey("SessionId");
            agenda.HasKey(i => i.Id);
            agenda.Property(i => i.Id).ValueGeneratedNever();
            agenda.Property(i => i.Title).HasMaxLength(AgendaItem.TitleMaxLength);
            agenda.Property(i => i.Kind).HasConversion<string>().HasMaxLength(30);
            agenda.Property(i => i.Link).HasConversion(CoordinationColumns.Link).HasMaxLength(CoordinationColumns.AgendaLinkMaxLength);
            agenda.HasIndex("SessionId", nameof(AgendaItem.Position));
        });
        builder.Navigation(s => s.Agenda).HasField("_agenda").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(s => s.Attendances, attendances =>
        {
            attendances.ToTable("session_attendances");
            attendances.WithOwner().HasForeignKey("SessionId");
            // No id in the domain: a generated one keeps the invitations' order.
            attendances.Property<long>("Id").UseIdentityByDefaultColumn();
            attendances.HasKey("Id");
            attendances.Property(a => a.Organisation).HasConversion(CoordinationColumns.Organisation).HasMaxLength(CoordinationColumns.OrganisationMaxLength);
            attendances.Property(a => a.RepresentedBy).HasConversion(CoordinationColumns.Organisation).HasMaxLength(CoordinationColumns.OrganisationMaxLength);
            attendances.Property(a => a.College).HasConversion<string>().HasMaxLength(30);
            attendances.Property(a => a.Status).HasConversion<string>().HasMaxLength(30);
            attendances.HasIndex("SessionId", nameof(SessionAttendance.Organisation)).IsUnique();
            // An organisation's sessions and attendance (its page, the rates per college).
            attendances.HasIndex(a => new { a.Organisation, a.Status });

            attendances.OwnsMany(a => a.People, people =>
            {
                people.ToTable("session_attendees");
                people.WithOwner().HasForeignKey("AttendanceId");
                people.Property<long>("Id").UseIdentityByDefaultColumn();
                people.HasKey("Id");
                people.Property(p => p.Status).HasConversion<string>().HasMaxLength(30);
                people.HasIndex("AttendanceId", nameof(Attendee.UserId)).IsUnique();
                // A person's registrations.
                people.HasIndex(p => p.UserId);
            });
            attendances.Navigation(a => a.People).HasField("_people").UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        builder.Navigation(s => s.Attendances).HasField("_attendances").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(s => s.Decisions, decisions =>
        {
            decisions.ToTable("session_decisions");
            decisions.WithOwner().HasForeignKey("SessionId");
            decisions.HasKey(d => d.Id);
            decisions.Property(d => d.Id).ValueGeneratedNever();
            decisions.Property(d => d.Text).HasMaxLength(Decision.TextMaxLength);
            decisions.Property(d => d.ProposedBy).HasConversion(CoordinationColumns.Organisation).HasMaxLength(CoordinationColumns.OrganisationMaxLength);
            decisions.HasIndex("SessionId", nameof(Decision.RecordedAt));
        });
        builder.Navigation(s => s.Decisions).HasField("_decisions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Version).IsRowVersion();
        builder.Property(c => c.Title).HasMaxLength(Commitment.TitleMaxLength);
        builder.Property(c => c.Description).HasMaxLength(Commitment.DescriptionMaxLength);
        builder.Property(c => c.DropReason).HasMaxLength(Commitment.ReasonMaxLength);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Carrier).HasConversion(CoordinationColumns.Organisation).HasMaxLength(CoordinationColumns.OrganisationMaxLength);
        builder.PrimitiveCollection(c => c.Contributors)
            .HasField("_contributors")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .ElementType(e => e.HasConversion(CoordinationColumns.Organisation).HasMaxLength(CoordinationColumns.OrganisationMaxLength));
        builder.HasOne<StrategyObjective>().WithMany().HasForeignKey(c => c.ObjectiveId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PlatformSession>().WithMany().HasForeignKey(c => c.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PlatformSession>().WithMany().HasForeignKey(c => c.DueSessionId).OnDelete(DeleteBehavior.Restrict);
        // A carrier's commitments by status (its page, the news owed before a session).
        builder.HasIndex(c => new { c.Carrier, c.Status });
        // The commitments an organisation contributes to.
        builder.HasIndex(c => c.Contributors).HasMethod("gin");
        builder.HasIndex(c => new { c.Status, c.DueOn });

        builder.OwnsMany(c => c.Updates, updates =>
        {
            updates.ToTable("commitment_updates");
            updates.WithOwner().HasForeignKey("CommitmentId");
            updates.HasKey(u => u.Id);
            updates.Property(u => u.Id).ValueGeneratedNever();
            updates.Property(u => u.Narrative).HasMaxLength(CommitmentUpdate.NarrativeMaxLength);
            updates.Property(u => u.Organisation).HasConversion(CoordinationColumns.Organisation).HasMaxLength(CoordinationColumns.OrganisationMaxLength);
            updates.HasIndex("CommitmentId", nameof(CommitmentUpdate.PostedAt));
        });
        builder.Navigation(c => c.Updates).HasField("_updates").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
