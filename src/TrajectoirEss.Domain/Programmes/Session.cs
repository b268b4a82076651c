using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Projects;

namespace TrajectoirEss.Domain.Programmes;

public enum SessionStatus
{
    /// <summary>Open for applications / enrolments.</summary>
    Open = 1,
    Running = 2,
    Finished = 3,
}

/// <summary>
/// A session or cohort of a programme, run by its structure: an idéateur session (~2 months), a yearly
/// incubator promotion (with a jury), a Creopss session… Capacity counts the places taken.
/// </summary>
public sealed class Session : AggregateRoot
{
    public const int NameMaxLength = 150;
    public const int PlaceMaxLength = 200;
    public const int MinCapacity = 1;
    public const int MaxCapacity = 500;

    private Session(Guid id, Guid programmeId, Guid structureId, ProgrammeType programmeType)
    {
        Id = id;
        ProgrammeId = programmeId;
        StructureId = structureId;
        ProgrammeType = programmeType;
        Name = string.Empty;
        Status = SessionStatus.Open;
    }

    public Guid Id { get; private set; }

    public Guid ProgrammeId { get; private set; }

    public Guid StructureId { get; private set; }

    /// <summary>Copied from the programme: the rules of selection and completion depend on it.</summary>
    public ProgrammeType ProgrammeType { get; private set; }

    public string Name { get; private set; }

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    public string? Place { get; private set; }

    public int Capacity { get; private set; }

    /// <summary>The jury's date, for an incubator promotion.</summary>
    public DateOnly? JuryOn { get; private set; }

    public SessionStatus Status { get; private set; }

    public uint Version { get; private set; }

    /// <summary>Whether places are given by a jury's selection (incubator) rather than by enrolment.</summary>
    public bool IsSelective => ProgrammeType == ProgrammeType.Incubateur;

    public static Session Create(Guid id, Programme programme, string? name, DateOnly? startsOn, DateOnly? endsOn, string? place, int? capacity, DateOnly? juryOn, Guid actorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(programme);
        if (!programme.IsActive)
        {
            throw new DomainException("Ce programme n'est plus actif.");
        }

        if (!programme.Type.HasSessions())
        {
            throw new DomainException("Un programme de financement n'a pas de sessions : ses demandes se font depuis l'orientation du projet.");
        }

        var session = new Session(id, programme.Id, programme.StructureId, programme.Type);
        session.Apply(name, startsOn, endsOn, place, capacity, juryOn, placesTaken: 0);
        session.Raise(new SessionCreated(session, programme.Name, actorId, now));
        return session;
    }

    /// <summary>Changes the session; the capacity cannot go below the places already taken.</summary>
    public void Update(string? name, DateOnly? startsOn, DateOnly? endsOn, string? place, int? capacity, DateOnly? juryOn, int placesTaken, Guid actorId, DateTimeOffset now)
    {
        var (oldCapacity, oldStart, oldEnd) = (Capacity, StartsOn, EndsOn);
        Apply(name, startsOn, endsOn, place, capacity, juryOn, placesTaken);
        Raise(new SessionUpdated(this, oldCapacity, oldStart, oldEnd, actorId, now));
    }

    public void Start(Guid actorId, DateTimeOffset now)
    {
        if (Status != SessionStatus.Open)
        {
            throw new DomainException("Seule une session ouverte peut commencer.");
        }

        Status = SessionStatus.Running;
        Raise(new SessionStatusChanged(this, SessionStatus.Open, actorId, now));
    }

    public void Finish(Guid actorId, DateTimeOffset now)
    {
        if (Status == SessionStatus.Finished)
        {
            throw new DomainException("Cette session est déjà terminée.");
        }

        var from = Status;
        Status = SessionStatus.Finished;
        Raise(new SessionStatusChanged(this, from, actorId, now));
    }

    public static string Label(SessionStatus status) => status switch
    {
        SessionStatus.Open => "Ouverte aux candidatures",
        SessionStatus.Running => "En cours",
        SessionStatus.Finished => "Terminée",
        _ => status.ToString(),
    };

    private void Apply(string? name, DateOnly? startsOn, DateOnly? endsOn, string? place, int? capacity, DateOnly? juryOn, int placesTaken)
    {
        var cleanName = Guard.Required(name, NameMaxLength, "Le nom de la session");
        if (startsOn is not { } start || endsOn is not { } end)
        {
            throw new DomainException("Indiquez les dates de début et de fin.");
        }

        if (end < start)
        {
            throw new DomainException("La date de fin doit suivre la date de début.");
        }

        if (capacity is not { } places || places < MinCapacity || places > MaxCapacity)
        {
            throw new DomainException($"La capacité doit être comprise entre {MinCapacity} et {MaxCapacity} places.");
        }

        if (places < placesTaken)
        {
            throw new DomainException($"La capacité ne peut pas être inférieure aux {placesTaken} places déjà attribuées.");
        }

        if (juryOn is { } jury && (jury > start || jury < start.AddYears(-1)))
        {
            throw new DomainException("Le jury se tient avant le début de la promotion (dans l'année qui précède).");
        }

        Name = cleanName;
        StartsOn = start;
        EndsOn = end;
        Place = Guard.Optional(place, PlaceMaxLength, "Le lieu");
        Capacity = places;
        JuryOn = IsSelective ? juryOn : null;
    }
}
