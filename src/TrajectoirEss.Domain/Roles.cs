namespace TrajectoirEss.Domain;

/// <summary>The kinds of user of the portal (ASP.NET Core Identity role names).</summary>
public static class Roles
{
    public const string Porteur = "Porteur";
    public const string PoleStaff = "PoleStaff";
    public const string StructureStaff = "StructureStaff";
    public const string Coordinator = "Coordinator";
    public const string Admin = "Admin";

    /// <summary>A public partner (Région, State services, département, intercommunalité): the programme's aggregates, read only.</summary>
    public const string PublicPartner = "PublicPartner";

    public static IReadOnlyList<string> All { get; } = [Porteur, PoleStaff, StructureStaff, Coordinator, PublicPartner, Admin];

    /// <summary>The French label shown to people.</summary>
    public static string Label(string role) => role switch
    {
        Porteur => "Porteur de projet",
        PoleStaff => "Équipe d'un pôle ESS",
        StructureStaff => "Équipe d'une structure d'accompagnement",
        Coordinator => "Coordination régionale",
        PublicPartner => "Partenaire public",
        Admin => "Administration",
        _ => role,
    };
}
