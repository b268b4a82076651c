using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Web.Areas.Porteur.Projects;

namespace TrajectoirEss.Web.Startup;

/// <summary>
/// The safety net under every action: a record the user may not see is a 404, a broken rule of the
/// programme a 400 with its French message, a concurrent change a 409; never a 500 for these.
/// Actions that can show the message next to the form catch <see cref="DomainException"/> themselves.
/// </summary>
internal sealed class DomainExceptionFilter(IModelMetadataProvider metadata) : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        var (status, message) = context.Exception switch
        {
            ProjectNotFoundException or Areas.Admin.Shared.AdminRecordNotFoundException => (StatusCodes.Status404NotFound, (string?)null),
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
}
