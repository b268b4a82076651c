using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Startup;

/// <summary>
/// How a refused action answers, for every action of the portal.
/// <para>
/// A POST whose form can be shown again (<see cref="FormPageAttribute"/> on it or on its controller, a controller
/// that implements <see cref="IShowsFormAgain"/>) gets its page again, with what was typed kept, the message beside
/// its field (at the top otherwise) and nothing written: when a posted value is missing or cannot be read (model
/// validation: the action does not run), when a rule of the programme refuses the change (<see cref="DomainException"/>),
/// and, if the form says how to explain it, when someone else saved first (a 409). The DbContext's change tracker is
/// cleared first, so the page shows the record as it is now, not as the refused change left it. A success stays in
/// the action: a confirmation and a redirect.
/// </para>
/// <para>
/// Everything else ends on the safety net: a record the user may not see is a 404, a broken rule the "Refused" page
/// with its French message (400), a concurrent change or a double submission a 409; never a 500 for these.
/// </para>
/// </summary>
internal sealed class RefusalFilter(IModelMetadataProvider metadata) : IAsyncActionFilter, IExceptionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        if (!HttpMethods.IsPost(context.HttpContext.Request.Method)
            || context.Controller is not IShowsFormAgain controller
            || FormPageAttribute.Merge(context.ActionDescriptor.EndpointMetadata.OfType<FormPageAttribute>()) is not { } page)
        {
            await next();
            return;
        }

        if (!context.ModelState.IsValid)
        {
            if (page.InvalidValueMessage is { } message)
            {
                KeepOnlyTheActionsOwnMessages(context, message);
            }

            context.Result = await FormAgainAsync(context, controller, page, conflict: false);
            return;
        }

        var executed = await next();
        if (executed.ExceptionHandled)
        {
            return;
        }

        var conflict = false;
        switch (executed.Exception)
        {
            case DomainException refused:
                context.ModelState.AddDomainError(refused, page.Prefix);
                break;
            case DbUpdateConcurrencyException when page.ConflictMessage is { } message:
                context.ModelState.AddModelError(string.Empty, message);
                conflict = true;
                break;
            default:
                return;
        }

        executed.Result = await FormAgainAsync(context, controller, page, conflict);
        executed.ExceptionHandled = true;
    }

    public void OnException(ExceptionContext context)
    {
        var (status, message) = context.Exception switch
        {
            ProjectNotFoundException or Areas.Admin.Shared.AdminRecordNotFoundException or Areas.Coordination.Platform.PlatformRecordNotFoundException => (StatusCodes.Status404NotFound, (string?)null),
            DomainException domain => (StatusCodes.Status400BadRequest, domain.Message),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "Ces informations ont été modifiées par quelqu'un d'autre entre-temps. Rechargez la page pour voir la version à jour, puis recommencez."),

            // Two identical requests at once (a double click, a retry): the database keeps one, the other is told.
            DbUpdateException { InnerException: Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } } => (StatusCodes.Status409Conflict, "Cette demande a déjà été enregistrée (envoyée deux fois ?). Rechargez la page pour voir l'état à jour."),
            _ => (0, null),
        };
        if (status == 0)
        {
            return;
        }

        context.ExceptionHandled = true;
        if (status == StatusCodes.Status404NotFound)
        {
            context.Result = new NotFoundResult();
            return;
        }

        context.Result = new ViewResult
        {
            ViewName = "~/Features/Errors/Refused.cshtml",
            StatusCode = status,
            ViewData = new ViewDataDictionary(metadata, context.ModelState) { Model = message },
        };
    }

    /// <summary>The form's page again: the record as stored now, what was typed, a 400 (409 for a conflict); or a 404.</summary>
    private static async Task<IActionResult> FormAgainAsync(ActionExecutingContext context, IShowsFormAgain controller, FormPageAttribute page, bool conflict)
    {
        context.HttpContext.RequestServices.GetRequiredService<TrajectoirEssDbContext>().ChangeTracker.Clear();
        var view = page.View ?? ((ControllerActionDescriptor)context.ActionDescriptor).ActionName;
        var result = await controller.FormAgainAsync(new FormAgain(context, view, conflict)) ?? new NotFoundResult();
        if (result is ViewResult again)
        {
            again.StatusCode = conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        }

        return result;
    }

    /// <summary>
    /// Keeps the messages of the action's own validation attributes (a missing input, beside its field, once each)
    /// and replaces the framework's (a value that could not be read) by the form's one message at the top.
    /// </summary>
    private static void KeepOnlyTheActionsOwnMessages(ActionExecutingContext context, string invalidValueMessage)
    {
        var own = context.ActionDescriptor.Parameters.OfType<ControllerParameterDescriptor>()
            .SelectMany(p => p.ParameterInfo.GetCustomAttributes<ValidationAttribute>())
            .Select(a => a.ErrorMessage)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var errors = context.ModelState.SelectMany(e => (e.Value?.Errors ?? []).Select(error => (e.Key, error.ErrorMessage))).ToList();
        var kept = errors.Where(e => own.Contains(e.ErrorMessage)).DistinctBy(e => e.ErrorMessage).ToList();
        context.ModelState.Clear();
        if (kept.Count == 0 || errors.Any(e => !own.Contains(e.ErrorMessage)))
        {
            context.ModelState.AddModelError(string.Empty, invalidValueMessage);
        }

        foreach (var (key, message) in kept)
        {
            context.ModelState.AddModelError(key, message);
        }
    }
}
