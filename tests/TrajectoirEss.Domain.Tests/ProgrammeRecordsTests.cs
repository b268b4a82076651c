using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Referrals;
using TrajectoirEss.Domain.Structures;

namespace TrajectoirEss.Domain.Tests;

public sealed class ProgrammeRecordsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 9, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 10, 1);
    private static readonly Guid Staff = Guid.CreateVersion7();
    private static readonly Structure Tag = new(Guid.CreateVersion7(), "tag29", "TAg29", StructureKind.TagBzh, "29", null);
    private static readonly Structure Fab = new(Guid.CreateVersion7(), "fab", "France Active Bretagne", StructureKind.FranceActive, null, null);
    private static readonly Structure Kejal = new(Guid.CreateVersion7(), "kejal", "Scic Kejal", StructureKind.Kejal, null, null);

    private static Programme Of(ProgrammeType type) => type switch
    {
        ProgrammeType.CapCreationEss or ProgrammeType.FondsDeConfiance => Programme.Create(Guid.CreateVersion7(), type.ToString(), type.Label(), type, SupportCategory.Financement, Fab, null),
        ProgrammeType.Creopss => Programme.Create(Guid.CreateVersion7(), "creopss", "Creopss", type, SupportCategory.Formation, Kejal, null),
        _ => Programme.Create(Guid.CreateVersion7(), type.ToString(), type.Label(), type, SupportCategory.Accompagnement, Tag, null),
    };

    private static (Project Project, Referral Referral) Accepted(Programme programme)
    {
        var project = ProjectTests.InStatus(ProjectStatus.Welcomed);
        var referral = Referral.Create(ProjectTests.Sharing(project, programme), programme, [], project.PoleId!.Value, Staff, null, T0);
        referral.Accept(project, Staff, T0);
        return (project, referral);
    }

    private static Session SessionOf(Programme programme, int capacity) =>
        Session.Create(Guid.CreateVersion7(), programme, "Session", new DateOnly(2027, 1, 10), new DateOnly(2027, 3, 10), "Quimper", capacity, programme.Type == ProgrammeType.Incubateur ? new DateOnly(2026, 12, 15) : null, Staff, T0);

    [Theory]
    [InlineData("", "2027-01-01", "2027-02-01", 5, "Le nom de la session est obligatoire.")]
    [InlineData("S", "2027-02-01", "2027-01-01", 5, "La date de fin doit suivre la date de début.")]
    [InlineData("S", "2027-01-01", "2027-02-01", 0, "La capacité doit être comprise entre 1 et 500 places.")]
    [InlineData("S", "2027-01-01", "2027-02-01", 501, "La capacité doit être comprise entre 1 et 500 places.")]
    public void Session_WithBadValues_IsRefused(string name, string start, string end, int capacity, string message)
    {
        var error = Assert.Throws<DomainException>(() => Session.Create(Guid.CreateVersion7(), Of(ProgrammeType.Ideateur), name, DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), null, capacity, null, Staff, T0));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Session_CapacityCannotGoBelowThePlacesTaken_AndMovesOpenRunningFinished()
    {
        var session = SessionOf(Of(ProgrammeType.Ideateur), 5);
        Assert.Throws<DomainException>(() => session.Update("S", session.StartsOn, session.EndsOn, null, 2, null, placesTaken: 3, Staff, T0));
        session.Update("S", session.StartsOn, session.EndsOn, null, 3, null, placesTaken: 3, Staff, T0);
        session.Start(Staff, T0);
        Assert.Throws<DomainException>(() => session.Start(Staff, T0));
        session.Finish(Staff, T0);
        Assert.Equal(SessionStatus.Finished, session.Status);
        Assert.Throws<DomainException>(() => session.Finish(Staff, T0));
    }

    [Fact]
    public void Enrol_RespectsCapacityAcceptedReferralAndProgramme()
    {
        var ideateur = Of(ProgrammeType.Ideateur);
        var session = SessionOf(ideateur, 1);
        var enrolments = new List<Enrolment>();
        var (project, referral) = Accepted(ideateur);
        var (other, otherReferral) = Accepted(ideateur);
        var (elsewhere, elsewhereReferral) = Accepted(Of(ProgrammeType.Incubateur));

        enrolments.Add(new SessionRoster(session, enrolments).Enrol(project, referral, 2, Staff, T0));
        Assert.Equal(ReferralStatus.InProgress, referral.Status);
        Assert.Equal(ProjectStatus.InSupport, project.Status);

        var roster = new SessionRoster(session, enrolments);
        Assert.Contains("complète", Assert.Throws<DomainException>(() => roster.Enrol(other, otherReferral, 1, Staff, T0)).Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => roster.Enrol(elsewhere, elsewhereReferral, 1, Staff, T0));
        Assert.Throws<DomainException>(() => roster.Apply(other, otherReferral, 1, Staff, T0));
    }

    [Fact]
    public void Jury_SelectsWithinCapacity_WaitingListMovesUpWhenSomeoneLeaves()
    {
        var incubateur = Of(ProgrammeType.Incubateur);
        var session = SessionOf(incubateur, 1);
        var enrolments = new List<Enrolment>();
        var (a, ra) = Accepted(incubateur);
        var (b, rb) = Accepted(incubateur);
        var (c, rc) = Accepted(incubateur);
        var roster = new SessionRoster(session, enrolments);
        var ea = roster.Apply(a, ra, 1, Staff, T0);
        var eb = roster.Apply(b, rb, 1, Staff, T0);
        var ec = roster.Apply(c, rc, 1, Staff, T0);
        enrolments.AddRange([ea, eb, ec]);

        roster.Select(ea, a, ra, Staff, T0);
        Assert.Throws<DomainException>(() => roster.Select(eb, b, rb, Staff, T0));
        roster.PutOnWaitingList(eb, b, rb, Staff, T0);
        roster.Reject(ec, c, rc, "Projet pas assez collectif", Staff, T0);
        Assert.Equal(1, eb.WaitingRank);
        Assert.Equal(ReferralStatus.Abandoned, rc.Status);

        Assert.Same(eb, roster.NextOnWaitingList);
        roster.Leave(ea, a, ra, "Départ d'un associé", Staff, T0.AddDays(30), (b, rb));
        Assert.Equal(EnrolmentStatus.Enrolled, eb.Status);
        Assert.Equal(1, roster.PlacesTaken);
    }

    [Fact]
    public void Jury_ReasonAsLongAsTheFormTakes_AlsoFitsTheReferralsReason()
    {
        var incubateur = Of(ProgrammeType.Incubateur);
        var enrolments = new List<Enrolment>();
        var (project, referral) = Accepted(incubateur);
        var roster = new SessionRoster(SessionOf(incubateur, 1), enrolments);
        var enrolment = roster.Apply(project, referral, 1, Staff, T0);
        enrolments.Add(enrolment); // the roster keeps its own list; the store is this test's
        var longest = new string('x', SessionRoster.JuryReasonMaxLength);

        var error = Assert.Throws<DomainException>(() => roster.Reject(enrolment, project, referral, longest + "x", Staff, T0));
        Assert.Equal($"Le motif ne doit pas dépasser {SessionRoster.JuryReasonMaxLength} caractères.", error.Message);
        roster.Reject(enrolment, project, referral, longest, Staff, T0);

        Assert.Equal(EnrolmentStatus.NotSelected, enrolment.Status);
        Assert.Equal(longest, enrolment.DecisionReason);
        Assert.Equal(ReferralStatus.Abandoned, referral.Status);
        Assert.Equal(SessionRoster.NotSelectedPrefix + longest, referral.Reason);
        Assert.InRange(referral.Reason!.Length, 1, Referral.ReasonMaxLength);
    }

    public static TheoryData<ProgrammeType, EnrolmentOutcome, bool> Outcomes() => new()
    {
        { ProgrammeType.Ideateur, EnrolmentOutcome.Go, true },
        { ProgrammeType.Ideateur, EnrolmentOutcome.NoGo, true },
        { ProgrammeType.Ideateur, EnrolmentOutcome.CompanyCreated, false },
        { ProgrammeType.Revelateur, EnrolmentOutcome.StudyPositive, true },
        { ProgrammeType.Revelateur, EnrolmentOutcome.Go, false },
        { ProgrammeType.Incubateur, EnrolmentOutcome.CompanyCreated, true },
        { ProgrammeType.Incubateur, EnrolmentOutcome.Left, true },
        { ProgrammeType.Incubateur, EnrolmentOutcome.Certified, false },
        { ProgrammeType.Creopss, EnrolmentOutcome.Completed, true },
        { ProgrammeType.Creopss, EnrolmentOutcome.Certified, true },
        { ProgrammeType.Creopss, EnrolmentOutcome.Left, true },
        { ProgrammeType.Creopss, EnrolmentOutcome.Go, false },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void Complete_AcceptsOnlyTheProgrammesOutcomes(ProgrammeType type, EnrolmentOutcome outcome, bool allowed)
    {
        var programme = Of(type);
        var session = SessionOf(programme, 10);
        var enrolments = new List<Enrolment>();
        var (project, referral) = Accepted(programme);
        var roster = new SessionRoster(session, enrolments);
        var enrolment = session.IsSelective ? roster.Apply(project, referral, 1, Staff, T0) : roster.Enrol(project, referral, 1, Staff, T0);
        enrolments.Add(enrolment);
        if (session.IsSelective)
        {
            roster.Select(enrolment, project, referral, Staff, T0);
        }

        var company = new CompanyCreation("scic", new DateOnly(2026, 9, 1), null, Today);
        void Act() => roster.Complete(enrolment, project, referral, outcome, "Note d'intention / conclusion", company, 2, Staff, T0.AddDays(60));
        if (allowed)
        {
            Act();
            Assert.Equal(outcome, enrolment.Outcome);
            Assert.Equal(outcome == EnrolmentOutcome.Left ? ReferralStatus.Abandoned : ReferralStatus.Completed, referral.Status);
        }
        else
        {
            Assert.Throws<DomainException>(Act);
            Assert.Equal(EnrolmentStatus.Enrolled, enrolment.Status);
        }
    }

    [Theory]
    [InlineData(FinancingInstrument.CapCreationEss, 1999.99, null, false)]
    [InlineData(FinancingInstrument.CapCreationEss, 2000, null, true)]
    [InlineData(FinancingInstrument.CapCreationEss, 20000, null, true)]
    [InlineData(FinancingInstrument.CapCreationEss, 20000.01, null, false)]
    [InlineData(FinancingInstrument.FondsDeConfiance, 6000, 10000.0, true)]
    [InlineData(FinancingInstrument.FondsDeConfiance, 4999, 10000.0, false)]
    [InlineData(FinancingInstrument.FondsDeConfiance, 7001, 10000.0, false)]
    [InlineData(FinancingInstrument.FondsDeConfiance, 6000, null, false)]
    [InlineData(FinancingInstrument.FondsDeConfiance, 21000, 30000.0, false)]
    [InlineData(FinancingInstrument.Loan, 50000, null, true)]
    [InlineData(FinancingInstrument.Loan, -1, null, false)]
    [InlineData(FinancingInstrument.Loan, 10.001, null, false)]
    public void Financing_BoundsOfEachInstrument(FinancingInstrument instrument, double requested, double? studyCost, bool valid)
    {
        var programme = Of(instrument == FinancingInstrument.FondsDeConfiance ? ProgrammeType.FondsDeConfiance : ProgrammeType.CapCreationEss);
        var (project, referral) = Accepted(programme);
        FinancingApplication Act() => FinancingApplication.Create(project, referral, programme, [], instrument, (decimal)requested, studyCost is null ? null : (decimal)studyCost, "Étude de faisabilité", null, FinancingRules.Default, Staff, T0);
        if (valid)
        {
            Assert.Equal((decimal)requested, Act().AmountRequested);
        }
        else
        {
            Assert.Throws<DomainException>(() => Act());
        }
    }

    [Fact]
    public void Financing_GrantRefuseOnceAndPaymentsStayWithinTheGrant()
    {
        var programme = Of(ProgrammeType.CapCreationEss);
        var (project, referral) = Accepted(programme);
        var application = FinancingApplication.Create(project, referral, programme, [], FinancingInstrument.CapCreationEss, 10000m, null, "Étude", null, FinancingRules.Default, Staff, T0);
        Assert.Throws<DomainException>(() => application.AddPayment(Today, 100m, Today, Staff, T0));

        application.Grant(project, programme, 8000m, Today, Staff, FinancingRules.Default, T0);
        Assert.Throws<DomainException>(() => application.Refuse(project, "Trop tard", null, Staff, T0));
        application.AddPayment(Today, 5000m, Today, Staff, T0);
        Assert.Throws<DomainException>(() => application.AddPayment(Today, 3000.01m, Today, Staff, T0));
        Assert.Throws<DomainException>(() => application.AddPayment(Today.AddDays(1), 10m, Today, Staff, T0));
        application.AddPayment(Today, 3000m, Today, Staff, T0);

        Assert.Equal(8000m, application.Paid);
        Assert.Equal(TrajectoryStepKind.FinancingGranted, project.Steps[^1].Kind);
        Assert.Equal("8 000,00 €", project.Steps[^1].Outcome?.Replace('\u202f', ' ').Replace('\u00a0', ' '));
    }

    [Fact]
    public void TerritoryNeed_ConcludesThenIsHandedOverOnce()
    {
        var revelateur = Of(ProgrammeType.Revelateur);
        Assert.Throws<DomainException>(() => TerritoryNeed.Raise(Of(ProgrammeType.Ideateur), "Besoin", "x", "Commune", Today, "29135", Today, Staff, T0));
        var need = TerritoryNeed.Raise(revelateur, "Épicerie du bourg", "Plus de commerce", "Commune de Locronan", new DateOnly(2026, 2, 1), "29135", Today, Staff, T0);
        Assert.Throws<DomainException>(() => need.HandOverToNewProject(Guid.CreateVersion7(), Staff, T0));
        Assert.Throws<DomainException>(() => need.Conclude(true, "x", new DateOnly(2026, 1, 1), Today, Staff, T0));

        need.Conclude(true, "Marché confirmé", new DateOnly(2026, 6, 30), Today, Staff, T0);
        var porteur = Guid.CreateVersion7();
        var project = need.HandOverToNewProject(porteur, Staff, T0);

        Assert.Equal(TerritoryNeedStatus.HandedOver, need.Status);
        Assert.Equal(project.Id, need.ProjectId);
        Assert.True(project.IsOwner(porteur));
        Assert.Equal(ProjectOrigin.TerritoryNeed, project.Origin);
        Assert.Equal([TrajectoryStepKind.TerritoryNeedRaised, TrajectoryStepKind.OpportunityStudyConcluded, TrajectoryStepKind.HandedOverToPorteur], project.Steps.Select(s => s.Kind));
        Assert.Throws<DomainException>(() => need.HandOverToNewProject(porteur, Staff, T0));
    }
}
