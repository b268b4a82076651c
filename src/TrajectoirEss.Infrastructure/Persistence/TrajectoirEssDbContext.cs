using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Audit;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Domain.Lists;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Referrals;
using TrajectoirEss.Domain.Structures;
using TrajectoirEss.Domain.Territory;
using TrajectoirEss.Infrastructure.Email;
using TrajectoirEss.Infrastructure.Identity;

namespace TrajectoirEss.Infrastructure.Persistence;

/// <summary>The one DbContext of the portal, Identity included.</summary>
public sealed class TrajectoirEssDbContext(DbContextOptions<TrajectoirEssDbContext> options)
    : IdentityDbContext<ApplicationUser, ApplicationRole, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Departement> Departements => Set<Departement>();

    public DbSet<Epci> Epcis => Set<Epci>();

    public DbSet<Commune> Communes => Set<Commune>();

    public DbSet<Pole> Poles => Set<Pole>();

    public DbSet<Structure> Structures => Set<Structure>();

    public DbSet<Programme> Programmes => Set<Programme>();

    /// <summary>The public partners of the programme (Région, State services, départements, intercommunalités).</summary>
    public DbSet<PublicAuthority> PublicAuthorities => Set<PublicAuthority>();

    public DbSet<ListItem> ListItems => Set<ListItem>();

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<ProjectInvitation> ProjectInvitations => Set<ProjectInvitation>();

    public DbSet<ProjectMessage> ProjectMessages => Set<ProjectMessage>();

    public DbSet<ConsentRecord> Consents => Set<ConsentRecord>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<Referral> Referrals => Set<Referral>();

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<Enrolment> Enrolments => Set<Enrolment>();

    public DbSet<FinancingApplication> FinancingApplications => Set<FinancingApplication>();

    public DbSet<TerritoryNeed> TerritoryNeeds => Set<TerritoryNeed>();

    public DbSet<InternalNote> InternalNotes => Set<InternalNote>();

    public DbSet<StrategyObjective> StrategyObjectives => Set<StrategyObjective>();

    /// <summary>The coordination bodies (the platform, steering committees, thematic groups) and their members.</summary>
    public DbSet<Body> Bodies => Set<Body>();

    public DbSet<PlatformSession> PlatformSessions => Set<PlatformSession>();

    public DbSet<Commitment> Commitments => Set<Commitment>();

    public DbSet<Referential> Referentials => Set<Referential>();

    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbSet<EvaluationReading> EvaluationReadings => Set<EvaluationReading>();

    /// <summary>The sessions' reading packs (dossiers de séance), their figures frozen as a JSON document.</summary>
    public DbSet<ReadingPack> ReadingPacks => Set<ReadingPack>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AccessLogEntry> AccessLog => Set<AccessLogEntry>();

    /// <summary>Projects per pôle and status, kept by the database (read only).</summary>
    public DbSet<PoleStatusCount> PoleStatusCounts => Set<PoleStatusCount>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Forgets the domain events of every tracked aggregate: for records written without their side effects (demo data, fixtures).</summary>
    public void DiscardDomainEvents()
    {
        foreach (var entry in ChangeTracker.Entries<Domain.Common.AggregateRoot>())
        {
            entry.Entity.DiscardDomainEvents();
        }
    }

    /// <summary>E-mails waiting to be sent, sent (kept a few days) or given up (see <see cref="EmailOutbox"/>).</summary>
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(TrajectoirEssDbContext).Assembly);
    }
}
