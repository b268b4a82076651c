using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Platform;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Coordination.Platform;

/// <summary>The coordination bodies and who sits in them, as the coordinators manage them (the rules are <see cref="Body"/>'s).</summary>
public sealed class PlatformBodies(TrajectoirEssDbContext db, UnitOfWork changes, PlatformDirectory directory, PlatformSessions sessions, TimeProvider clock, ILogger<PlatformBodies> logger)
{
    public async Task<BodiesPage> ListAsync(BodyInput? typed, CancellationToken cancellationToken)
    {
        var bodies = await db.Bodies.AsNoTracking().OrderBy(b => b.Kind).ThenBy(b => b.Name).ToListAsync(cancellationToken);
        var today = Format.ParisDate(clock.GetUtcNow());
        var counts = await db.PlatformSessions.AsNoTracking().GroupBy(s => s.BodyId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return new BodiesPage(
            [.. bodies.Select(b => new BodyLine(b.Id, b.Name, b.Kind, b.MembersOn(today).Count, counts.GetValueOrDefault(b.Id)))],
            typed ?? new BodyInput());
    }

    public async Task<Guid> CreateAsync(Guid actorId, BodyInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = clock.GetUtcNow();
        if (input.Kind == BodyKind.Platform)
        {
            // The regional platform exists once (reference data); the others are its committees and groups.
            throw new DomainException("La plateforme de coordination existe déjà : créez un comité de pilotage ou un groupe thématique.", nameof(BodyInput.Kind));
        }

        var body = Body.Create(Guid.CreateVersion7(now), input.Kind ?? (BodyKind)0, input.Name, actorId, now);
        db.Bodies.Add(body);
        await changes.SaveAsync(cancellationToken);
        logger.LogInformation("Coordination body {BodyId} created by {ActorId}", body.Id, actorId);
        return body.Id;
    }

    public async Task<BodyPage?> PageAsync(Guid id, CancellationToken cancellationToken)
    {
        var body = await db.Bodies.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (body is null)
        {
            return null;
        }

        var today = Format.ParisDate(clock.GetUtcNow());
        var names = await directory.NamesAsync(body.Memberships.Select(m => m.Organisation), cancellationToken);
        var accounts = await sessions.AccountsAsync(body.Memberships.Select(m => m.Organisation), cancellationToken);
        var userIds = body.Memberships.SelectMany(m => m.Representatives).Select(r => r.UserId).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var members = body.Memberships
            .Select(m => new MemberLine(
                m.Id,
                new OrganisationEntry(m.Organisation, names[m.Organisation]),
                m.College,
                m.From,
                m.To,
                m.Covers(today) || m.From > today,
                [.. m.Representatives.OrderBy(r => r.From).Select(r => new RepresentativeLine(r.Id, people.GetValueOrDefault(r.UserId) ?? "Compte supprimé", r.Role, r.From, r.To, r.To is null || r.To >= today))],
                accounts.GetValueOrDefault(m.Organisation) ?? []))
            .ToList();
        return new BodyPage(
            body.Id,
            body.Name,
            body.Kind,
            today,
            [
                .. Enum.GetValues<College>().Select(c => (c, (IReadOnlyList<MemberLine>)[
                    .. members.Where(m => m.College == c).OrderByDescending(m => m.Current).ThenBy(m => m.Organisation.Name, StringComparer.CurrentCulture),
                ])),
            ],
            await directory.AllAsync(cancellationToken));
    }

    public Task AddMemberAsync(Guid actorId, Guid id, MemberInput input, CancellationToken cancellationToken) =>
        ChangeAsync(
            id,
            async (body, now) =>
            {
                var organisation = PlatformDirectory.Parse(input.Organisation) is { } o && (await directory.AllAsync(cancellationToken)).Any(e => e.Ref == o)
                    ? o
                    : throw new DomainException("Choisissez une organisation de la liste.", nameof(Membership.Organisation));
                body.AddMember(
                    organisation,
                    input.College ?? organisation.Kind.DefaultCollege(),
                    input.From ?? throw new DomainException("Indiquez la date d'entrée dans l'instance.", nameof(Membership.From)),
                    input.To,
                    actorId,
                    now);
            },
            cancellationToken);

    public Task EndMembershipAsync(Guid actorId, Guid id, Guid membershipId, EndInput input, CancellationToken cancellationToken) =>
        ChangeAsync(
            id,
            (body, now) =>
            {
                body.EndMembership(membershipId, input.To ?? throw new DomainException("Indiquez la date de fin.", nameof(EndInput.To)), actorId, now);
                return Task.CompletedTask;
            },
            cancellationToken);

    public Task NameRepresentativeAsync(Guid actorId, Guid id, Guid membershipId, RepresentativeInput input, CancellationToken cancellationToken) =>
        ChangeAsync(
            id,
            async (body, now) =>
            {
                var membership = body.Memberships.SingleOrDefault(m => m.Id == membershipId) ?? throw new DomainException("Cette organisation n'est pas membre de l'instance.");
                var accounts = await sessions.AccountsAsync([membership.Organisation], cancellationToken);
                var userId = input.UserId is { } u && accounts[membership.Organisation].Any(a => a.Id == u)
                    ? u
                    : throw new DomainException("Choisissez une personne de cette organisation.", nameof(Representative.UserId));
                body.NameRepresentative(
                    membershipId,
                    userId,
                    input.Role,
                    input.From ?? throw new DomainException("Indiquez la date de début.", nameof(Representative.From)),
                    input.To,
                    actorId,
                    now);
            },
            cancellationToken);

    public Task EndRepresentativeAsync(Guid actorId, Guid id, Guid membershipId, Guid representativeId, EndInput input, CancellationToken cancellationToken) =>
        ChangeAsync(
            id,
            (body, now) =>
            {
                body.EndRepresentative(membershipId, representativeId, input.To ?? throw new DomainException("Indiquez la date de fin.", nameof(EndInput.To)), actorId, now);
                return Task.CompletedTask;
            },
            cancellationToken);

    private async Task ChangeAsync(Guid id, Func<Body, DateTimeOffset, Task> change, CancellationToken cancellationToken)
    {
        var body = await db.Bodies.SingleOrDefaultAsync(b => b.Id == id, cancellationToken) ?? throw new PlatformRecordNotFoundException();
        await change(body, clock.GetUtcNow());
        await changes.SaveAsync(cancellationToken);
    }
}
