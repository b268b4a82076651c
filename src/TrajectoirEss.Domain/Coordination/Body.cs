using TrajectoirEss.Domain.Common;

namespace TrajectoirEss.Domain.Coordination;

/// <summary>The bodies of the regional ESS strategy's coordination.</summary>
public enum BodyKind
{
    /// <summary>The plateforme de coordination of the SRESS, twice a year.</summary>
    Platform = 1,

    /// <summary>A comité de pilotage.</summary>
    SteeringCommittee = 2,

    /// <summary>A groupe thématique.</summary>
    ThematicGroup = 3,
}

public static class BodyKinds
{
    public static string Label(this BodyKind kind) => kind switch
    {
        BodyKind.Platform => "Plateforme de coordination",
        BodyKind.SteeringCommittee => "Comité de pilotage",
        BodyKind.ThematicGroup => "Groupe thématique",
        _ => kind.ToString(),
    };
}

/// <summary>
/// A coordination body (the platform, a steering committee, a thematic group) and who sits in it: organisations,
/// each in a college for a period, with named representatives. Periods are days, both ends included; an open end
/// (null) runs on. Nothing is deleted: a membership or a representation ends.
/// </summary>
public sealed class Body : AggregateRoot
{
    public const int NameMaxLength = 200;

    private readonly List<Membership> _memberships = [];

    private Body(Guid id, BodyKind kind, string name)
    {
        Id = id;
        Kind = kind;
        Name = name;
    }

    private Body()
    {
        Name = string.Empty;
    }

    public Guid Id { get; private set; }

    public BodyKind Kind { get; private set; }

    public string Name { get; private set; }

    /// <summary>Optimistic concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; private set; }

    public IReadOnlyList<Membership> Memberships => _memberships;

    public static Body Create(Guid id, BodyKind kind, string? name, Guid actorId, DateTimeOffset now)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Choisissez le type d'instance.", nameof(Kind));
        }

        var body = new Body(id, kind, Guard.Required(name, NameMaxLength, "Le nom de l'instance", nameof(Name)));
        body.Raise(new BodyCreated(body, actorId, now));
        return body;
    }

    public void Rename(string? name) => Name = Guard.Required(name, NameMaxLength, "Le nom de l'instance", nameof(Name));

    public bool IsMemberOn(OrganisationRef organisation, DateOnly date) => MembershipOn(organisation, date) is not null;

    public Membership? MembershipOn(OrganisationRef organisation, DateOnly date) =>
        _memberships.SingleOrDefault(m => m.Organisation == organisation && m.Covers(date));

    /// <summary>The memberships that hold on the date, by college.</summary>
    public IReadOnlyList<Membership> MembersOn(DateOnly date) =>
        [.. _memberships.Where(m => m.Covers(date)).OrderBy(m => m.College)];

    /// <summary>An organisation joins in a college; it is a member at most once at a time.</summary>
    public Membership AddMember(OrganisationRef? organisation, College college, DateOnly from, DateOnly? to, Guid actorId, DateTimeOffset now)
    {
        var who = OrganisationRef.Valid(organisation, nameof(Membership.Organisation));
        if (!Enum.IsDefined(college))
        {
            throw new DomainException("Choisissez un collège.", nameof(Membership.College));
        }

        if (!college.Accepts(who.Kind))
        {
            throw new DomainException(who.Kind == OrganisationKind.PublicAuthority
                ? "Un pouvoir public siège dans le collège « Pouvoirs publics »."
                : "Seuls les pouvoirs publics siègent dans le collège « Pouvoirs publics ».", nameof(Membership.College));
        }

        Period.Ensure(from, to);
        if (_memberships.Any(m => m.Organisation == who && m.Overlaps(from, to)))
        {
            throw new DomainException("Cette organisation est déjà membre de l'instance sur cette période.", nameof(Membership.From));
        }

        var membership = new Membership(Guid.CreateVersion7(now), who, college, from, to);
        _memberships.Add(membership);
        Raise(new MembershipAdded(this, membership, actorId, now));
        return membership;
    }

    /// <summary>Ends a membership (its representations end with it, at the latest); it cannot be stretched over a later one.</summary>
    public void EndMembership(Guid membershipId, DateOnly to, Guid actorId, DateTimeOffset now)
    {
        var membership = Find(membershipId);
        Period.Ensure(membership.From, to);
        if (_memberships.Any(m => m != membership && m.Organisation == membership.Organisation && m.Overlaps(membership.From, to)))
        {
            throw new DomainException("Cette organisation est déjà membre de l'instance sur cette période.", nameof(Membership.To));
        }

        membership.End(to);
        Raise(new MembershipEnded(this, membership, actorId, now));
    }

    /// <summary>
    /// Names a person who represents a member organisation: the membership must be current (not ended before
    /// <paramref name="now"/>) and the representation lie within it; a person is named once at a time per membership.
    /// </summary>
    public Representative NameRepresentative(Guid membershipId, Guid userId, string? role, DateOnly from, DateOnly? to, Guid actorId, DateTimeOffset now)
    {
        var membership = Find(membershipId);
        var label = Guard.Required(role, Representative.RoleMaxLength, "Le rôle", nameof(Representative.Role));
        Period.Ensure(from, to);
        if (membership.To is { } end && end < DateOnly.FromDateTime(now.DateTime))
        {
            throw new DomainException("Cette adhésion est terminée : un représentant ne peut plus y être nommé.");
        }

        if (from < membership.From || (membership.To is { } last && (to is null || to > last)))
        {
            throw new DomainException("La représentation doit tenir dans la période d'adhésion de l'organisation.", nameof(Representative.From));
        }

        var representative = membership.Name(userId, label, from, to, now);
        Raise(new RepresentativeNamed(this, membership, representative, actorId, now));
        return representative;
    }

    public void EndRepresentative(Guid membershipId, Guid representativeId, DateOnly to, Guid actorId, DateTimeOffset now)
    {
        var membership = Find(membershipId);
        var representative = membership.Representatives.SingleOrDefault(r => r.Id == representativeId)
            ?? throw new DomainException("Cette personne ne représente pas cette organisation.");
        Period.Ensure(representative.From, to);
        representative.End(to);
        Raise(new RepresentativeEnded(this, membership, representative, actorId, now));
    }

    private Membership Find(Guid membershipId) =>
        _memberships.SingleOrDefault(m => m.Id == membershipId) ?? throw new DomainException("Cette organisation n'est pas membre de l'instance.");
}

/// <summary>An organisation's seat in a body: a college and a period (both ends included; no end: it runs on).</summary>
public sealed class Membership
{
    public const int MaxRepresentatives = 20;

    private readonly List<Representative> _representatives = [];

    internal Membership(Guid id, OrganisationRef organisation, College college, DateOnly from, DateOnly? to)
    {
        Id = id;
        Organisation = organisation;
        College = college;
        From = from;
        To = to;
    }

    private Membership()
    {
    }

    public Guid Id { get; private set; }

    public OrganisationRef Organisation { get; private set; }

    public College College { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly? To { get; private set; }

    public IReadOnlyList<Representative> Representatives => _representatives;

    public bool Covers(DateOnly date) => date >= From && (To is null || date <= To);

    public IEnumerable<Representative> RepresentativesOn(DateOnly date) => _representatives.Where(r => r.Covers(date));

    internal bool Overlaps(DateOnly from, DateOnly? to) => Period.Overlap(From, To, from, to);

    internal void End(DateOnly to)
    {
        To = to;
        foreach (var representative in _representatives.Where(r => r.To is null || r.To > to))
        {
            representative.End(to);
        }
    }

    internal Representative Name(Guid userId, string role, DateOnly from, DateOnly? to, DateTimeOffset now)
    {
        if (_representatives.Any(r => r.UserId == userId && Period.Overlap(r.From, r.To, from, to)))
        {
            throw new DomainException("Cette personne représente déjà l'organisation sur cette période.", nameof(Representative.UserId));
        }

        if (_representatives.Count >= MaxRepresentatives)
        {
            throw new DomainException($"Une organisation a au plus {MaxRepresentatives} représentants nommés.");
        }

        var representative = new Representative(Guid.CreateVersion7(now), userId, role, from, to);
        _representatives.Add(representative);
        return representative;
    }
}

/// <summary>A person (an account) who speaks for a member organisation, with a role ("titulaire", "suppléante"…).</summary>
public sealed class Representative
{
    public const int RoleMaxLength = 100;

    internal Representative(Guid id, Guid userId, string role, DateOnly from, DateOnly? to)
    {
        Id = id;
        UserId = userId;
        Role = role;
        From = from;
        To = to;
    }

    private Representative()
    {
        Role = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string Role { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly? To { get; private set; }

    public bool Covers(DateOnly date) => date >= From && (To is null || date <= To);

    internal void End(DateOnly to) => To = to;
}

/// <summary>Periods of days, both ends included, an open end running on: the one home of their checks.</summary>
internal static class Period
{
    public static void Ensure(DateOnly from, DateOnly? to)
    {
        if (!PlausibleDates.Contains(from) || (to is { } end && !PlausibleDates.Contains(end)))
        {
            throw new DomainException(PlausibleDates.Message, to is { } e && !PlausibleDates.Contains(e) ? "To" : "From");
        }

        if (to is { } last && last < from)
        {
            throw new DomainException("La date de fin ne peut pas précéder la date de début.", "To");
        }
    }

    public static bool Overlap(DateOnly from1, DateOnly? to1, DateOnly from2, DateOnly? to2) =>
        (to2 is null || from1 <= to2) && (to1 is null || from2 <= to1);
}
