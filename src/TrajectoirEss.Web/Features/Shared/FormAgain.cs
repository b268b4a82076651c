using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using TrajectoirEss.Domain.Common;

namespace TrajectoirEss.Web.Features.Shared;

/// <summary>
/// A controller whose refused POSTs show their form again (<see cref="Startup.RefusalFilter"/>): the actions that
/// carry <see cref="FormPageAttribute"/>, or all of them when the controller does.
/// </summary>
public interface IShowsFormAgain
{
    /// <summary>
    /// The page to show again, built from the record's current values (nothing a refused change left in the
    /// DbContext is seen any more) and from what was typed (<see cref="FormAgain.Argument{T}"/>; the views read the
    /// posted fields too). Null when the record is not there, or not for this user: a 404.
    /// </summary>
    Task<IActionResult?> FormAgainAsync(FormAgain form);
}

/// <summary>
/// Says that an action's form can be shown again when the action is refused, and how: the page (by default the
/// action's own view), the prefix of its fields (so that a rule about one field is shown beside it), the message
/// for a concurrent change (without one, a conflict gets the generic 409 page) and the message that replaces the
/// framework's own when a posted value cannot be read (without one, each stays beside its field). On a controller
/// (or an area's base controller) it holds for every POST; on an action, what it sets wins over the controller's.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
public sealed class FormPageAttribute : Attribute
{
    public FormPageAttribute()
    {
    }

    public FormPageAttribute(string view) => View = view;

    /// <summary>The view to show again; null: the controller's, else the action's own.</summary>
    public string? View { get; private init; }

    /// <summary>The prefix of the form's fields (<c>[Bind(Prefix = "Input")]</c>), for a rule that names its field.</summary>
    public string? Prefix { get; set; }

    /// <summary>The message above the form when someone else saved the record first (a 409).</summary>
    public string? ConflictMessage { get; set; }

    /// <summary>
    /// The message above the form, instead of the framework's, when a posted value cannot be read (a date, a number,
    /// an id). The messages of the action's own validation attributes stay beside their fields.
    /// </summary>
    public string? InvalidValueMessage { get; set; }

    /// <summary>The controller's attribute, then the action's: a later one's settings win.</summary>
    internal static FormPageAttribute? Merge(IEnumerable<FormPageAttribute> attributes)
    {
        FormPageAttribute? merged = null;
        foreach (var attribute in attributes)
        {
            merged = merged is null ? attribute : new FormPageAttribute
            {
                View = attribute.View ?? merged.View,
                Prefix = attribute.Prefix ?? merged.Prefix,
                ConflictMessage = attribute.ConflictMessage ?? merged.ConflictMessage,
                InvalidValueMessage = attribute.InvalidValueMessage ?? merged.InvalidValueMessage,
            };
        }

        return merged;
    }
}

/// <summary>A refused action, as its controller needs it to show the form again.</summary>
public sealed class FormAgain
{
    private readonly ActionExecutingContext _context;

    internal FormAgain(ActionExecutingContext context, string view, bool conflict)
    {
        _context = context;
        View = view;
        Conflict = conflict;
    }

    /// <summary>The refused action's name.</summary>
    public string Action => ((ControllerActionDescriptor)_context.ActionDescriptor).ActionName;

    /// <summary>The page to show (<see cref="FormPageAttribute.View"/>, or the action's name).</summary>
    public string View { get; }

    /// <summary>Whether someone else saved first (the page may then compare their version with what was typed).</summary>
    public bool Conflict { get; }

    /// <summary>The record in the address (<c>{id}</c>); <see cref="Guid.Empty"/> when there is none.</summary>
    public Guid Id => Guid.TryParse(Convert.ToString(_context.RouteData.Values["id"], System.Globalization.CultureInfo.InvariantCulture), out var id) ? id : Guid.Empty;

    public CancellationToken CancellationToken => _context.HttpContext.RequestAborted;

    /// <summary>What the action was given under that name (what was typed); null when it has no such argument.</summary>
    public T? Argument<T>(string name)
        where T : class =>
        _context.ActionArguments.TryGetValue(name, out var value) ? value as T : null;
}

public static class FormErrors
{
    /// <summary>Shows a broken rule next to its field when it names one, at the top of the form otherwise.</summary>
    public static void AddDomainError(this ModelStateDictionary modelState, DomainException error, string? prefix = null)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(error);
        var key = error.Field is null ? string.Empty : string.IsNullOrEmpty(prefix) ? error.Field : $"{prefix}.{error.Field}";
        modelState.AddModelError(key, error.Message);
    }

    /// <summary>Post/redirect/get: the confirmation shown on the next page, and the redirect to it.</summary>
    public static RedirectResult RedirectWithFlash(this Controller controller, string url, string flash)
    {
        ArgumentNullException.ThrowIfNull(controller);
        controller.TempData["Flash"] = flash;
        return controller.Redirect(url);
    }
}
