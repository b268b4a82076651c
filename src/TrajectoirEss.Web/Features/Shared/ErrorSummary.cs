using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace TrajectoirEss.Web.Features.Shared;

/// <summary>One line of a form's error summary (<c>_ErrorSummary.cshtml</c>): the message, and the field it is about.</summary>
public sealed record ErrorSummaryLine(string Message, string? Field, string? FieldId);

public static class ErrorSummary
{
    /// <summary>A message for an error the framework recorded without one (an exception while binding).</summary>
    public const string DefaultMessage = "Une des valeurs envoyées n'est pas valide : vérifiez le formulaire.";

    /// <summary>
    /// The errors of a form, once each: those about the whole form first (no field), then those about a field, each
    /// with the id of that field — the id asp-for gives a field of that name (<c>Input.Email</c> → <c>Input_Email</c>).
    /// </summary>
    public static IReadOnlyList<ErrorSummaryLine> Of(ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var lines = new List<ErrorSummaryLine>();
        foreach (var (key, entry) in modelState)
        {
            foreach (var error in entry.Errors)
            {
                var message = string.IsNullOrWhiteSpace(error.ErrorMessage) ? DefaultMessage : error.ErrorMessage;
                lines.Add(string.IsNullOrEmpty(key)
                    ? new ErrorSummaryLine(message, null, null)
                    : new ErrorSummaryLine(message, key, TagBuilder.CreateSanitizedId(key, "_")));
            }
        }

        return lines.OrderBy(l => l.Field is null ? 0 : 1).DistinctBy(l => (l.Field, l.Message)).ToList();
    }
}
