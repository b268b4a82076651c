using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Territory;

namespace TrajectoirEss.Domain.Programmes;

public enum TerritoryNeedStatus
{
    /// <summary>The opportunity study is under way.</summary>
    Studying = 1,
    ConcludedPositive = 2,
    ConcludedNegative = 3,
    HandedOver = 4,
}

/// <summary>
/// The révélateur starts from a territory's unmet need, raised by a local authority or a partner, not from
/// a porteur: the TAg carries an opportunity study and, when it concludes positively, hands the project
/// over to a porteur — creating a project or attaching to one — and that hand-over is in the trajectory.
/// </summary>
public sealed class TerritoryNeed : AggregateRoot
{
    public const int TitleMaxLength = 120;
    public const int DescriptionMaxLength = 4000;
    public const int RaisedByMaxLength = 200;
    public const int ConclusionMaxLength = 4000;

    private TerritoryNeed()
    {
        Title = string.Empty;
        Description = string.Empty;
        RaisedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid StructureId { get; private set; }

    public Guid ProgrammeId { get; private set; }

    public string Title { get; private set; }

    public string Description { get; private set; }

    /// <summary>The local authority or partner that raised the need.</summary>
    public string RaisedBy { get; private set; }

    public DateOnly RaisedOn { get; private set; }

    public string CommuneCode { get; private set; } = string.Empty;

    public TerritoryNeedStatus Status { get; private set; }

    public string? Conclusion { get; private set; }

    public DateOnly? ConcludedOn { get; private set; }

    public Guid? ProjectId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static TerritoryNeed Raise(Programme revelateur, string? title, string? description, string? raisedBy, DateOnly? raisedOn, string? communeCode, DateOnly today, Guid actorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(revelateur);
        if (revelateur.Type != ProgrammeType.Revelateur)
        {
            throw new DomainException("Un besoin du territoire s'étudie avec le révélateur.");
        }

        if (raisedOn is not { } date || date > today)
        {
            throw new DomainException("Indiquez la date à laquelle le besoin a été exprimé (pas dans le futur).");
        }

        var need = new TerritoryNeed
        {
            Id = Guid.CreateVersion7(now),
            StructureId = revelateur.StructureId,
            ProgrammeId = revelateur.Id,
            Title = Guard.Required(title, TitleMaxLength, "L'intitulé du besoin"),
            Description = Guard.Required(description, DescriptionMaxLength, "La description du besoin"),
            RaisedBy = Guard.Required(raisedBy, RaisedByMaxLength, "Qui a exprimé le besoin"),
            RaisedOn = date,
            CommuneCode = Guard.Required(communeCode, Commune.CodeLength, "La commune"),
            Status = TerritoryNeedStatus.Studying,
            CreatedAt = now,
        };
        need.Raise(new TerritoryNeedRaised(need, actorId, now));
        return need;
    }

    public void Conclude(bool positive, string? conclusion, DateOnly? concludedOn, DateOnly today, Guid actorId, DateTimeOffset now)
    {
        if (Status != TerritoryNeedStatus.Studying)
        {
            throw new DomainException("L'étude d'opportunité est déjà conclue.");
        }

        if (concludedOn is not { } date || date > today || date < RaisedOn)
        {
            throw new DomainException("La date de conclusion doit suivre l'expression du besoin et ne pas être dans le futur.");
        }

        Conclusion = Guard.Required(conclusion, ConclusionMaxLength, "La conclusion de l'étude");
        ConcludedOn = date;
        Status = positive ? TerritoryNeedStatus.ConcludedPositive : TerritoryNeedStatus.ConcludedNegative;
        Raise(new OpportunityStudyConcluded(this, actorId, now));
    }

    /// <summary>Creates the porteur's project from the study (a draft they complete and submit), with its first steps.</summary>
    public Project HandOverToNewProject(Guid porteurId, Guid staffId, DateTimeOffset now)
    {
        EnsureHandable();
        var details = new ProjectDetails(Title, Description, Conclusion, ProjectOrigin.TerritoryNeed, null, null, ProjectStage.EtudeOpportunite, CommuneCode, SupportNeeds.Accompagnement, 1, null);
        var project = Project.CreateDraft(Guid.CreateVersion7(now), porteurId, details, now);
        RecordHandOver(project, staffId, now);
        Raise(new StudyHandedOver(this, project, NewProject: true, staffId, now));
        return project;
    }

    /// <summary>Attaches the study to a project already under way.</summary>
    public void HandOverTo(Project project, Guid staffId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(project);
        EnsureHandable();
        if (!project.TrajectoryCanTake(TrajectoryStepKind.HandedOverToPorteur))
        {
            throw new DomainException("Ce projet est clos.");
        }

        RecordHandOver(project, staffId, now);
        Raise(new StudyHandedOver(this, project, NewProject: false, staffId, now));
    }

    public static string Label(TerritoryNeedStatus status) => status switch
    {
        TerritoryNeedStatus.Studying => "Étude d'opportunité en cours",
        TerritoryNeedStatus.ConcludedPositive => "Étude concluante : à remettre à un porteur",
        TerritoryNeedStatus.ConcludedNegative => "Étude non concluante",
        TerritoryNeedStatus.HandedOver => "Remis à un porteur",
        _ => status.ToString(),
    };

    private void EnsureHandable()
    {
        if (Status != TerritoryNeedStatus.ConcludedPositive)
        {
            throw new DomainException("Seule une étude d'opportunité concluante peut être remise à un porteur.");
        }
    }

    private void RecordHandOver(Project project, Guid staffId, DateTimeOffset now)
    {
        var raised = new DateTimeOffset(RaisedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var concluded = new DateTimeOffset(ConcludedOn!.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        project.RecordStep(TrajectoryStepKind.TerritoryNeedRaised, staffId, raised, project.PoleId, StructureId, ProgrammeId, null, $"{Title} — exprimé par {RaisedBy}");
        project.RecordStep(TrajectoryStepKind.OpportunityStudyConcluded, staffId, concluded, project.PoleId, StructureId, ProgrammeId, "Concluante", Conclusion);
        project.RecordStep(TrajectoryStepKind.HandedOverToPorteur, staffId, now, project.PoleId, StructureId, ProgrammeId, null, null);
        ProjectId = project.Id;
        Status = TerritoryNeedStatus.HandedOver;
    }
}
