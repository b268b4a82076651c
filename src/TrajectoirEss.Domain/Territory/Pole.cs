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
        Name = Guard.Required(name, NameMaxLength, "Le nom du pôle");
        DepartementCode = departementCode;
        Pays = Guard.Optional(pays, PaysMaxLength, "Le pays");
        Seat = Guard.Optional(seat, SeatMaxLength, "Le siège");
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

    public void SetVerification(bool nameVerified, bool seatVerified, bool perimeterVerified)
    {
        NameVerified = nameVerified;
        SeatVerified = seatVerified;
        PerimeterVerified = perimeterVerified;
    }

    public void SetNotes(string? notes) => Notes = Guard.Optional(notes, NotesMaxLength, "Les notes");

    public void UpdateContact(string? email, string? phone, string? website, string? address)
    {
        Email = Guard.Optional(email, EmailMaxLength, "L'adresse électronique");
        Phone = Guard.Optional(phone, PhoneMaxLength, "Le téléphone");
        Website = Guard.Optional(website, WebsiteMaxLength, "Le site web");
        Address = Guard.Optional(address, AddressMaxLength, "L'adresse");
    }
}
