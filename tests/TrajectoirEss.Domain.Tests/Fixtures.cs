using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Referrals;
using TrajectoirEss.Domain.Structures;

namespace TrajectoirEss.Domain.Tests;

/// <summary>Structures, programmes, referred projects and sessions for the programmes' tests, their events discarded.</summary>
internal static class Fixtures
{
    public static readonly DateTimeOffset T0 = new(2026, 9, 1, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 10, 1);
    public static readonly Guid Staff = Guid.CreateVersion7();

    public static Structure StructureOf(StructureKind kind) =>
        new(Guid.CreateVersion7(), kind.ToString().ToLowerInvariant(), kind.Label(), kind, kind == StructureKind.TagBzh ? "29" : null, null);

    /// <summary>A programme of the type, run by a structure of the right kind; its category the usual one unless given.</summary>
    public static Programme ProgrammeOf(ProgrammeType type, SupportCategory? category = null) =>
        Programme.Create(Guid.CreateVersion7(), type.ToString().ToLowerInvariant(), type.Label(), type, category ?? UsualCategory(type), StructureOf(type.RunBy()), null);

    /// <summary>A welcomed project referred to the programme (the referral proposed).</summary>
    public static (Project Project, Referral Referral) Referred(Programme programme)
    {
        var project = ProjectTests.InStatus(ProjectStatus.Welcomed);
        var referral = Referral.Create(ProjectTests.Sharing(project, programme), programme, [], project.PoleId!.Value, Staff, null, T0);
        project.DiscardDomainEvents();
        referral.DiscardDomainEvents();
        return (project, referral);
    }

    /// <summary>A welcomed project whose referral to the programme the structure accepted.</summary>
    public static (Project Project, Referral Referral) Accepted(Programme programme)
    {
        var (project, referral) = Referred(programme);
        referral.Accept(project, Staff, T0);
        referral.DiscardDomainEvents();
        return (project, referral);
    }

    public static Session SessionOf(Programme programme, int capacity)
    {
        var session = Session.Create(Guid.CreateVersion7(), programme, "Session d'automne", new DateOnly(2027, 1, 10), new DateOnly(2027, 3, 10), "Quimper", capacity, programme.Type == ProgrammeType.Incubateur ? new DateOnly(2026, 12, 15) : null, Staff, T0);
        session.DiscardDomainEvents();
        return session;
    }

    private static SupportCategory UsualCategory(ProgrammeType type) => type switch
    {
        ProgrammeType.CapCreationEss or ProgrammeType.FondsDeConfiance => SupportCategory.Financement,
        ProgrammeType.Creopss => SupportCategory.Formation,
        _ => SupportCategory.Accompagnement,
    };
}
