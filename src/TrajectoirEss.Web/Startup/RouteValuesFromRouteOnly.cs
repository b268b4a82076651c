using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing.Template;

namespace TrajectoirEss.Web.Startup;

/// <summary>
/// An action parameter named like a parameter of its route template (<c>{id}</c>, <c>{referralId}</c>, <c>{code}</c>…)
/// is bound from the route only. By default MVC takes the first value it finds among the form, the route and the
/// query string, so a form field <c>id=B</c> posted to <c>/pole/projets/A/notes</c> acted on B (authorised, but not the
/// record of the URL that the logs name), and the error page re-executed for a POST read its status code from the form.
/// </summary>
internal sealed class RouteValuesFromRouteOnly : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var names = action.Selectors
            .Concat(action.Controller.Selectors)
            .Select(s => s.AttributeRouteModel?.Template)
            .OfType<string>()
            .SelectMany(RouteParameters)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in action.Parameters.Where(p => names.Contains(p.ParameterName) && p.BindingInfo?.BindingSource is null))
        {
            parameter.BindingInfo ??= new BindingInfo();
            parameter.BindingInfo.BindingSource = BindingSource.Path;
        }
    }

    private static IEnumerable<string> RouteParameters(string template)
    {
        try
        {
            return TemplateParser.Parse(template).Parameters.Select(p => p.Name!);
        }
        catch (ArgumentException)
        {
            return [];
        }
    }
}
