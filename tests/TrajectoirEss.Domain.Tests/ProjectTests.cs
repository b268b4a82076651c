using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Referrals;

namespace TrajectoirEss.Domain.Tests;

public sealed class ProjectTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Owner = Guid.CreateVersion7();
    private static readonly Guid Staff = Guid.CreateVersion7();
    private static readonly Guid Pole = Guid.CreateVersion7();
    private static readonly Guid OtherPole = Guid.CreateVersion7();

    internal static ProjectDetails Complete(string title = "Épicerie solidaire") =>
        new(title, "Une épicerie associative", "Pas de commerce dans le bourg", ProjectOrigin.PorteurIdea, "commerce", "association", ProjectStage.Idee, "29233", SupportNeeds.Accompagnement, 3, "pole-ess");

    [Fact]
    public void Welcome_BeforeTheSubmission_CountsAsAFirstContactAtTheSubmission()
    {
        var project = Project.CreateDraft(Guid.CreateVersion7(), Owner, Complete(), T0);
        project.Submit(Owner, Pole, consentToProcessing: true, T0.AddHours(5));

        project.Welcome(Staff, T0.AddHours(2));

        Assert.Equal(T0.AddHours(5), project.FirstContactAt);
        var welcomed = Assert.Single(project.Steps, s => s.Kind == TrajectoryStepKind.Welcomed);
        Assert.Equal(T0.AddHours(5), welcomed.OccurredAt);
    }

    /// <summary>The project, its porteurs having let the programme's structure see it (at its last change: nothing else moves).</summary>
    internal static Project Sharing(Project project, Programmes.Programme programme)
    {
        project.ChangeSharing(programme.StructureId, true, project.Members[0].UserId, project.UpdatedAt);
        return project;
    }

    internal static Project InStatus(ProjectStatus status)
    {
        var project = Project.CreateDraft(Guid.CreateVersion7(), Owner, Complete(), T0);
        if (status == ProjectStatus.Draft)
        {
            return project;
        }

        project.Submit(Owner, Pole, consentToProcessing: true, T0.AddHours(1));
        if (status == ProjectStatus.Submitted)
        {
            return project;
        }

        project.Welcome(Staff, T0.AddDays(3));
        if (status == ProjectStatus.Welcomed)
        {
            return project;
        }

        // A project enters support only through a referral's start, which calls EnterSupport (no step of its own).
        project.EnterSupport(T0.AddDays(10));
        if (status == ProjectStatus.InSupport)
        {
            return project;
        }

        if (status == ProjectStatus.Paused)
        {
            project.Pause("Les porteurs cherchent un local", Staff, T0.AddDays(50));
            return project;
        }

        project.Close(ProjectOutcome.Abandoned, "Le collectif s'est dissous", Staff, T0.AddDays(100));
        return project;
    }

    /// <summary>Every status × action, written out by hand: the expected table, independent of the code's.</summary>
    public static TheoryData<ProjectStatus, ProjectAction, ProjectStatus?> Table() => new()
    {
        { ProjectStatus.Draft, ProjectAction.Edit, ProjectStatus.Draft },
        { ProjectStatus.Draft, ProjectAction.Submit, ProjectStatus.Submitted },
        { ProjectStatus.Draft, ProjectAction.Welcome, null },
        { ProjectStatus.Draft, ProjectAction.StartSupport, null },
        { ProjectStatus.Draft, ProjectAction.Close, null },
        { ProjectStatus.Draft, ProjectAction.Reopen, null },
        { ProjectStatus.Draft, ProjectAction.Qualify, null },
        { ProjectStatus.Draft, ProjectAction.Transfer, null },
        { ProjectStatus.Draft, ProjectAction.AssignReferent, null },
        { ProjectStatus.Draft, ProjectAction.Pause, null },
        { ProjectStatus.Draft, ProjectAction.Resume, null },
        { ProjectStatus.Submitted, ProjectAction.Edit, ProjectStatus.Submitted },
        { ProjectStatus.Submitted, ProjectAction.Submit, null },
        { ProjectStatus.Submitted, ProjectAction.Welcome, ProjectStatus.Welcomed },
        { ProjectStatus.Submitted, ProjectAction.StartSupport, null },
        { ProjectStatus.Submitted, ProjectAction.Close, ProjectStatus.Closed },
        { ProjectStatus.Submitted, ProjectAction.Reopen, null },
        { ProjectStatus.Submitted, ProjectAction.Qualify, ProjectStatus.Submitted },
        { ProjectStatus.Submitted, ProjectAction.Transfer, ProjectStatus.Submitted },
        { ProjectStatus.Submitted, ProjectAction.AssignReferent, ProjectStatus.Submitted },
        { ProjectStatus.Submitted, ProjectAction.Pause, null },
        { ProjectStatus.Submitted, ProjectAction.Resume, null },
        { ProjectStatus.Welcomed, ProjectAction.Edit, null },
        { ProjectStatus.Welcomed, ProjectAction.Submit, null },
        { ProjectStatus.Welcomed, ProjectAction.Welcome, null },
        { ProjectStatus.Welcomed, ProjectAction.StartSupport, ProjectStatus.InSupport },
        { ProjectStatus.Welcomed, ProjectAction.Close, ProjectStatus.Closed },
        { ProjectStatus.Welcomed, ProjectAction.Reopen, null },
        { ProjectStatus.Welcomed, ProjectAction.Qualify, ProjectStatus.Welcomed },
        { ProjectStatus.Welcomed, ProjectAction.Transfer, ProjectStatus.Welcomed },
        { ProjectStatus.Welcomed, ProjectAction.AssignReferent, ProjectStatus.Welcomed },
        { ProjectStatus.Welcomed, ProjectAction.Pause, ProjectStatus.Paused },
        { ProjectStatus.Welcomed, ProjectAction.Resume, null },
        { ProjectStatus.InSupport, ProjectAction.Edit, null },
        { ProjectStatus.InSupport, ProjectAction.Submit, null },
        { ProjectStatus.InSupport, ProjectAction.Welcome, null },
        { ProjectStatus.InSupport, ProjectAction.StartSupport, null },
        { ProjectStatus.InSupport, ProjectAction.Close, ProjectStatus.Closed },
        { ProjectStatus.InSupport, ProjectAction.Reopen, null },
        { ProjectStatus.InSupport, ProjectAction.Qualify, ProjectStatus.InSupport },
        { ProjectStatus.InSupport, ProjectAction.Transfer, ProjectStatus.InSupport },
        { ProjectStatus.InSupport, ProjectAction.AssignReferent, ProjectStatus.InSupport },
        { ProjectStatus.InSupport, ProjectAction.Pause, ProjectStatus.Paused },
        { ProjectStatus.InSupport, ProjectAction.Resume, null },
        { ProjectStatus.Closed, ProjectAction.Edit, null },
        { ProjectStatus.Closed, ProjectAction.Submit, null },
        { ProjectStatus.Closed, ProjectAction.Welcome, null },
        { ProjectStatus.Closed, ProjectAction.StartSupport, null },
        { ProjectStatus.Closed, ProjectAction.Close, null },
        { ProjectStatus.Closed, ProjectAction.Reopen, ProjectStatus.Welcomed },
        { ProjectStatus.Closed, ProjectAction.Qualify, null },
        { ProjectStatus.Closed, ProjectAction.Transfer, null },
        { ProjectStatus.Closed, ProjectAction.AssignReferent, null },
        { ProjectStatus.Closed, ProjectAction.Pause, null },
        { ProjectStatus.Closed, ProjectAction.Resume, null },
        { ProjectStatus.Paused, ProjectAction.Edit, null },
        { ProjectStatus.Paused, ProjectAction.Submit, null },
        { ProjectStatus.Paused, ProjectAction.Welcome, null },
        { ProjectStatus.Paused, ProjectAction.StartSupport, null },
        { ProjectStatus.Paused, ProjectAction.Close, ProjectStatus.Closed },
        { ProjectStatus.Paused, ProjectAction.Reopen, null },
        { ProjectStatus.Paused, ProjectAction.Qualify, ProjectStatus.Paused },
        { ProjectStatus.Paused, ProjectAction.Transfer, ProjectStatus.Paused },
        { ProjectStatus.Paused, ProjectAction.AssignReferent, ProjectStatus.Paused },
        { ProjectStatus.Paused, ProjectAction.Pause, null },
        { ProjectStatus.Paused, ProjectAction.Resume, ProjectStatus.Welcomed },
        { ProjectStatus.Draft, ProjectAction.AskPorteur, null },
        { ProjectStatus.Submitted, ProjectAction.AskPorteur, ProjectStatus.Submitted },
        { ProjectStatus.Welcomed, ProjectAction.AskPorteur, ProjectStatus.Welcomed },
        { ProjectStatus.InSupport, ProjectAction.AskPorteur, ProjectStatus.InSupport },
        { ProjectStatus.Closed, ProjectAction.AskPorteur, null },
        { ProjectStatus.Paused, ProjectAction.AskPorteur, ProjectStatus.Paused },
        { ProjectStatus.Draft, ProjectAction.AskForSharing, null },
        { ProjectStatus.Submitted, ProjectAction.AskForSharing, ProjectStatus.Submitted },
        { ProjectStatus.Welcomed, ProjectAction.AskForSharing, ProjectStatus.Welcomed },
        { ProjectStatus.InSupport, ProjectAction.AskForSharing, ProjectStatus.InSupport },
        { ProjectStatus.Closed, ProjectAction.AskForSharing, null },
        { ProjectStatus.Paused, ProjectAction.AskForSharing, ProjectStatus.Paused },
    };

    internal static void Apply(Project project, ProjectAction action)
    {
        var at = T0.AddDays(200);
        switch (action)
        {
            case ProjectAction.Edit: project.Edit(Complete("Nouveau nom"), Owner, at); break;
            case ProjectAction.Submit: project.Submit(Owner, Pole, true, at); break;
            case ProjectAction.Welcome: project.Welcome(Staff, at); break;
            case ProjectAction.StartSupport: project.EnterSupport(at); break;
            case ProjectAction.Close: project.Close(ProjectOutcome.Created, "Scic immatriculée", Staff, at, new CompanyCreation("scic", new DateOnly(2026, 9, 1), "732 829 320 00074", new DateOnly(2026, 10, 1))); break;
            case ProjectAction.Reopen: project.Reopen("Le collectif se reforme", Staff, at); break;
            case ProjectAction.Qualify: project.Qualify(ProjectStage.EtudeOpportunite, SupportNeeds.Formation | SupportNeeds.Financement, "culture", Staff, at); break;
            case ProjectAction.Transfer: project.Transfer(OtherPole, "Les porteurs ont déménagé", Staff, at); break;
            case ProjectAction.AssignReferent: project.AssignReferent(Staff, Staff, at); break;
            case ProjectAction.Pause: project.Pause("Pause demandée par les porteurs", Staff, at); break;
            case ProjectAction.Resume: project.Resume(Staff, at); break;
            case ProjectAction.AskPorteur: project.AskPorteur("Pouvez-vous préciser le budget ?", Staff, at); break;
            case ProjectAction.AskForSharing: project.AskForSharing(Guid.CreateVersion7(), Staff, at); break;
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }

    [Fact]
    public void Table_CoversEveryStatusAndAction() =>
        Assert.Equal(Enum.GetValues<ProjectStatus>().Length * Enum.GetValues<ProjectAction>().Length, Table().Count);

    [Theory]
    [MemberData(nameof(Table))]
    public void Action_FollowsTheTransitionTable(ProjectStatus from, ProjectAction action, ProjectStatus? expected)
    {
        var project = InStatus(from);
        var steps = project.Steps.Count;
        Assert.Equal(expected is not null, project.Can(action));

        if (expected is { } to)
        {
            Apply(project, action);
            Assert.Equal(to, project.Status);

            // StartSupport is applied through EnterSupport, which adds no step: the referral's ReferralStarted step, appended
            // by Referral.Start right after, tells the trajectory that support began; a request for consent is the journal's.
            var addsStep = action is not (ProjectAction.Edit or ProjectAction.Qualify or ProjectAction.AssignReferent or ProjectAction.StartSupport or ProjectAction.AskForSharing);
            Assert.Equal(addsStep ? steps + 1 : steps, project.Steps.Count);
        }
        else if (action == ProjectAction.StartSupport)
        {
            // EnterSupport is internal and called by Referral.Start on whatever project enters a programme: where the
            // table refuses StartSupport it does not throw (the referral's start must not fail because the project is
            // already in support, or paused) but leaves the project as it is.
            Apply(project, action);
            Assert.Equal(from, project.Status);
            Assert.Equal(steps, project.Steps.Count);
        }
        else
        {
            var error = Assert.Throws<DomainException>(() => Apply(project, action));
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
            Assert.Equal(from, project.Status);
            Assert.Equal(steps, project.Steps.Count);
        }
    }

    [Fact]
    public void Transfer_MovesThePoleClearsTheReferentAndRecordsWhy()
    {
        var project = InStatus(ProjectStatus.Welcomed);
        project.AssignReferent(Staff, Staff, T0.AddDays(4));

        project.Transfer(OtherPole, "Les porteurs ont déménagé à Rennes", Staff, T0.AddDays(6));

        Assert.Equal(OtherPole, project.PoleId);
        Assert.Null(project.ReferentId);
        var step = project.Steps[^1];
        Assert.Equal(TrajectoryStepKind.Transferred, step.Kind);
        Assert.Equal(OtherPole, step.PoleId);
        Assert.Equal("Les porteurs ont déménagé à Rennes", step.Reason);
        Assert.Throws<DomainException>(() => project.Transfer(OtherPole, "encore", Staff, T0.AddDays(7)));
        Assert.Throws<DomainException>(() => project.Transfer(Pole, " ", Staff, T0.AddDays(7)));
    }

    [Fact]
    public void Qualify_WithoutNeedsOrSector_IsRefused()
    {
        var project = InStatus(ProjectStatus.Welcomed);
        Assert.Throws<DomainException>(() => project.Qualify(ProjectStage.Idee, SupportNeeds.None, "commerce", Staff, T0));
        Assert.Throws<DomainException>(() => project.Qualify(ProjectStage.Idee, SupportNeeds.Formation, null, Staff, T0));
        Assert.Throws<DomainException>(() => project.Qualify((ProjectStage)77, SupportNeeds.Formation, "commerce", Staff, T0));
        Assert.Equal(SupportNeeds.Accompagnement, project.Needs);
    }

    [Fact]
    public void RecordMeeting_TheFirstOneWelcomesTheProject()
    {
        var project = InStatus(ProjectStatus.Submitted);
        var first = Meeting.Record(project, T0.AddDays(2), MeetingKind.FirstWelcome, "Premier échange", Staff, T0.AddDays(2));
        var second = Meeting.Record(project, T0.AddDays(9), MeetingKind.FollowUp, "Suite", Staff, T0.AddDays(9));

        Assert.Equal(ProjectStatus.Welcomed, project.Status);
        Assert.Equal(T0.AddDays(2), project.FirstContactAt);
        Assert.Equal(1, project.Steps.Count(s => s.Kind == TrajectoryStepKind.Welcomed));
        Assert.Equal(project.Id, first.ProjectId);
        Assert.Equal(MeetingKind.FollowUp, second.Kind);
        Assert.Throws<DomainException>(() => Meeting.Record(InStatus(ProjectStatus.Draft), T0, MeetingKind.FirstWelcome, "x", Staff, T0));
        Assert.Throws<DomainException>(() => Meeting.Record(project, T0.AddYears(3), MeetingKind.FollowUp, "x", Staff, T0));
        Assert.Throws<DomainException>(() => Meeting.Record(project, T0, MeetingKind.FollowUp, "", Staff, T0));
    }

    [Fact]
    public void Submit_RecordsTheFirstStepWithWhoWhenAndThePole()
    {
        var project = Project.CreateDraft(Guid.CreateVersion7(), Owner, Complete(), T0);
        project.Submit(Owner, Pole, true, T0.AddHours(2));

        var step = Assert.Single(project.Steps);
        Assert.Equal(TrajectoryStepKind.Submitted, step.Kind);
        Assert.Equal(Owner, step.ActorId);
        Assert.Equal(T0.AddHours(2), step.OccurredAt);
        Assert.Equal(Pole, step.PoleId);
        Assert.Equal(Pole, project.PoleId);
        Assert.Equal(T0.AddHours(2), project.SubmittedAt);
    }

    [Fact]
    public void Submit_AnIncompleteDraft_ListsWhatIsMissing()
    {
        var draft = Project.CreateDraft(Guid.CreateVersion7(), Owner, new ProjectDetails("Juste un nom", null, null, ProjectOrigin.PorteurIdea, null, null, null, null, SupportNeeds.None, null, null), T0);

        var error = Assert.Throws<DomainException>(() => draft.Submit(Owner, Pole, true, T0));

        Assert.Equal("Pour déposer le projet, il manque : la description de l'idée, le besoin social auquel elle répond, la commune, le nombre de personnes impliquées, le secteur d'activité, la forme juridique envisagée, le stade du projet, au moins un besoin.", error.Message);
        Assert.Equal(ProjectStatus.Draft, draft.Status);
        Assert.Empty(draft.Steps);
    }

    [Fact]
    public void Submit_WithoutConsent_IsRefused()
    {
        var draft = Project.CreateDraft(Guid.CreateVersion7(), Owner, Complete(), T0);
        Assert.Throws<DomainException>(() => draft.Submit(Owner, Pole, consentToProcessing: false, T0));
        Assert.Equal(ProjectStatus.Draft, draft.Status);
    }

    [Fact]
    public void Submit_ByAnOutsider_IsRefused()
    {
        var draft = Project.CreateDraft(Guid.CreateVersion7(), Owner, Complete(), T0);
        Assert.Throws<DomainException>(() => draft.Submit(Guid.CreateVersion7(), Pole, true, T0));
    }

    [Fact]
    public void Edit_ASubmittedProject_CannotChangeItsCommuneNorBecomeIncomplete()
    {
        var project = InStatus(ProjectStatus.Submitted);
        var moved = new ProjectDetails("Épicerie", "x", "y", ProjectOrigin.PorteurIdea, "commerce", "association", ProjectStage.Idee, "35238", SupportNeeds.Accompagnement, 3, null);
        var incomplete = new ProjectDetails("Épicerie", null, "y", ProjectOrigin.PorteurIdea, "commerce", "association", ProjectStage.Idee, "29233", SupportNeeds.Accompagnement, 3, null);

        Assert.Throws<DomainException>(() => project.Edit(moved, Owner, T0));
        Assert.Throws<DomainException>(() => project.Edit(incomplete, Owner, T0));
        Assert.Equal("29233", project.CommuneCode);
    }

    [Fact]
    public void Welcome_SetsTheFirstContactOnce()
    {
        var project = InStatus(ProjectStatus.Submitted);
        project.Welcome(Staff, T0.AddDays(5));
        project.Close(ProjectOutcome.Reoriented, "Vers la CCI", Staff, T0.AddDays(6));
        project.Reopen("Retour", Staff, T0.AddDays(30));

        Assert.Equal(T0.AddDays(5), project.FirstContactAt);
        Assert.Null(project.Outcome);
        Assert.Equal([TrajectoryStepKind.Submitted, TrajectoryStepKind.Welcomed, TrajectoryStepKind.Closed, TrajectoryStepKind.Reopened], project.Steps.Select(s => s.Kind));
    }

    [Theory]
    [InlineData("73282932000074", true)]
    [InlineData("732 829 320 00074", true)]
    [InlineData("35600000000001", true)]
    [InlineData("73282932000075", false)]
    [InlineData("7328293200007", false)]
    [InlineData("7328293200007A", false)]
    [InlineData("35600000000002", false)]
    public void Siret_IsCheckedByItsKey(string siret, bool valid)
    {
        if (valid)
        {
            Assert.Equal(14, Siret.Parse(siret).Length);

            // As written on the INSEE's notice, with its spaces, it fits the SIRET fields of the forms.
            Assert.InRange(siret.Length, Siret.Length, Siret.WrittenMaxLength);
        }
        else
        {
            Assert.Throws<DomainException>(() => Siret.Parse(siret));
        }
    }

    [Fact]
    public void Close_AsCreated_NeedsTheCompany()
    {
        var project = InStatus(ProjectStatus.InSupport);
        Assert.Throws<DomainException>(() => project.Close(ProjectOutcome.Created, "Créée", Staff, T0));
        Assert.Throws<DomainException>(() => new CompanyCreation(null, new DateOnly(2026, 1, 1), null, new DateOnly(2026, 2, 1)));
        Assert.Throws<DomainException>(() => new CompanyCreation("scop", null, null, new DateOnly(2026, 2, 1)));
        Assert.Throws<DomainException>(() => new CompanyCreation("scop", new DateOnly(2026, 3, 1), null, new DateOnly(2026, 2, 1)));
        Assert.Equal(ProjectStatus.InSupport, project.Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Close_WithoutAReason_IsRefused(string? reason)
    {
        var project = InStatus(ProjectStatus.Welcomed);
        Assert.Throws<DomainException>(() => project.Close(ProjectOutcome.Abandoned, reason, Staff, T0));
        Assert.Equal(ProjectStatus.Welcomed, project.Status);
    }

    [Fact]
    public void Close_RecordsOutcomeAndReason()
    {
        var project = InStatus(ProjectStatus.InSupport);
        project.Close(ProjectOutcome.Created, "Scic immatriculée", Staff, T0.AddDays(300), new CompanyCreation("scic", new DateOnly(2026, 9, 1), "73282932000074", new DateOnly(2026, 10, 1)));

        Assert.Equal(ProjectOutcome.Created, project.Outcome);
        Assert.Equal("scic", project.CompanyLegalFormCode);
        Assert.Equal(new DateOnly(2026, 9, 1), project.CompanyCreatedOn);
        Assert.Equal("73282932000074", project.Siret);
        var step = project.Steps[^1];
        Assert.Equal(TrajectoryStepKind.Closed, step.Kind);
        Assert.Equal("Created", step.Outcome);
        Assert.Equal("Scic immatriculée", step.Reason);
    }

    [Fact]
    public void CoPorteurs_JoinAndLeave_OnlyTheOwnerRemovesOthers()
    {
        var project = InStatus(ProjectStatus.Submitted);
        var anna = Guid.CreateVersion7();
        var yann = Guid.CreateVersion7();
        project.AddCoPorteur(anna, T0.AddDays(1));
        project.AddCoPorteur(yann, T0.AddDays(2));

        Assert.Throws<DomainException>(() => project.AddCoPorteur(anna, T0));
        Assert.Throws<DomainException>(() => project.RemoveCoPorteur(anna, yann, T0));
        Assert.Throws<DomainException>(() => project.Leave(Owner, T0));

        project.RemoveCoPorteur(Owner, yann, T0.AddDays(3));
        project.Leave(anna, T0.AddDays(4));
        Assert.Equal([Owner], project.Members.Select(m => m.UserId));
    }

    [Fact]
    public void ForgetMember_TheOwnerWithCoPorteurs_HandsTheProjectToTheEarliest()
    {
        var project = InStatus(ProjectStatus.Welcomed);
        var first = Guid.CreateVersion7();
        var second = Guid.CreateVersion7();
        project.AddCoPorteur(first, T0.AddDays(1));
        project.AddCoPorteur(second, T0.AddDays(2));

        project.ForgetMember(Owner, T0.AddDays(9));

        Assert.True(project.IsOwner(first));
        Assert.False(project.IsMember(Owner));
        Assert.Equal("Épicerie solidaire", project.Title);
        Assert.Null(project.AnonymisedAt);
    }

    [Fact]
    public void ForgetMember_TheLastPorteur_AnonymisesTheProjectButKeepsItsStatistics()
    {
        var project = InStatus(ProjectStatus.InSupport);
        project.ForgetMember(Owner, T0.AddDays(50));

        Assert.Empty(project.Members);
        Assert.Equal("Projet anonymisé", project.Title);
        Assert.Null(project.Summary);
        Assert.Null(project.SocialNeed);
        Assert.Equal(T0.AddDays(50), project.AnonymisedAt);
        Assert.Equal("commerce", project.SectorCode);
        Assert.Equal(ProjectStatus.InSupport, project.Status);
        Assert.Equal([TrajectoryStepKind.Submitted, TrajectoryStepKind.Welcomed], project.Steps.Select(s => s.Kind));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(501)]
    [InlineData(-3)]
    public void Details_WithAnImpossibleNumberOfPeople_AreRefused(int people) =>
        Assert.Throws<DomainException>(() => new ProjectDetails("Nom", null, null, ProjectOrigin.PorteurIdea, null, null, null, null, SupportNeeds.None, people, null));

    [Fact]
    public void Details_WithTooLongFieldsOrUnknownValues_AreRefused()
    {
        Assert.Throws<DomainException>(() => new ProjectDetails(new string('a', ProjectDetails.TitleMaxLength + 1), null, null, ProjectOrigin.PorteurIdea, null, null, null, null, SupportNeeds.None, null, null));
        Assert.Throws<DomainException>(() => new ProjectDetails("Nom", new string('a', ProjectDetails.SummaryMaxLength + 1), null, ProjectOrigin.PorteurIdea, null, null, null, null, SupportNeeds.None, null, null));
        Assert.Throws<DomainException>(() => new ProjectDetails("Nom", null, null, (ProjectOrigin)99, null, null, null, null, SupportNeeds.None, null, null));
        Assert.Throws<DomainException>(() => new ProjectDetails("Nom", null, null, ProjectOrigin.PorteurIdea, null, null, (ProjectStage)42, null, SupportNeeds.None, null, null));
        Assert.Throws<DomainException>(() => new ProjectDetails("Nom", null, null, ProjectOrigin.PorteurIdea, null, null, null, null, (SupportNeeds)64, null, null));
        Assert.Throws<DomainException>(() => new ProjectDetails(" ", null, null, ProjectOrigin.PorteurIdea, null, null, null, null, SupportNeeds.None, null, null));
    }
}

public sealed class ProjectInvitationTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Accept_AddsTheCoPorteurOnce()
    {
        var project = ProjectTests.InStatus(ProjectStatus.Submitted);
        var owner = project.Members[0].UserId;
        var (invitation, token) = ProjectInvitation.Create(project, " Anna@Exemple.test ", owner, T0);
        var anna = Guid.CreateVersion7();

        Assert.Equal("anna@exemple.test", invitation.Email);
        Assert.Equal(ProjectInvitation.Hash(token), invitation.TokenHash);
        Assert.NotEqual(token, invitation.TokenHash);

        invitation.Accept(project, anna, T0.AddDays(1));
        Assert.True(project.IsMember(anna));
        var again = Assert.Throws<DomainException>(() => invitation.Accept(project, Guid.CreateVersion7(), T0.AddDays(2)));
        Assert.Equal("Cette invitation a déjà été utilisée.", again.Message);
    }

    [Fact]
    public void Accept_AfterSevenDaysOrRevocation_IsRefused()
    {
        var project = ProjectTests.InStatus(ProjectStatus.Draft);
        var owner = project.Members[0].UserId;
        var (expired, _) = ProjectInvitation.Create(project, "a@exemple.test", owner, T0);
        var (revoked, _) = ProjectInvitation.Create(project, "b@exemple.test", owner, T0);
        revoked.Revoke(T0.AddHours(1));

        Assert.Throws<DomainException>(() => expired.Accept(project, Guid.CreateVersion7(), T0.AddDays(7)));
        Assert.Throws<DomainException>(() => revoked.Accept(project, Guid.CreateVersion7(), T0.AddHours(2)));
        Assert.Single(project.Members);
    }

    [Fact]
    public void Create_ByAnOutsiderOrOnAClosedProject_IsRefused()
    {
        var closed = ProjectTests.InStatus(ProjectStatus.Closed);
        Assert.Throws<DomainException>(() => ProjectInvitation.Create(closed, "a@exemple.test", closed.Members[0].UserId, T0));
        var open = ProjectTests.InStatus(ProjectStatus.Draft);
        Assert.Throws<DomainException>(() => ProjectInvitation.Create(open, "a@exemple.test", Guid.CreateVersion7(), T0));
    }
}
