using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Domain.Indicators;
using static TrajectoirEss.Domain.Tests.Evaluation.EvaluationFixtures;

namespace TrajectoirEss.Domain.Tests.Evaluation;

public sealed class CampaignTests
{
    private static readonly DateTimeOffset During = T0.AddDays(30);

    public static TheoryData<CampaignStatus, CampaignAction, CampaignStatus?> Table() => new()
    {
        { CampaignStatus.Open, CampaignAction.Declare, CampaignStatus.Open },
        { CampaignStatus.Open, CampaignAction.Submit, CampaignStatus.Open },
        { CampaignStatus.Open, CampaignAction.Validate, CampaignStatus.Open },
        { CampaignStatus.Open, CampaignAction.Return, CampaignStatus.Open },
        { CampaignStatus.Open, CampaignAction.ChangeDeadline, CampaignStatus.Open },
        { CampaignStatus.Open, CampaignAction.Freeze, CampaignStatus.Frozen },
        { CampaignStatus.Frozen, CampaignAction.Declare, null },
        { CampaignStatus.Frozen, CampaignAction.Submit, null },
        { CampaignStatus.Frozen, CampaignAction.Validate, null },
        { CampaignStatus.Frozen, CampaignAction.Return, null },
        { CampaignStatus.Frozen, CampaignAction.ChangeDeadline, null },
        { CampaignStatus.Frozen, CampaignAction.Freeze, null },
    };

    /// <summary>Every status of a declared value (none: not entered yet) × action.</summary>
    public static TheoryData<DeclaredValueStatus?, DeclaredValueAction, DeclaredValueStatus?> ValueTable() => new()
    {
        { null, DeclaredValueAction.Enter, DeclaredValueStatus.Entered },
        { null, DeclaredValueAction.Submit, null },
        { null, DeclaredValueAction.Validate, null },
        { null, DeclaredValueAction.Return, null },
        { DeclaredValueStatus.Entered, DeclaredValueAction.Enter, DeclaredValueStatus.Entered },
        { DeclaredValueStatus.Entered, DeclaredValueAction.Submit, DeclaredValueStatus.Submitted },
        { DeclaredValueStatus.Entered, DeclaredValueAction.Validate, null },
        { DeclaredValueStatus.Entered, DeclaredValueAction.Return, null },
        { DeclaredValueStatus.Submitted, DeclaredValueAction.Enter, null },
        { DeclaredValueStatus.Submitted, DeclaredValueAction.Submit, null },
        { DeclaredValueStatus.Submitted, DeclaredValueAction.Validate, DeclaredValueStatus.Validated },
        { DeclaredValueStatus.Submitted, DeclaredValueAction.Return, DeclaredValueStatus.Returned },
        { DeclaredValueStatus.Validated, DeclaredValueAction.Enter, null },
        { DeclaredValueStatus.Validated, DeclaredValueAction.Submit, null },
        { DeclaredValueStatus.Validated, DeclaredValueAction.Validate, null },
        { DeclaredValueStatus.Validated, DeclaredValueAction.Return, null },
        { DeclaredValueStatus.Returned, DeclaredValueAction.Enter, DeclaredValueStatus.Entered },
        { DeclaredValueStatus.Returned, DeclaredValueAction.Submit, DeclaredValueStatus.Submitted },
        { DeclaredValueStatus.Returned, DeclaredValueAction.Validate, null },
        { DeclaredValueStatus.Returned, DeclaredValueAction.Return, null },
    };

    [Fact]
    public void Tables_CoverEveryStatusAndAction()
    {
        Assert.Equal(Enum.GetValues<CampaignStatus>().Length * Enum.GetValues<CampaignAction>().Length, Table().Count);
        Assert.Equal((Enum.GetValues<DeclaredValueStatus>().Length + 1) * Enum.GetValues<DeclaredValueAction>().Length, ValueTable().Count);
    }

    private static Guid DeclaredId(Referential referential) => referential.DeclaredIndicators.Single().Id;

    private static Guid ComputedId(Referential referential) => referential.Indicators.Single(i => i.Terms.Source == IndicatorSource.Computed).Id;

    private static void Apply(Campaign campaign, Referential referential, CampaignAction action)
    {
        var indicator = DeclaredId(referential);
        switch (action)
        {
            case CampaignAction.Declare:
                campaign.Declare(referential, Pole, indicator, 55, null, PoleStaff, During);
                break;
            case CampaignAction.Submit:
                campaign.Submit(Pole, indicator, PoleStaff, During);
                break;
            case CampaignAction.Validate:
                campaign.Validate(campaign.Value(Pole, indicator)?.Id ?? Guid.CreateVersion7(), Coordinator, During);
                break;
            case CampaignAction.Return:
                campaign.Return(campaign.Value(Pole, indicator)?.Id ?? Guid.CreateVersion7(), "Vérifiez le dénominateur", Coordinator, During);
                break;
            case CampaignAction.ChangeDeadline:
                campaign.ChangeDeadline(new DateOnly(2026, 5, 15), During);
                break;
            case CampaignAction.Freeze:
                campaign.Freeze(referential, [ComputedValue.Of(ComputedId(referential), ComputedValue.Total, Figure.Count(431))], Coordinator, During);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Action_FollowsTheCampaignTable(CampaignStatus from, CampaignAction action, CampaignStatus? expected)
    {
        var referential = Adopted();
        var campaign = OpenCampaign(referential);
        if (action is CampaignAction.Submit or CampaignAction.Validate or CampaignAction.Return)
        {
            campaign.Declare(referential, Pole, DeclaredId(referential), 40, null, PoleStaff, During);
            if (action != CampaignAction.Submit)
            {
                campaign.Submit(Pole, DeclaredId(referential), PoleStaff, During);
            }
        }

        if (from == CampaignStatus.Frozen)
        {
            campaign.Freeze(referential, [], Coordinator, During);
        }

        var before = (campaign.Status, campaign.Deadline, campaign.Values.Select(v => (v.Status, v.Value)).ToList(), campaign.ComputedValues.Count);
        if (expected is { } to)
        {
            Apply(campaign, referential, action);
            Assert.Equal(to, campaign.Status);
        }
        else
        {
            Assert.Throws<DomainException>(() => Apply(campaign, referential, action));
            Assert.Equal(before.Status, campaign.Status);
            Assert.Equal(before.Deadline, campaign.Deadline);
            Assert.Equal(before.Item3, campaign.Values.Select(v => (v.Status, v.Value)).ToList());
            Assert.Equal(before.Count, campaign.ComputedValues.Count);
        }

        Assert.Equal(expected is not null, Campaign.CanApply(from, action));
    }

    /// <summary>Brings the pôle's declared value to a status (null: not entered).</summary>
    private static (Campaign Campaign, Referential Referential) WithValue(DeclaredValueStatus? status)
    {
        var referential = Adopted();
        var campaign = OpenCampaign(referential);
        var indicator = DeclaredId(referential);
        if (status is null)
        {
            return (campaign, referential);
        }

        campaign.Declare(referential, Pole, indicator, 40, null, PoleStaff, During);
        if (status != DeclaredValueStatus.Entered)
        {
            campaign.Submit(Pole, indicator, PoleStaff, During);
        }

        var id = campaign.Value(Pole, indicator)!.Id;
        if (status == DeclaredValueStatus.Validated)
        {
            campaign.Validate(id, Coordinator, During);
        }
        else if (status == DeclaredValueStatus.Returned)
        {
            campaign.Return(id, "À vérifier", Coordinator, During);
        }

        return (campaign, referential);
    }

    [Theory]
    [MemberData(nameof(ValueTable))]
    public void DeclaredValue_FollowsItsTable(DeclaredValueStatus? from, DeclaredValueAction action, DeclaredValueStatus? expected)
    {
        var (campaign, referential) = WithValue(from);
        var indicator = DeclaredId(referential);
        Action act = action switch
        {
            DeclaredValueAction.Enter => () => campaign.Declare(referential, Pole, indicator, 62, "Enquête d'accueil", PoleStaff, During),
            DeclaredValueAction.Submit => () => campaign.Submit(Pole, indicator, PoleStaff, During),
            DeclaredValueAction.Validate => () => campaign.Validate(campaign.Value(Pole, indicator)?.Id ?? Guid.CreateVersion7(), Coordinator, During),
            _ => () => campaign.Return(campaign.Value(Pole, indicator)?.Id ?? Guid.CreateVersion7(), "À revoir", Coordinator, During),
        };
        var before = campaign.Value(Pole, indicator) is { } v ? (v.Status, v.Value) : default((DeclaredValueStatus, decimal?)?);
        if (expected is { } to)
        {
            act();
            Assert.Equal(to, campaign.Value(Pole, indicator)!.Status);
        }
        else
        {
            Assert.Throws<DomainException>(act);
            Assert.Equal(before, campaign.Value(Pole, indicator) is { } after ? (after.Status, after.Value) : null);
        }

        Assert.Equal(expected is not null, Campaign.CanApply(from, action));
    }

    [Theory]
    [InlineData(101, false)]
    [InlineData(-1, false)]
    [InlineData(100, true)]
    [InlineData(0, true)]
    public void Declare_APercentage_From0To100_OutsideBesideTheValue_NothingSaved(int value, bool allowed)
    {
        var (campaign, referential) = WithValue(null);
        if (allowed)
        {
            Assert.Equal(value, campaign.Declare(referential, Pole, DeclaredId(referential), value, null, PoleStaff, During).Value);
        }
        else
        {
            Assert.Equal(nameof(DeclaredValue.Value), Assert.Throws<DomainException>(() => campaign.Declare(referential, Pole, DeclaredId(referential), value, null, PoleStaff, During)).Field);
            Assert.Empty(campaign.Values);
        }
    }

    [Fact]
    public void Declare_AfterTheFreeze_IsRefused_AndTheFrozenValuesStay()
    {
        var (campaign, referential) = WithValue(DeclaredValueStatus.Validated);
        campaign.Freeze(referential, [ComputedValue.Of(ComputedId(referential), ComputedValue.Total, Figure.Count(431))], Coordinator, During);

        Assert.Throws<DomainException>(() => campaign.Declare(referential, OtherPole, DeclaredId(referential), 10, null, PoleStaff, During.AddDays(1)));
        Assert.Throws<DomainException>(() => campaign.Freeze(referential, [], Coordinator, During.AddDays(1)));
        Assert.Equal(40, Assert.Single(campaign.Values).Value);
        Assert.Equal(431, Assert.Single(campaign.ComputedValues).Value);
        Assert.Equal(During, campaign.FrozenAt);
    }

    [Fact]
    public void AFrozenSmallCell_IsStoredAsItsMaskedText_NeverItsValue()
    {
        var masked = ComputedValue.Of(Guid.CreateVersion7(), ComputedValue.Total, Figure.Count(2));
        Assert.Equal((null, Figure.SmallCountText, true), (masked.Value, masked.MaskedText, masked.IsMasked));
        Assert.Equal((12m, false), ComputedValue.Of(Guid.CreateVersion7(), ComputedValue.Total, Figure.Count(12)) is var shown ? (shown.Value!.Value, shown.IsMasked) : default);
    }

    [Fact]
    public void Declare_OnlyForOrganisationsAsked_AndDeclaredIndicators()
    {
        var (campaign, referential) = WithValue(null);
        var stranger = new TrajectoirEss.Domain.Coordination.OrganisationRef(TrajectoirEss.Domain.Coordination.OrganisationKind.Structure, Guid.CreateVersion7());
        Assert.Throws<DomainException>(() => campaign.Declare(referential, stranger, DeclaredId(referential), 10, null, PoleStaff, During));
        Assert.Throws<DomainException>(() => campaign.Declare(referential, Pole, ComputedId(referential), 10, null, PoleStaff, During));
        Assert.Empty(campaign.Values);
    }

    [Fact]
    public void Completeness_PerOrganisation_AndWhoToRemind()
    {
        var (campaign, referential) = WithValue(DeclaredValueStatus.Submitted);
        var completeness = campaign.CompletenessOf(referential);

        Assert.Equal((1, 1, 100, true), completeness.Where(c => c.Organisation == Pole).Select(c => (c.Expected, c.Submitted, c.Percent, c.IsComplete)).Single());
        Assert.Equal((1, 0, 0, false), completeness.Where(c => c.Organisation == OtherPole).Select(c => (c.Expected, c.Submitted, c.Percent, c.IsComplete)).Single());
        Assert.Empty(campaign.ToRemind(referential, new DateOnly(2026, 4, 1), leadDays: 7));
        Assert.Equal([OtherPole], campaign.ToRemind(referential, new DateOnly(2026, 4, 25), leadDays: 7));
    }

    /// <summary>Days asked in a row → who is reminded each day: nobody before the lead, then the late organisation once a day.</summary>
    public static TheoryData<string[], string[]> ReminderDays() => new()
    {
        { ["2026-04-01"], [""] },
        { ["2026-04-25", "2026-04-25"], ["OtherPole", ""] },
        { ["2026-04-25", "2026-04-26", "2026-04-26"], ["OtherPole", "OtherPole", ""] },
        { ["2026-04-22", "2026-04-23", "2026-05-03"], ["", "OtherPole", "OtherPole"] },
    };

    [Theory]
    [MemberData(nameof(ReminderDays))]
    public void TakeRemindersFor_RemindsEachLateOrganisation_AtMostOnceADay(string[] days, string[] expected)
    {
        var (campaign, referential) = WithValue(DeclaredValueStatus.Submitted);
        var got = days.Select(d => string.Join(',', campaign.TakeRemindersFor(referential, DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture)).Select(o => o == OtherPole ? "OtherPole" : o == Pole ? "Pole" : "?"))).ToArray();

        Assert.Equal(expected, got);
        Assert.Null(campaign.LastRemindedOn(Pole));
        Assert.True(campaign.Reminders.Count <= 1);
    }

    [Fact]
    public void TakeRemindersFor_NobodyOnceFrozen()
    {
        var (campaign, referential) = WithValue(DeclaredValueStatus.Validated);
        campaign.Freeze(referential, [], Coordinator, During);

        Assert.Empty(campaign.TakeRemindersFor(referential, new DateOnly(2026, 5, 3)));
        Assert.Empty(campaign.Reminders);
    }

    [Fact]
    public void Open_OnlyOnAnAdoptedFrame_WithADeadlineToCome()
    {
        Assert.Throws<DomainException>(() => Campaign.Open(Guid.CreateVersion7(), Draft(), 2025, new DateOnly(2026, 4, 30), [Pole], Coordinator, T0));
        Assert.Equal(nameof(Campaign.Deadline), Assert.Throws<DomainException>(() => Campaign.Open(Guid.CreateVersion7(), Adopted(), 2025, new DateOnly(2026, 1, 1), [Pole], Coordinator, T0.AddDays(25))).Field);
        Assert.Equal(nameof(Campaign.Year), Assert.Throws<DomainException>(() => Campaign.Open(Guid.CreateVersion7(), Adopted(), 1899, new DateOnly(2026, 4, 30), [Pole], Coordinator, T0.AddDays(25))).Field);
    }

    [Fact]
    public void Measures_HaveOneDefinitionEach_TheDashboardsWhereTheyAreTheDashboards()
    {
        Assert.Equal(Measures.All.Count, Measures.All.Select(m => m.Code).Distinct().Count());
        Assert.Equal(Enum.GetValues<MeasureCode>().Order(), Measures.All.Select(m => m.Code).Order());
        foreach (var measure in Measures.All.Where(m => m.DashboardIndicator is not null))
        {
            Assert.Equal(TrajectoirEss.Domain.Indicators.Indicators.Of(measure.DashboardIndicator!.Value).Definition, measure.Definition);
        }

        Assert.All(Measures.All, m => Assert.False(string.IsNullOrWhiteSpace(m.Definition)));
    }
}
