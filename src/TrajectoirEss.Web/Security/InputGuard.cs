using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace TrajectoirEss.Web.Security;

/// <summary>
/// Refuses, before any model binding, a query string or form holding characters no person types: NUL and
/// the other control characters (tab and line breaks excepted), the replacement character left by invalid
/// UTF-8, non-characters and lone surrogates. PostgreSQL cannot store a NUL, and none of these belong in a
/// name, a message or an id. Also reads the form once, within its limits, so a form too large is a 413.
/// The answer is the French error page with the reason.
/// </summary>
internal sealed class InputGuard(RequestDelegate next, ILogger<InputGuard> logger)
{
    /// <summary>HttpContext item: the reason a request was refused, shown by the error page.</summary>
    public const string ProblemItem = "trajectoiress.input-problem";

    private const string CheckedItem = "trajectoiress.input-checked";

    public async Task InvokeAsync(HttpContext context)
    {
        // The error page re-executes the pipeline: the request was checked on the way in.
        if (!context.Items.TryAdd(CheckedItem, true) || context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            await next(context);
            return;
        }

        var (status, problem) = Check(context.Request.Query);
        if (problem is null && context.Request.HasFormContentType)
        {
            try
            {
                (status, problem) = Check(await context.Request.ReadFormAsync(context.RequestAborted));
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException)
            {
                // Too large; malformed; or cut short (a body shorter than announced, a multipart without its end:
                // an IOException from the reader, or Kestrel's BadHttpRequestException, itself an IOException).
                (status, problem) = ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } || ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                    ? (StatusCodes.Status413PayloadTooLarge, "Le formulaire envoyé est trop volumineux.")
                    : ex is InvalidDataException
                        ? (StatusCodes.Status400BadRequest, "Le formulaire envoyé n'a pas pu être lu.")
                        : (StatusCodes.Status400BadRequest, "Le formulaire envoyé est arrivé incomplet : rechargez la page, puis envoyez-le à nouveau.");
            }
        }

        if (problem is null)
        {
            await next(context);
            return;
        }

        logger.SecurityEvent(SecurityEvents.InputRefused, null, $"{context.Request.Method} {context.Request.Path}: {status}");
        context.Items[ProblemItem] = problem;
        context.Response.StatusCode = status;
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await context.Response.WriteAsJsonAsync(new { title = "Requête incorrecte", status, detail = problem }, options: null, contentType: "application/problem+json", context.RequestAborted);
        }
    }

    private static (int Status, string? Problem) Check(IEnumerable<KeyValuePair<string, StringValues>> values)
    {
        foreach (var (key, list) in values)
        {
            if (!IsClean(key))
            {
                return (StatusCodes.Status400BadRequest, "La demande contient un nom de champ non valide.");
            }

            foreach (var value in list)
            {
                if (value is not null && !IsClean(value))
                {
                    return (StatusCodes.Status400BadRequest, "Le texte envoyé contient des caractères non autorisés (caractères de contrôle ou encodage non valide). Retirez-les, par exemple en retapant le texte au lieu de le coller, puis recommencez.");
                }
            }
        }

        return (0, null);
    }

    /// <summary>True when the text holds only characters a person can type (tab, CR and LF allowed).</summary>
    public static bool IsClean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                return false;
            }

            if ((c < ' ' && c is not '\t' and not '\r' and not '\n') || c is >= '\u007F' and <= '\u009F' || c is '\uFFFD' or '\uFFFE' or '\uFFFF' || char.IsLowSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }
}
