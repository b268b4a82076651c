namespace TrajectoirEss.Web.Features.Shared;

/// <summary>
/// What the person typed, for a page shown again after a refused submission: its forms are filled from the
/// posted values (null on a GET, or for a field that was not sent).
/// </summary>
public static class PostedForm
{
    public static string? Posted(this HttpRequest request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HasFormContentType && request.Form.TryGetValue(name, out var value) ? value.ToString() : null;
    }
}
