using System.ComponentModel.DataAnnotations;
using TrajectoirEss.Domain.Common;

namespace TrajectoirEss.Web.Features.Shared;

/// <summary>
/// Model validation of a date (or date and time) filter or field: within <see cref="PlausibleDates"/> (null is left
/// to [Required]). Its message is its own (<see cref="ValidationAttribute.ErrorMessage"/>), so a form shown again
/// keeps it beside its field.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class PlausibleDateAttribute : ValidationAttribute
{
    public PlausibleDateAttribute() => ErrorMessage = PlausibleDates.Message;

    public override bool IsValid(object? value) => value switch
    {
        DateOnly date => PlausibleDates.Contains(date),
        DateTime dateTime => PlausibleDates.Contains(DateOnly.FromDateTime(dateTime)),
        DateTimeOffset instant => PlausibleDates.Contains(DateOnly.FromDateTime(instant.DateTime)),
        _ => true,
    };
}
