using System.Globalization;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Projects;

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

/// <summary>The bounds of each instrument (editable settings, not constants).</summary>
public sealed record FinancingRules(decimal CapCreationMin, decimal CapCreationMax, decimal FondsDeConfianceMax, decimal FondsDeConfianceMinShare, decimal FondsDeConfianceMaxShare, decimal OtherMax)
{
    public static FinancingRules Default { get; } = new(2_000m, 20_000m, 20_000m, 0.50m, 0.70m, 5_000_000m);
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
public sealed class FinancingApplication
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

    public static FinancingApplication Create(Project project, Referral referral, FinancingInstrument instrument, decimal? amountRequested, decimal? studyCost, string? study, DateOnly? committeeOn, FinancingRules rules, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(referral);
        ArgumentNullException.ThrowIfNull(rules);
        if (referral.ProjectId != project.Id || referral.Status is not (ReferralStatus.Accepted or ReferralStatus.InProgress))
        {
            throw new DomainException("Le projet doit avoir été orienté vers vous et l'orientation acceptée.");
        }

        if (!Enum.IsDefined(instrument))
        {
            throw new DomainException("Choisissez un instrument de la liste.");
        }

        var application = new FinancingApplication
        {
            Id = Guid.CreateVersion7(now),
            ProjectId = project.Id,
            ReferralId = referral.Id,
            StructureId = referral.StructureId,
            ProgrammeId = referral.ProgrammeId,
            Instrument = instrument,
            AmountRequested = Money(amountRequested, "Le montant demandé"),
            StudyCost = studyCost is null ? null : Money(studyCost, "Le coût de l'étude"),
            StudyDescription = Guard.Required(study, StudyMaxLength, "L'objet du financement"),
            CommitteeOn = committeeOn,
            Decision = FinancingDecision.Pending,
            CreatedAt = now,
        };
        application.CheckBounds(application.AmountRequested, rules);
        return application;
    }

    /// <summary>The committee grants an amount within the instrument's bounds; the trajectory records it.</summary>
    public void Grant(Project project, decimal? amount, DateOnly? committeeOn, Guid staffId, FinancingRules rules, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(rules);
        EnsurePending();
        var granted = Money(amount, "Le montant accordé");
        CheckBounds(granted, rules);
        Decision = FinancingDecision.Granted;
        AmountGranted = granted;
        CommitteeOn = committeeOn ?? CommitteeOn;
        DecidedAt = now;
        project.RecordFinancingStep(TrajectoryStepKind.FinancingGranted, staffId, now, StructureId, ProgrammeId, Euros(granted), null);
    }

    public void Refuse(Project project, string? reason, DateOnly? committeeOn, Guid staffId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(project);
        EnsurePending();
        RefusalReason = Guard.Required(reason, ReasonMaxLength, "Le motif du refus");
        Decision = FinancingDecision.Refused;
        CommitteeOn = committeeOn ?? CommitteeOn;
        DecidedAt = now;
        project.RecordFinancingStep(TrajectoryStepKind.FinancingRefused, staffId, now, StructureId, ProgrammeId, null, RefusalReason);
    }

    public void AddPayment(DateOnly? paidOn, decimal? amount, DateOnly today)
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

        _payments.Add(new FinancingPayment(Guid.CreateVersion7(), date, paid));
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

    private void CheckBounds(decimal amount, FinancingRules rules)
    {
        switch (Instrument)
        {
            case FinancingInstrument.CapCreationEss when amount < rules.CapCreationMin || amount > rules.CapCreationMax:
                throw new DomainException($"Cap création ESS finance de {Euros(rules.CapCreationMin)} à {Euros(rules.CapCreationMax)}.");
            case FinancingInstrument.FondsDeConfiance when amount > rules.FondsDeConfianceMax:
                throw new DomainException($"Le fonds de confiance finance au plus {Euros(rules.FondsDeConfianceMax)}.");
            case FinancingInstrument.FondsDeConfiance when StudyCost is null:
                throw new DomainException("Indiquez le coût total de l'étude : le fonds de confiance en couvre une part.");
            case FinancingInstrument.FondsDeConfiance when amount < StudyCost * rules.FondsDeConfianceMinShare || amount > StudyCost * rules.FondsDeConfianceMaxShare:
                throw new DomainException($"Le fonds de confiance couvre de {rules.FondsDeConfianceMinShare:P0} à {rules.FondsDeConfianceMaxShare:P0} du coût de l'étude ({Euros(StudyCost!.Value)}).");
            case FinancingInstrument.Guarantee or FinancingInstrument.Loan or FinancingInstrument.ContratApportAssociatif when amount > rules.OtherMax:
                throw new DomainException($"Le montant dépasse le plafond de {Euros(rules.OtherMax)}.");
        }
    }
}
