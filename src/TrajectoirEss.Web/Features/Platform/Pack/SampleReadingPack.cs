using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Infrastructure.Identity;
using TrajectoirEss.Infrastructure.Persistence;

namespace TrajectoirEss.Web.Features.Platform.Pack;

/// <summary>
/// For the benchmark (<c>dotnet TrajectoirEss.Web.dll sample-reading-pack</c>): a published reading pack of the
/// platform at the database's volume, frozen by the coordinator as the page would, so that opening a pack can be
/// measured. Once: a database that already has a published pack keeps it.
/// </summary>
public static class SampleReadingPack
{
    public static async Task<Guid> EnsureAsync(IServiceProvider services, string coordinatorEmail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var db = services.GetRequiredService<TrajectoirEssDbContext>();
        var existing = await db.ReadingPacks.AsNoTracking().Where(p => p.Status == ReadingPackStatus.Published).OrderByDescending(p => p.FrozenAt).Select(p => (Guid?)p.SessionId).FirstOrDefaultAsync(cancellationToken);
        if (existing is { } sessionId)
        {
            return sessionId;
        }

        var coordinator = await services.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(coordinatorEmail)
            ?? throw new InvalidOperationException($"No account {coordinatorEmail}: generate the demo data first.");
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var body = await db.Bodies.SingleAsync(b => b.Kind == BodyKind.Platform, cancellationToken);
        var session = PlatformSession.Plan(Guid.CreateVersion7(now), body, now.AddDays(40), 180, "Maison de l'ESS, Morlaix", null, null, coordinator.Id, now);
        db.PlatformSessions.Add(session);
        db.DiscardDomainEvents();
        await db.SaveChangesAsync(cancellationToken);

        var packs = services.GetRequiredService<ReadingPacks>();
        await packs.FreezeAsync(coordinator.Id, session.Id, cancellationToken);
        await packs.PublishAsync(coordinator.Id, session.Id, cancellationToken);
        return session.Id;
    }
}
