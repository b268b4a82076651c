using System.Globalization;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Referrals;

namespace TrajectoirEss.Domain.Programmes;

public enum FinancingInstrument
{
    /// <summary>Grant for a feasibility study, for porteurs without a host structure.</summary>
    CapCreationEss = 1,

    /// <summary>Grant covering part of a feasibility study carried inside a host company.</summary>
    FondsDeConfiance = 2,
    Guarantee = 3,
    Loan = 4,
    ContratApportAssociatif = 5,
}

public enum FinancingDecision
{
    Pending = 1,
    Granted = 2,
    Refused = 3,
}

/// <summary>
/// The default bounds of each instrument (settings, not constants). The programme's own record, which
/// administrators edit, has the last word on the amounts of its instrument: see <see cref="BoundsFor"/>.
/// </summary>
public sealed record FinancingRules(decimal CapCreationMin, decimal CapCreationMax, decimal FondsDeConfianceMax, decimal FondsDeConfianceMinShare, decimal FondsDeConfianceMaxShare, decimal OtherMax)
{
    public static FinancingRules Default { get; } = new(2_000m, 20_000m, 20_000m, 0.50m, 0.70m, 5_000_000m);

    /// <summary>
    /// The amounts in force for an instrument under a programme: the programme's minimum and maximum for its
    /// own instrument (Cap création ESS, fonds de confiance) when its record sets them, these settings
    /// otherwise; the fonds de confiance's share of the study's cost always comes from the settings.
    /// </summary>
    public FinancingBounds BoundsFor(FinancingInstrument instrument, Programme programme)
    {
        ArgumentNullException.ThrowIfNull(programme);
        var own = instrument switch
        {
            FinancingInstrument.CapCreationEss => programme.Type == ProgrammeType.CapCreationEss,
            FinancingInstrument.FondsDeConfiance => programme.Type == ProgrammeType.FondsDeConfiance,
            _ => false,
        };
        return instrument switch
        {
            FinancingInstrument.CapCreationEss => new(own ? programme.MinAmount ?? CapCreationMin : CapCreationMin, own ? programme.MaxAmount ?? CapCreationMax : CapCreationMax, null, null),
            FinancingInstrument.FondsDeConfiance => new(own ? programme.MinAmount ?? 0 : 0, own ? programme.MaxAmount ?? FondsDeConfianceMax : FondsDeConfianceMax, FondsDeConfianceMinShare, FondsDeConfianceMaxShare),
            _ => new(0, OtherMax, null, null),
        };
    }
}

/// <summary>The amounts an instrument grants (euros), and for the fonds de confiance the share of the study's cost it covers.</summary>
public sealed record FinancingBounds(decimal Min, decimal Max, decimal? MinShareOfCost, decimal? MaxShareOfCost)
{
    /// <summary>The bounds as the form and the error messages say them.</summary>
    public string Describe() =>
        (Min > 0 ? $"de {FinancingApplication.Euros(Min)} à {FinancingApplication.Euros(Max)}" : $"au plus {FinancingApplication.Euros(Max)}")
        + (MinShareOfCost is { } low && MaxShareOfCost is { } high ? $", soit {low:P0} à {high:P0} du coût de l'étude" : string.Empty);
}

/// <summary>A payment of a granted amount.</summary>
public sealed class FinancingPayment
{
    internal FinancingPayment(Guid id, DateOnly paidOn, decimal amount)
    {
        Id = id;
        PaidOn = paidOn;
        Amount = amount;
    }

    public Guid Id { get; private set; }

    public DateOnly PaidOn { get; private set; }

    public decimal Amount { get; private set; }
}

/// <summary>
/// An application to a financing instrument of France Active Bretagne (Cap création ESS, fonds de
/// confiance, guarantee, loan, contrat d'apport associatif): amount requested, the study it pays for, the
/// committee, the decision, the payments.
/// </summary>
public sealed class FinancingApplication : AggregateRoot
{
    public const int StudyMaxLength = 2000;
    public const int ReasonMaxLength = 1000;

    private readonly List<FinancingPayment> _payments = [];

    private FinancingApplication()
    {
        StudyDescription = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public Guid ReferralId { get; private set; }

    public Guid StructureId { get; private set; }

    public Guid ProgrammeId { get; private set; }

    public FinancingInstrument Instrument { get; private set; }

    public decimal AmountRequested { get; private set; }

    /// <summary>The total cost of the study (the fonds de confiance covers a share of it).</summary>
    public decimal? StudyCost { get; private set; }

    public string StudyDescription { get; private set; }

    public DateOnly? CommitteeOn { get; private set; }

    public FinancingDecision Decision { get; private set; }

    public decimal? AmountGranted { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? RefusalReason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<FinancingPayment> Payments => _payments;

    public decimal Paid => _payments.Sum(p => p.Amount);

    /// <summary>Whether an application can be made under a referral in this status: accepted, or already under way.</summary>
    public static bool CanApplyUnder(ReferralStatus status) => status is ReferralStatus.Accepted or ReferralStatus.InProgress;

    /// <summary>
    /// An application under a financing programme, for a project whose referral to it was accepted (which
    /// starts the referral), at most one waiting for the committee per instrument and referral
    /// (<paramref name="referralApplications"/>: the referral's applications so far), within the bounds in force.
    /// </summary>
    public static FinancingApplication Create(Project project, Referral referral, Programme programme, IEnumerable<FinancingApplication> referralApplications, FinancingInstrument? instrument, decimal? amountRequested, decimal? studyCost, string? study, DateOnly? committeeOn, FinancingRules rules, Guid staffId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(referral);
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentNullException.ThrowIfNull(referralApplications);
        ArgumentNullException.ThrowIfNull(rules);
        if (instrument is not { } chosen || !Enum.IsDefined(chosen))
        {
            throw new DomainException("Choisissez l'instrument financier.");
        }

        if (referral.ProgrammeId != programme.Id)
        {
            throw new DomainException("Une demande de financement se fait dans le programme vers lequel le projet a été orienté.");
        }

        if (!programme.IsFinancing)
        {
            throw new DomainException("Ce programme n'est pas un financement : une demande de financement se fait dans le cadre d'une orientation vers un programme de financement.");
        }

        // Its decision will be a step of the trajectory: a closed project takes no new application.
        project.EnsureTrajectoryCanTake(TrajectoryStepKind.FinancingGranted);

        if (referral.ProjectId != project.Id || !CanApplyUnder(referral.Status))
        {
            throw new DomainException("Le projet doit avoir été orienté vers vous et l'orientation acceptée.");
        }

        if (referralApplications.Any(f => f.ReferralId == referral.Id && f.Instrument == chosen && f.Decision == FinancingDecision.Pending))
        {
            throw new DomainException("Une demande pour cet instrument attend déjà la décision du comité pour ce projet : elle n'a pas été enregistrée une seconde fois.");
        }

        var application = new FinancingApplication
        {
            Id = Guid.CreateVersion7(now),
            ProjectId = project.Id,
            ReferralId = referral.Id,
            StructureId = referral.StructureId,
            ProgrammeId = referral.ProgrammeId,
            Instrument = chosen,
            AmountRequested = Money(amountRequested, "Le montant demandé"),
            StudyCost = studyCost is null ? null : Money(studyCost, "Le coût de l'étude"),
            StudyDescription = Guard.Required(study, StudyMaxLength, "L'objet du financement"),
            CommitteeOn = committeeOn,
            Decision = FinancingDecision.Pending,
            CreatedAt = now,
        };
        application.CheckBounds(application.AmountRequested, rules.BoundsFor(chosen, programme));
        if (referral.Status == ReferralStatus.Accepted)
        {
            referral.Start(project, staffId, now);
        }

        application.Raise(new FinancingApplied(application, project, staffId, now));
        return application;
    }

    /// <summary>The committee grants an amount within the instrument's bounds; the trajectory records it.</summary>
    public void Grant(Project project, Programme programme, decimal? amount, DateOnly? committeeOn, Guid staffId, FinancingRules rules, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentNullException.ThrowIfNull(rules);
        EnsurePending();
        if (programme.Id != ProgrammeId)
        {
            throw new InvalidOperationException("The programme is not the application's.");
        }

        project.EnsureTrajectoryCanTake(TrajectoryStepKind.FinancingGranted);

        var granted = Money(amount, "Le montant accordé");
        CheckBounds(granted, rules.BoundsFor(Instrument, programme));
        Decision = FinancingDecision.Granted;
        AmountGranted = granted;
        CommitteeOn = committeeOn ?? CommitteeOn;
        DecidedAt = now;
        project.RecordStep(TrajectoryStepKind.FinancingGranted, staffId, now, project.PoleId, StructureId, ProgrammeId, Euros(granted), null);
        Raise(new FinancingDecided(this, project, staffId, now));
    }

    public void Refuse(Project project, string? reason, DateOnly? committeeOn, Guid staffId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(project);
        EnsurePending();
        project.EnsureTrajectoryCanTake(TrajectoryStepKind.FinancingRefused);
        RefusalReason = Guard.Required(reason, ReasonMaxLength, "Le motif du refus");
        Decision = FinancingDecision.Refused;
        CommitteeOn = committeeOn ?? CommitteeOn;
        DecidedAt = now;
        project.RecordStep(TrajectoryStepKind.FinancingRefused, staffId, now, project.PoleId, StructureId, ProgrammeId, null, RefusalReason);
        Raise(new FinancingDecided(this, project, staffId, now));
    }

    public void AddPayment(DateOnly? paidOn, decimal? amount, DateOnly today, Guid staffId, DateTimeOffset now)
    {
        if (Decision != FinancingDecision.Granted)
        {
            throw new DomainException("Un versement ne concerne qu'un financement accordé.");
        }

        if (paidOn is not { } date || date > today)
        {
            throw new DomainException("Indiquez la date du versement (pas dans le futur).");
        }

        var paid = Money(amount, "Le montant versé");
        if (Paid + paid > AmountGranted)
        {
            throw new DomainException($"Les versements dépasseraient le montant accordé ({Euros(AmountGranted!.Value)}).");
        }

        var payment = new FinancingPayment(Guid.CreateVersion7(now), date, paid);
        _payments.Add(payment);
        Raise(new FinancingPaymentRecorded(this, payment, staffId, now));
    }

    public static string Label(FinancingInstrument instrument) => instrument switch
    {
        FinancingInstrument.CapCreationEss => "Cap création ESS",
        FinancingInstrument.FondsDeConfiance => "Fonds de confiance",
        FinancingInstrument.Guarantee => "Garantie",
        FinancingInstrument.Loan => "Prêt",
        FinancingInstrument.ContratApportAssociatif => "Contrat d'apport associatif",
        _ => instrument.ToString(),
    };

    public static string Euros(decimal amount) => amount.ToString("#,##0.00", CultureInfo.GetCultureInfo("fr-FR")) + " €";

    private static decimal Money(decimal? value, string label)
    {
        if (value is not { } amount || amount <= 0)
        {
            throw new DomainException($"{label} doit être un montant positif en euros.");
        }

        if (decimal.Round(amount, 2) != amount)
        {
            throw new DomainException($"{label} s'exprime en euros et centimes (deux décimales au plus).");
        }

        return amount;
    }

    private void EnsurePending()
    {
        if (Decision != FinancingDecision.Pending)
        {
            throw new DomainException("La décision sur cette demande est déjà prise.");
        }
    }

    private void CheckBounds(decimal amount, FinancingBounds bounds)
    {
        if (amount < bounds.Min || amount > bounds.Max)
        {
            throw new DomainException($"{Label(Instrument)} finance {bounds.Describe()}.");
        }

        if (bounds.MinShareOfCost is not { } low || bounds.MaxShareOfCost is not { } high)
        {
            return;
        }

        if (StudyCost is not { } cost)
        {
            throw new DomainException($"Indiquez le coût total de l'étude : le {Label(Instrument).ToLowerInvariant()} en couvre une part.");
        }

        if (amount < cost * low || amount > cost * high)
        {
            throw new DomainException($"Le {Label(Instrument).ToLowerInvariant()} couvre de {low:P0} à {high:P0} du coût de l'étude ({Euros(cost)}).");
        }
    }
}
