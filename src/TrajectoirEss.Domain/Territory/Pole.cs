using TrajectoirEss.Domain.Common;

namespace TrajectoirEss.Domain.Territory;

/// <summary>
/// A pôle de développement de l'ESS: the front door of the programme on its territory. Names, seats
/// and perimeters come from a draft and carry flags saying what has been verified.
/// </summary>
public sealed class Pole
{
    public const int CodeMaxLength = 80;
    public const int NameMaxLength = 120;
    public const int PaysMaxLength = 120;
    public const int SeatMaxLength = 120;
    public const int NotesMaxLength = 2000;
    public const int EmailMaxLength = 254;
    public const int PhoneMaxLength = 30;
    public const int WebsiteMaxLength = 300;
    public const int AddressMaxLength = 300;

    public Pole(Guid id, string code, string name, string departementCode, string? pays, string? seat)
    {
        Id = id;
        Code = Guard.Required(code, CodeMaxLength, "Le code du pôle");
        Name = Guard.Required(name, NameMaxLength, "Le nom du pôle", nameof(Name));
        DepartementCode = RequiredDepartement(departementCode);
        Pays = Guard.Optional(pays, PaysMaxLength, "Le pays", nameof(Pays));
        Seat = Guard.Optional(seat, SeatMaxLength, "Le siège", nameof(Seat));
        IsActive = true;
    }

    public Guid Id { get; private set; }

    /// <summary>Stable identifier of the reference data (a slug of the original name); never shown.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    public string DepartementCode { get; private set; }

    public string? Pays { get; private set; }

    public string? Seat { get; private set; }

    public bool NameVerified { get; private set; }

    public bool SeatVerified { get; private set; }

    public bool PerimeterVerified { get; private set; }

    public string? Notes { get; private set; }

    public string? Email { get; private set; }

    public string? Phone { get; private set; }

    public string? Website { get; private set; }

    public string? Address { get; private set; }

    /// <summary>
    /// A deactivated pôle (emptied by a merge, say) is no longer offered for transfers; its staff keep
    /// access to the projects it already has. Never deleted: trajectories refer to it.
    /// </summary>
    public bool IsActive { get; private set; }

    /// <summary>Row version (PostgreSQL xmin) for optimistic concurrency between administrators.</summary>
    public uint Version { get; private set; }

    /// <summary>Corrects the name, département, pays and seat.</summary>
    public void UpdateIdentity(string? name, string? departementCode, string? pays, string? seat)
    {
        var newName = Guard.Required(name, NameMaxLength, "Le nom du pôle", nameof(Name));
        var newDepartement = RequiredDepartement(departementCode);
        var newPays = Guard.Optional(pays, PaysMaxLength, "Le pays", nameof(Pays));
        var newSeat = Guard.Optional(seat, SeatMaxLength, "Le siège", nameof(Seat));
        (Name, DepartementCode, Pays, Seat) = (newName, newDepartement, newPays, newSeat);
    }

    /// <summary>
    /// Deactivates an emptied pôle. Refused while it still covers an EPCI or a commune: every commune
    /// must keep exactly one active pôle, so its territory moves to another pôle first.
    /// </summary>
    public void Deactivate(IEnumerable<Epci> epcis, IEnumerable<Commune> communes)
    {
        ArgumentNullException.ThrowIfNull(epcis);
        ArgumentNullException.ThrowIfNull(communes);
        var covered = epcis.Count(e => e.PoleId == Id) + communes.Count(c => c.EpciSiren is null && c.PoleId == Id);
        if (covered > 0)
        {
            throw new DomainException($"Ce pôle couvre encore {covered} territoire(s) : attribuez d'abord ses intercommunalités (et ses îles) à un autre pôle, puis désactivez-le.");
        }

        IsActive = false;
    }

    public void Activate() => IsActive = true;

    public void SetVerification(bool nameVerified, bool seatVerified, bool perimeterVerified)
    {
        NameVerified = nameVerified;
        SeatVerified = seatVerified;
        PerimeterVerified = perimeterVerified;
    }

    public void SetNotes(string? notes) => Notes = Guard.Optional(notes, NotesMaxLength, "Les notes");

    public void UpdateContact(string? email, string? phone, string? website, string? address)
    {
        var newEmail = Guard.Optional(email, EmailMaxLength, "L'adresse électronique", nameof(Email));
        var newPhone = Guard.Optional(phone, PhoneMaxLength, "Le téléphone", nameof(Phone));
        var newWebsite = Guard.Optional(website, WebsiteMaxLength, "Le site web", nameof(Website));
        var newAddress = Guard.Optional(address, AddressMaxLength, "L'adresse", nameof(Address));
        (Email, Phone, Website, Address) = (newEmail, newPhone, newWebsite, newAddress);
    }

    private static string RequiredDepartement(string? code) =>
        Guard.Departement(code, nameof(DepartementCode)) ?? throw new DomainException("Choisissez le département du pôle.", nameof(DepartementCode));
}
