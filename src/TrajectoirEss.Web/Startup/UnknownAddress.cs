using Microsoft.AspNetCore.Routing.Template;

namespace TrajectoirEss.Web.Startup;

/// <summary>
/// The answer for an address no endpoint takes: 405 with an Allow header when the path is a route of the
/// app called with another method (a GET on a form's POST-only action), else 404. Needed because the
/// catch-all fallback (which keeps anonymous visitors of unknown pages away from the login page) would
/// otherwise turn every wrong method into a 404. Route constraints are not checked: a path that looks like
/// a route is answered 405.
/// </summary>
internal static class UnknownAddress
{
    private static readonly Lock Gate = new();
    private static List<(TemplateMatcher Matcher, IReadOnlyList<string> Methods)>? _routes;

    public static Task HandleAsync(HttpContext context)
    {
        var allowed = Routes(context.RequestServices)
            .Where(r => r.Matcher.TryMatch(context.Request.Path, []))
            .SelectMany(r => r.Methods)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (allowed.Count > 0 && !allowed.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase))
        {
            context.Response.Headers.Allow = string.Join(", ", allowed);
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Task.CompletedTask;
    }

    private static List<(TemplateMatcher Matcher, IReadOnlyList<string> Methods)> Routes(IServiceProvider services)
    {
        lock (Gate)
        {
            return _routes ??= services.GetRequiredService<EndpointDataSource>().Endpoints
                .OfType<RouteEndpoint>()
                .Where(e => e.Metadata.GetMetadata<ISuppressMatchingMetadata>()?.SuppressMatching != true
                            && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 }
                            && e.RoutePattern.RawText is { } raw && !raw.Contains("{*", StringComparison.Ordinal))
                .Select(e => (new TemplateMatcher(TemplateParser.Parse(e.RoutePattern.RawText!.TrimStart('/')), []), e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods))
                .ToList();
        }
    }
}
