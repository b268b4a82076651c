namespace TrajectoirEss.Domain.Coordination;

/// <summary>The kinds of public authority taking part in the coordination platform (ESS law 2014, SRESS).</summary>
public enum PublicAuthorityKind
{
    /// <summary>The Région Bretagne, which leads the regional ESS strategy.</summary>
    Region = 1,

    /// <summary>The State's services in the region (préfecture de région: SGAR, DREETS).</summary>
    State = 2,

    /// <summary>A département's council.</summary>
    Departement = 3,

    /// <summary>An intercommunalité (EPCI: métropole, communauté d'agglomération or de communes).</summary>
    Epci = 4,

    /// <summary>Any other public partner.</summary>
    Other = 5,
}

/// <summary>The French labels of <see cref="PublicAuthorityKind"/>, in one place.</summary>
public static class PublicAuthorityKinds
{
    public static string Label(this PublicAuthorityKind kind) => kind switch
    {
        PublicAuthorityKind.Region => "Région",
        PublicAuthorityKind.State => "Services de l'État",
        PublicAuthorityKind.Departement => "Département",
        PublicAuthorityKind.Epci => "Intercommunalité",
        PublicAuthorityKind.Other => "Autre",
        _ => kind.ToString(),
    };
}
