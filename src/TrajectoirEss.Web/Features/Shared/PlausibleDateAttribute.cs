using System.ComponentModel.DataAnnotations;
using TrajectoirEss.Domain.Common;

namespace TrajectoirEss.Web.Features.Shared;

/// <summary>Model validation of a date filter or field: within <see cref="PlausibleDates"/> (null is left to [Required]).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class PlausibleDateAttribute : ValidationAttribute
{
    public PlausibleDateAttribute()
        : base(PlausibleDates.Message)
    {
    }

    public override bool IsValid(object? value) => value is not DateOnly date || PlausibleDates.Contains(date);
}
