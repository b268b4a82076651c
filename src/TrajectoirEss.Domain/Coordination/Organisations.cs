using TrajectoirEss.Domain.Common;

namespace TrajectoirEss.Domain.Coordination;

/// <summary>The kinds of organisation that sit in the coordination bodies; each is a record of its own elsewhere (a pôle, a structure…).</summary>
public enum OrganisationKind
{
    /// <summary>A pôle de développement de l'ESS.</summary>
    Pole = 1,

    /// <summary>A support structure (a TAg, the Scic Kejal, France Active Bretagne, a CAE, the URSCOP).</summary>
    Structure = 2,

    /// <summary>État, Région, a département, an intercommunalité.</summary>
    PublicAuthority = 3,

    /// <summary>A network, a head of network (CRESS, federations) or another member.</summary>
    Network = 4,
}

/// <summary>The colleges of the platform: the side of the table an organisation sits on.</summary>
public enum College
{
    EssActors = 1,
    Poles = 2,
    PublicAuthorities = 3,
    Networks = 4,
}

/// <summary>The French labels of the coordination's kinds and colleges: their one home.</summary>
public static class CoordinationLabels
{
    public static string Label(this OrganisationKind kind) => kind switch
    {
        OrganisationKind.Pole => "Pôle ESS",
        OrganisationKind.Structure => "Structure d'accompagnement",
        OrganisationKind.PublicAuthority => "Pouvoir public",
        OrganisationKind.Network => "Réseau ou autre membre",
        _ => kind.ToString(),
    };

    public static string Label(this College college) => college switch
    {
        College.EssActors => "Acteurs de l'ESS",
        College.Poles => "Pôles ESS",
        College.PublicAuthorities => "Pouvoirs publics",
        College.Networks => "Réseaux et têtes de réseau",
        _ => college.ToString(),
    };

    /// <summary>The college an organisation of this kind usually sits in (what a form proposes first).</summary>
    public static College DefaultCollege(this OrganisationKind kind) => kind switch
    {
        OrganisationKind.Pole => College.Poles,
        OrganisationKind.PublicAuthority => College.PublicAuthorities,
        OrganisationKind.Network => College.Networks,
        _ => College.EssActors,
    };

    /// <summary>
    /// Whether an organisation of this kind may sit in this college. The one rule kept: public authorities sit in
    /// their college and nobody else does (the platform is a meeting of two sides); among ESS actors, pôles, structures
    /// and networks, the choice is the coordination's (the URSCOP is a structure here and a head of network there).
    /// </summary>
    public static bool Accepts(this College college, OrganisationKind kind) =>
        Enum.IsDefined(college) && Enum.IsDefined(kind) && (college == College.PublicAuthorities) == (kind == OrganisationKind.PublicAuthority);
}

/// <summary>
/// An organisation as the coordination refers to it: its kind and the id of its own record (a pôle, a structure, a
/// public authority or a network). The coordination never owns organisations; it points at them.
/// </summary>
public readonly record struct OrganisationRef(OrganisationKind Kind, Guid Id)
{
    /// <summary>A reference with a known kind and an id, or a domain error about <paramref name="field"/>.</summary>
    public static OrganisationRef Valid(OrganisationRef? organisation, string field, string message = "Choisissez une organisation.") =>
        organisation is { } o && Enum.IsDefined(o.Kind) && o.Id != Guid.Empty ? o : throw new DomainException(message, field);
}
