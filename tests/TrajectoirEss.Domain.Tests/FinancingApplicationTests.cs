using System.Globalization;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Referrals;
using static TrajectoirEss.Domain.Tests.Fixtures;

namespace TrajectoirEss.Domain.Tests;

/// <summary>
/// Financing applications: only under a financing programme (by type), one pending per instrument and referral,
/// the accepted referral started, the bounds of the programme or of the settings, and their events.
/// </summary>
public sealed class FinancingApplicationTests
{
    private static FinancingApplication Apply(Project project, Referral referral, Programme programme, IEnumerable<FinancingApplication> applications, FinancingInstrument? instrument = FinancingInstrument.CapCreationEss, decimal amount = 10_000m, decimal? studyCost = null) =>
        FinancingApplication.Create(project, referral, programme, applications, instrument, amount, studyCost, "Étude de faisabilité", null, FinancingRules.Default, Staff, T0.AddDays(1));

    private static decimal? Amount(string? value) => value is null ? null : decimal.Parse(value, CultureInfo.InvariantCulture);

    /// <summary>Asserts a refused application changed nothing: the referral still accepted, the project still welcomed, no step.</summary>
    private static void AssertRefusedAndUnchanged(Action act, Project project, Referral referral, string? message = null)
    {
        var steps = project.Steps.Count;
        var status = referral.Status;

        var error = Assert.Throws<DomainException>(act);

        if (message is not null)
        {
            Assert.Equal(message, error.Message);
        }

        Assert.Equal(status, referral.Status);
        Assert.Equal(ProjectStatus.Welcomed, project.Status);
        Assert.Equal(steps, project.Steps.Count);
        Assert.Empty(referral.DomainEvents);
    }

    public static TheoryData<ProgrammeType> NotFinancing() =>
        [ProgrammeType.Ideateur, ProgrammeType.Revelateur, ProgrammeType.Incubateur, ProgrammeType.Creopss, ProgrammeType.CaeHosting, ProgrammeType.ScopScicSupport];

    [Theory]
    [InlineData(ProgrammeType.CapCreationEss, true)]
    [InlineData(ProgrammeType.FondsDeConfiance, true)]
    [InlineData(ProgrammeType.Ideateur, false)]
    [InlineData(ProgrammeType.Revelateur, false)]
    [InlineData(ProgrammeType.Incubateur, false)]
    [InlineData(ProgrammeType.Creopss, false)]
    [InlineData(ProgrammeType.CaeHosting, false)]
    [InlineData(ProgrammeType.ScopScicSupport, false)]
    public void IsFinancing_IsDecidedByTheProgrammesType(ProgrammeType type, bool financing)
    {
        Assert.Equal(financing, type.IsFinancing());
        foreach (var category in Enum.GetValues<SupportCategory>())
        {
            Assert.Equal(financing, ProgrammeOf(type, category).IsFinancing);
        }
    }

    [Theory]
    [MemberData(nameof(NotFinancing))]
    public void Create_UnderANonFinancingProgrammeType_IsRefused_EvenWithTheFinancementCategory(ProgrammeType type)
    {
        var programme = ProgrammeOf(type, SupportCategory.Financement);
        var (project, referral) = Accepted(programme);

        AssertRefusedAndUnchanged(
            () => Apply(project, referral, programme, []),
            project,
            referral,
            "Ce programme n'est pas un financement : une demande de financement se fait dans le cadre d'une orientation vers un programme de financement.");
        Assert.Equal(ReferralStatus.Accepted, referral.Status);
    }

    [Theory]
    [InlineData(SupportCategory.Formation)]
    [InlineData(SupportCategory.Accompagnement)]
    [InlineData(SupportCategory.Financement)]
    public void Create_UnderACapCreationEssProgramme_IsAcceptedWhateverItsCategory(SupportCategory category)
    {
        var programme = ProgrammeOf(ProgrammeType.CapCreationEss, category);
        var (project, referral) = Accepted(programme);

        var application = Apply(project, referral, programme, []);

        Assert.Equal((FinancingDecision.Pending, 10_000m, programme.Id, referral.Id, project.Id), (application.Decision, application.AmountRequested, application.ProgrammeId, application.ReferralId, application.ProjectId));
        Assert.Equal(programme.StructureId, application.StructureId);
    }

    [Fact]
    public void Create_UnderAnotherProgrammeThanTheReferrals_IsRefused()
    {
        var programme = ProgrammeOf(ProgrammeType.CapCreationEss);
        var (project, referral) = Accepted(programme);

        AssertRefusedAndUnchanged(() => Apply(project, referral, ProgrammeOf(ProgrammeType.CapCreationEss), []), project, referral);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(99)]
    public void Create_WithoutAKnownInstrument_IsRefused(int? instrument)
    {
        var programme = ProgrammeOf(ProgrammeType.CapCreationEss);
        var (project, referral) = Accepted(programme);

        AssertRefusedAndUnchanged(() => Apply(project, referral, programme, [], (FinancingInstrument?)instrument), project, referral, "Choisissez l'instrument financier.");
    }

    [Theory]
    [InlineData(ReferralStatus.Proposed)]
    [InlineData(ReferralStatus.InformationRequested)]
    [InlineData(ReferralStatus.Declined)]
    [InlineData(ReferralStatus.Withdrawn)]
    public void Create_WithAReferralNotAccepted_IsRefused(ReferralStatus status)
    {
        var programme = ProgrammeOf(ProgrammeType.CapCreationEss);
        var (project, referral) = Referred(programme);
        switch (status)
        {
            case ReferralStatus.InformationRequested: referral.RequestInformation(project, Staff, "Quel budget ?", T0); break;
            case ReferralStatus.Declined: referral.Decline(project, Staff, "hors-cible", "Hors cible", T0); break;
            case ReferralStatus.Withdrawn: referral.Withdraw(project, Staff, "Erreur", T0); break;
        }

        referral.DiscardDomainEvents();

        AssertRefusedAndUnchanged(() => Apply(project, referral, programme, []), project, referral, "Le projet doit avoir été orienté vers vous et l'orientation acceptée.");
    }

    [Fact]
    public void Create_WithAnAcceptedReferral_StartsIt_AndRaisesFinancingApplied()
    {
        var programme = ProgrammeOf(ProgrammeType.FondsDeConfiance);
        var (project, referral) = Accepted(programme);
        var steps = project.Steps.Count;

        var application = Apply(project, referral, programme, [], FinancingInstrument.FondsDeConfiance, 6_000m, 10_000m);

        Assert.Equal(ReferralStatus.InProgress, referral.Status);
        Assert.Equal(ProjectStatus.InSupport, project.Status);
        Assert.Equal(steps + 1, project.Steps.Count);
        Assert.Equal((TrajectoryStepKind.ReferralStarted, programme.Id, Staff), (project.Steps[^1].Kind, project.Steps[^1].ProgrammeId, project.Steps[^1].ActorId));
        var applied = Assert.IsType<FinancingApplied>(Assert.Single(application.DomainEvents));
        Assert.Equal((application, project, Staff, T0.AddDays(1)), (applied.Application, applied.Project, applied.ActorId, applied.OccurredAt));
        Assert.Empty(referral.DomainEvents);
        Assert.Empty(project.DomainEvents);
    }

    [Fact]
    public void Create_WithAReferralInProgress_LeavesItAsItIs()
    {
        var programme = ProgrammeOf(ProgrammeType.CapCreationEss);
        var (project, referral) = Accepted(programme);
        var first = Apply(project, referral, programme, []);
        var steps = project.Steps.Count;

        Apply(project, referral, programme, [first], FinancingInstrument.Loan, 50_000m);

        Assert.Equal(ReferralStatus.InProgress, referral.Status);
        Assert.Equal(steps, project.Steps.Count);
    }

    [Fact]
    public void Create_WhileAnApplicationForTheSameInstrumentAndReferralIsPending_IsRefused()
    {
        var programme = ProgrammeOf(ProgrammeType.CapCreationEss);
        var (project, referral) = Accepted(programme);
        var first = Apply(project, referral, programme, []);
        var steps = project.Steps.Count;

        var error = Assert.Throws<DomainException>(() => Apply(project, referral, programme, [first], amount: 12_000m));

        Assert.Contains("attend déjà la décision du comité", error.Message, StringComparison.Ordinal);
        Assert.Equal(steps, project.Steps.Count);
    }

    [Theory]
    [InlineData(FinancingDecision.Granted)]
    [InlineData(FinancingDecision.Refused)]
    public void Create_OnceTheApplicationForTheSameInstrumentIsDecided_IsAccepted(FinancingDecision decision)
    {
        var programme = ProgrammeOf(ProgrammeType.CapCreationEss);
        var (project, referral) = Accepted(programme);
        var first = Apply(project, referral, programme, []);
        if (decision == FinancingDecision.Granted)
        {
            first.Grant(project, programme, 8_000m, Today, Staff, FinancingRules.Default, T0.AddDays(20));
        }
        else
        {
            first.Refuse(project, "Budget insuffisant", Today, Staff, T0.AddDays(20));
        }

        var second = Apply(project, referral, programme, [first], amount: 12_000m);

        Assert.Equal(FinancingDecision.Pending, second.Decision);
        Assert.Equal(first.Instrument, second.Instrument);
    }

    [Fact]
    public void Create_ForAnotherInstrument_OrBesideAnotherReferralsApplication_IsAccepted()
    {
        var programme = ProgrammeOf(ProgrammeType.CapCreationEss);
        var (project, referral) = Accepted(programme);
        var (other, otherReferral) = Accepted(programme);
        var first = Apply(project, referral, programme, []);
        var elsewhere = Apply(other, otherReferral, programme, []);

        var loan = Apply(project, referral, programme, [first, elsewhere], FinancingInstrument.Loan, 50_000m);
        var again = Apply(other, otherReferral, programme, [first], FinancingInstrument.CapCreationEss);

        Assert.Equal(FinancingInstrument.Loan, loan.Instrument);
        Assert.Equal(FinancingDecision.Pending, again.Decision);
    }

    [Theory]
    [InlineData(null, null, "1999.99", false)]
    [InlineData(null, null, "2000", true)]
    [InlineData(null, null, "20000", true)]
    [InlineData(null, null, "20000.01", false)]
    [InlineData("5000", "8000", "4999.99", false)]
    [InlineData("5000", "8000", "5000", true)]
    [InlineData("5000", "8000", "8000", true)]
    [InlineData("5000", "8000", "8000.01", false)]
    [InlineData("5000", "8000", "2000", false)]
    [InlineData("5000", "8000", "15000", false)]
    [InlineData("5000", null, "4999.99", false)]
    [InlineData("5000", null, "20000", true)]
    [InlineData("5000", null, "20000.01", false)]
    [InlineData(null, "30000", "1999.99", false)]
    [InlineData(null, "30000", "30000", true)]
    [InlineData(null, "30000", "30000.01", false)]
    public void Create_CapCreationEss_TakesTheProgrammesBoundsWhenSet_TheRulesOtherwise(string? min, string? max, string amount, bool valid)
    {
        var programme = ProgrammeOf(ProgrammeType.CapCreationEss);
        programme.SetTerms(new ProgrammeTerms(MinAmount: Amount(min), MaxAmount: Amount(max)));
        var (project, referral) = Accepted(programme);

        if (valid)
        {
            Assert.Equal(Amount(amount), Apply(project, referral, programme, [], amount: Amount(amount)!.Value).AmountRequested);
        }
        else
        {
            var error = Assert.Throws<DomainException>(() => Apply(project, referral, programme, [], amount: Amount(amount)!.Value));
            Assert.StartsWith("Cap création ESS finance de ", error.Message, StringComparison.Ordinal);
            Assert.Equal(ReferralStatus.Accepted, referral.Status);
        }
    }

    [Theory]
    [InlineData(null, null, "6000", "10000", true)]
    [InlineData(null, null, "5000", "10000", true)]
    [InlineData(null, null, "7000", "10000", true)]
    [InlineData(null, null, "4999", "10000", false)]
    [InlineData(null, null, "7001", "10000", false)]
    [InlineData(null, null, "6000", null, false)]
    [InlineData(null, null, "21000", "30000", false)]
    [InlineData(null, "25000", "24000", "40000", true)]
    [InlineData(null, "25000", "25000.01", "40000", false)]
    [InlineData(null, "25000", "24000", "30000", false)]
    [InlineData("3000", null, "2500", "5000", false)]
    [InlineData("3000", null, "3000", "5000", true)]
    public void Create_FondsDeConfiance_TakesTheProgrammesAmounts_AndTheRulesShareOfTheStudysCost(string? min, string? max, string amount, string? cost, bool valid)
    {
        var programme = ProgrammeOf(ProgrammeType.FondsDeConfiance);
        programme.SetTerms(new ProgrammeTerms(MinAmount: Amount(min), MaxAmount: Amount(max)));
        var (project, referral) = Accepted(programme);

        FinancingApplication Act() => Apply(project, referral, programme, [], FinancingInstrument.FondsDeConfiance, Amount(amount)!.Value, Amount(cost));
        if (valid)
        {
            Assert.Equal(Amount(cost), Act().StudyCost);
        }
        else
        {
            Assert.Throws<DomainException>(Act);
        }
    }

    [Theory]
    [InlineData(FinancingInstrument.FondsDeConfiance, "10000", "16000", true)]
    [InlineData(FinancingInstrument.Loan, "50000", null, true)]
    [InlineData(FinancingInstrument.Guarantee, "5000000.01", null, false)]
    public void Create_UnderACapCreationEssProgramme_ItsBoundsHoldOnlyForItsOwnInstrument(FinancingInstrument instrument, string amount, string? cost, bool valid)
    {
        var programme = ProgrammeOf(ProgrammeType.CapCreationEss);
        programme.SetTerms(new ProgrammeTerms(MinAmount: 5_000m, MaxAmount: 8_000m));
        var (project, referral) = Accepted(programme);

        FinancingApplication Act() => Apply(project, referral, programme, [], instrument, Amount(amount)!.Value, Amount(cost));
        if (valid)
        {
            Assert.Equal(instrument, Act().Instrument);
        }
        else
        {
            Assert.Throws<DomainException>(Act);
        }
    }

    [Fact]
    public void BoundsFor_SaysTheAmountsInForce()
    {
        var cap = ProgrammeOf(ProgrammeType.CapCreationEss);
        var fonds = ProgrammeOf(ProgrammeType.FondsDeConfiance);
        fonds.SetTerms(new ProgrammeTerms(MinAmount: 1_000m, MaxAmount: 15_000m));
        var rules = FinancingRules.Default;

        Assert.Equal(new FinancingBounds(2_000m, 20_000m, null, null), rules.BoundsFor(FinancingInstrument.CapCreationEss, cap));
        Assert.Equal(new FinancingBounds(0m, 20_000m, 0.50m, 0.70m), rules.BoundsFor(FinancingInstrument.FondsDeConfiance, cap));
        Assert.Equal(new FinancingBounds(1_000m, 15_000m, 0.50m, 0.70m), rules.BoundsFor(FinancingInstrument.FondsDeConfiance, fonds));
        Assert.Equal(new FinancingBounds(2_000m, 20_000m, null, null), rules.BoundsFor(FinancingInstrument.CapCreationEss, fonds));
        Assert.Equal(new FinancingBounds(0m, 5_000_000m, null, null), rules.BoundsFor(FinancingInstrument.Loan, fonds));
    }

    [Fact]
    public void Grant_TakesTheProgrammesBounds_AndRaisesFinancingDecided()
    {
        var programme = ProgrammeOf(ProgrammeType.CapCreationEss);
        var (project, referral) = Accepted(programme);
        var application = Apply(project, referral, programme, []);
        application.DiscardDomainEvents();
        programme.SetTerms(new ProgrammeTerms(MinAmount: 5_000m, MaxAmount: 8_000m));
        var steps = project.Steps.Count;

        Assert.Throws<DomainException>(() => application.Grant(project, programme, 9_000m, Today, Staff, FinancingRules.Default, T0.AddDays(20)));
        Assert.Empty(application.DomainEvents);
        Assert.Equal((FinancingDecision.Pending, steps), (application.Decision, project.Steps.Count));

        application.Grant(project, programme, 8_000m, Today, Staff, FinancingRules.Default, T0.AddDays(21));

        var decided = Assert.IsType<FinancingDecided>(Assert.Single(application.DomainEvents));
        Assert.Equal((application, project, Staff, T0.AddDays(21)), (decided.Application, decided.Project, decided.ActorId, decided.OccurredAt));
        Assert.Equal((FinancingDecision.Granted, 8_000m, Today), (application.Decision, application.AmountGranted, application.CommitteeOn));
        Assert.Equal((TrajectoryStepKind.FinancingGranted, programme.Id), (project.Steps[^1].Kind, project.Steps[^1].ProgrammeId));
    }

    [Fact]
    public void Grant_UnderAnotherProgramme_IsAnError()
    {
        var programme = ProgrammeOf(ProgrammeType.CapCreationEss);
        var (project, referral) = Accepted(programme);
        var application = Apply(project, referral, programme, []);

        Assert.Throws<InvalidOperationException>(() => application.Grant(project, ProgrammeOf(ProgrammeType.CapCreationEss), 8_000m, Today, Staff, FinancingRules.Default, T0));
        Assert.Equal(FinancingDecision.Pending, application.Decision);
    }

    [Fact]
    public void Refuse_RaisesFinancingDecided_AndRecordsWhy()
    {
        var programme = ProgrammeOf(ProgrammeType.CapCreationEss);
        var (project, referral) = Accepted(programme);
        var application = Apply(project, referral, programme, []);
        application.DiscardDomainEvents();

        Assert.Throws<DomainException>(() => application.Refuse(project, " ", Today, Staff, T0.AddDays(20)));
        Assert.Empty(application.DomainEvents);
        application.Refuse(project, "Budget insuffisant", Today, Staff, T0.AddDays(21));
        Assert.Throws<DomainException>(() => application.Grant(project, programme, 8_000m, Today, Staff, FinancingRules.Default, T0.AddDays(22)));

        var decided = Assert.IsType<FinancingDecided>(Assert.Single(application.DomainEvents));
        Assert.Equal(FinancingDecision.Refused, decided.Application.Decision);
        Assert.Equal((Staff, T0.AddDays(21)), (decided.ActorId, decided.OccurredAt));
        Assert.Equal((TrajectoryStepKind.FinancingRefused, "Budget insuffisant"), (project.Steps[^1].Kind, project.Steps[^1].Reason));
    }

    [Fact]
    public void AddPayment_RaisesFinancingPaymentRecordedWithThePayment_AndNothingWhenRefused()
    {
        var programme = ProgrammeOf(ProgrammeType.CapCreationEss);
        var (project, referral) = Accepted(programme);
        var application = Apply(project, referral, programme, []);
        application.Grant(project, programme, 8_000m, Today, Staff, FinancingRules.Default, T0.AddDays(20));
        application.DiscardDomainEvents();

        application.AddPayment(Today, 5_000m, Today, Staff, T0.AddDays(30));
        Assert.Throws<DomainException>(() => application.AddPayment(Today, 3_000.01m, Today, Staff, T0.AddDays(31)));

        var recorded = Assert.IsType<FinancingPaymentRecorded>(Assert.Single(application.DomainEvents));
        Assert.Same(application, recorded.Application);
        Assert.Same(Assert.Single(application.Payments), recorded.Payment);
        Assert.Equal((Today, 5_000m), (recorded.Payment.PaidOn, recorded.Payment.Amount));
        Assert.Equal((Staff, T0.AddDays(30)), (recorded.ActorId, recorded.OccurredAt));
    }

    [Fact]
    public void Create_ForAClosedProject_IsRefused()
    {
        // A closed project's trajectory takes no financing decision (Project.TrajectoryCanTake): an application
        // recorded for it could never be granted nor refused, and would stay pending for ever.
        var programme = ProgrammeOf(ProgrammeType.CapCreationEss);
        var (project, referral) = Accepted(programme);
        var first = Apply(project, referral, programme, []);
        first.Refuse(project, "Budget insuffisant", Today, Staff, T0.AddDays(20));
        project.Close(ProjectOutcome.Abandoned, "Le collectif s'est dissous", Staff, T0.AddDays(30));

        Assert.Throws<DomainException>(() => Apply(project, referral, programme, [first], amount: 12_000m));
    }
}
