using System.ComponentModel.DataAnnotations;
using TrajectoirEss.Domain.Programmes;

namespace TrajectoirEss.Web.Startup;

/// <summary>Section "Financing": the bounds of France Active Bretagne's instruments (editable settings).</summary>
public sealed class FinancingOptions
{
    public const string Section = "Financing";

    [Range(0, 1_000_000)]
    public decimal CapCreationMin { get; set; } = FinancingRules.Default.CapCreationMin;

    [Range(1, 1_000_000)]
    public decimal CapCreationMax { get; set; } = FinancingRules.Default.CapCreationMax;

    [Range(1, 1_000_000)]
    public decimal FondsDeConfianceMax { get; set; } = FinancingRules.Default.FondsDeConfianceMax;

    [Range(0, 1)]
    public decimal FondsDeConfianceMinShare { get; set; } = FinancingRules.Default.FondsDeConfianceMinShare;

    [Range(0, 1)]
    public decimal FondsDeConfianceMaxShare { get; set; } = FinancingRules.Default.FondsDeConfianceMaxShare;

    [Range(1, 100_000_000)]
    public decimal OtherMax { get; set; } = FinancingRules.Default.OtherMax;

    public FinancingRules Rules => new(CapCreationMin, CapCreationMax, FondsDeConfianceMax, FondsDeConfianceMinShare, FondsDeConfianceMaxShare, OtherMax);
}
