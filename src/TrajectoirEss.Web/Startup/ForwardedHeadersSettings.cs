using System.ComponentModel.DataAnnotations;
using System.Net;
using IPNetwork = System.Net.IPNetwork;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace TrajectoirEss.Web.Startup;

/// <summary>
/// Section "ForwardedHeaders": the reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are
/// believed. The client address they give is what the rate limits and the logs count; believed from anyone, it
/// would let a script pick a new address for each request. Empty (the default): the headers are ignored and the
/// client address is the connection's. Blank entries are ignored (an unset variable of docker-compose).
/// </summary>
public sealed class ForwardedHeadersSettings : IValidatableObject
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of the proxies, e.g. <c>10.0.0.5</c>.</summary>
    public List<string?> KnownProxies { get; } = [];

    /// <summary>Networks the proxies connect from, in CIDR notation, e.g. <c>172.31.250.0/24</c>.</summary>
    public List<string?> KnownNetworks { get; } = [];

    public IEnumerable<IPAddress> Proxies => Filled(KnownProxies).Select(IPAddress.Parse);

    public IEnumerable<IPNetwork> Networks => Filled(KnownNetworks).Select(n => IPNetwork.Parse(n));

    /// <summary>Whether any proxy is trusted; without one, the forwarded headers are not read at all.</summary>
    public bool TrustsAProxy => Filled(KnownProxies).Any() || Filled(KnownNetworks).Any();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in Filled(KnownProxies).Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"ForwardedHeaders:KnownProxies: « {proxy} » is not an IP address (e.g. 10.0.0.5).", [nameof(KnownProxies)]);
        }

        foreach (var network in Filled(KnownNetworks).Where(n => !IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"ForwardedHeaders:KnownNetworks: « {network} » is not a network in CIDR notation (e.g. 172.31.250.0/24).", [nameof(KnownNetworks)]);
        }
    }

    private static IEnumerable<string> Filled(IEnumerable<string?> values) => values.OfType<string>().Select(v => v.Trim()).Where(v => v.Length > 0);
}

internal static class ForwardedHeadersSetup
{
    /// <summary>
    /// The setting, validated at start, and the forwarded-headers options made from it: only the configured proxies
    /// (ASP.NET Core's default trusts the loopback; with both lists emptied it would trust everyone). The host's own
    /// switch <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c>, which trusts every sender, is refused.
    /// </summary>
    public static IServiceCollection AddPortalForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ForwardedHeadersSettings>()
            .Bind(configuration.GetSection(ForwardedHeadersSettings.Section))
            .ValidateDataAnnotations()
            .Validate(
                _ => !string.Equals(configuration["FORWARDEDHEADERS_ENABLED"], "true", StringComparison.OrdinalIgnoreCase),
                "ASPNETCORE_FORWARDEDHEADERS_ENABLED trusts X-Forwarded-For from anyone (any client could choose its address): remove it and set ForwardedHeaders:KnownProxies or ForwardedHeaders:KnownNetworks to the reverse proxy's address.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((options, settings) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in settings.Value.Proxies)
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var network in settings.Value.Networks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });
        return services;
    }

    /// <summary>First in the pipeline, so that the logs and the rate limits see the client's address; only when a proxy is configured.</summary>
    public static WebApplication UsePortalForwardedHeaders(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value.TrustsAProxy)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
