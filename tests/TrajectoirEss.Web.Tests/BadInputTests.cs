using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

/// <summary>
/// The corpus of hostile and malformed inputs (<see cref="HostileInputs"/>) sent to every form (every POST
/// endpoint, each field found from the action's parameters) and to the query parameters of every page
/// and API that takes some: never a 500; a malformed input gets a clear message and writes nothing
/// (every table compared before and after); hostile text is stored as typed and always shown encoded.
/// </summary>
public sealed class BadInputTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    /// <summary>A field an action binds: its name in the form or query, and its kind.</summary>
    public sealed record Field(string Name, FieldKind Kind, Type Type);

    public sealed record Target(string Key, string Method, Func<SeededPortal, string> Path, Actor Actor, IReadOnlyList<Field> Fields);

    // Logging out is left out: its only effect is to end the session, which the other requests need.
    private static readonly string[] LeftOut = ["POST compte/deconnexion", "GET erreur/{code:int}"];

    private static FieldKind KindOf(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? (type.IsArray ? type.GetElementType()! : type);
        t = Nullable.GetUnderlyingType(t) ?? t;
        return t switch
        {
            _ when t == typeof(string) => FieldKind.Text,
            _ when t == typeof(bool) => FieldKind.Bool,
            _ when t.IsEnum => FieldKind.Enum,
            _ when t == typeof(Guid) => FieldKind.Id,
            _ when t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset) => FieldKind.Date,
            _ when t.IsPrimitive || t == typeof(decimal) => FieldKind.Number,
            _ => FieldKind.Any,
        };
    }

    /// <summary>The endpoints of the matrix that take input, with their fields and someone allowed to call them.</summary>
    private List<Target> Targets()
    {
        var actions = portal.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items.OfType<ControllerActionDescriptor>();
        var targets = new List<Target>();
        foreach (var action in actions)
        {
            var template = action.AttributeRouteInfo?.Template?.TrimStart('/') ?? string.Empty;
            var method = action.EndpointMetadata.OfType<IHttpMethodMetadata>().FirstOrDefault()?.HttpMethods is { Count: > 0 } verbs ? verbs[0] : "GET";
            var key = $"{method} {template}";
            if (LeftOut.Contains(key) || !AuthorizationMatrixTests.Matrix.TryGetValue(key, out var entry))
            {
                continue;
            }

            var fields = new List<Field>();
            foreach (var parameter in action.Parameters.OfType<ControllerParameterDescriptor>())
            {
                if (parameter.ParameterType == typeof(CancellationToken) || template.Contains("{" + parameter.Name, StringComparison.Ordinal))
                {
                    continue;
                }

                var prefix = parameter.BindingInfo?.BinderModelName;
                if (KindOf(parameter.ParameterType) != FieldKind.Any)
                {
                    fields.Add(new Field(prefix ?? parameter.Name, KindOf(parameter.ParameterType), parameter.ParameterType));
                    continue;
                }

                foreach (var property in parameter.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true && KindOf(p.PropertyType) != FieldKind.Any))
                {
                    fields.Add(new Field(prefix is null ? property.Name : $"{prefix}.{property.Name}", KindOf(property.PropertyType), property.PropertyType));
                }
            }

            if (method == "GET" && fields.Count == 0)
            {
                continue;
            }

            var actor = new[] { Actor.Admin, Actor.Porteur, Actor.PoleStaff, Actor.Financer, Actor.StructureWithReferral, Actor.Coordinator }
                .First(a => AuthorizationMatrixTests.Expected(entry.Rule, a) == "allowed");
            targets.Add(new Target(key, method, entry.Path, actor, fields));
        }

        Assert.True(targets.Count(t => t.Method == "POST") > 70, $"{targets.Count} endpoints found");
        return [.. targets.OrderBy(t => t.Key, StringComparer.Ordinal)];
    }

    /// <summary>A harmless valid value for a field the input is not aimed at.</summary>
    private static string Baseline(Field field)
    {
        var type = Nullable.GetUnderlyingType(field.Type) ?? (field.Type.IsArray ? field.Type.GetElementType()! : field.Type);
        type = Nullable.GetUnderlyingType(type) ?? type;
        return field.Kind switch
        {
            FieldKind.Text => "Texte ordinaire",
            FieldKind.Number => "1",
            FieldKind.Bool => "false",
            FieldKind.Id => Guid.NewGuid().ToString(),
            FieldKind.Date when type == typeof(DateOnly) => "2027-01-15",
            FieldKind.Date => "2027-01-15T10:00",
            FieldKind.Enum => Enum.GetNames(type)[^1],
            _ => string.Empty,
        };
    }

    /// <summary>The form (or query) for one input: the input in every field of its kind, the others ordinary; null when no field is of its kind.</summary>
    private static byte[]? Payload(Target target, HostileInput input, string? token)
    {
        var aimed = target.Fields.Where(f => input.Target == FieldKind.Any || f.Kind == input.Target).ToList();
        if (aimed.Count == 0 && input.Target != FieldKind.Any)
        {
            return null;
        }

        var body = new List<byte>();
        void Add(string name, byte[] value)
        {
            if (body.Count > 0)
            {
                body.Add((byte)'&');
            }

            body.AddRange(Encoding.ASCII.GetBytes(Uri.EscapeDataString(name)));
            body.Add((byte)'=');
            body.AddRange(value);
        }

        if (token is not null)
        {
            Add("__RequestVerificationToken", Encoding.ASCII.GetBytes(Uri.EscapeDataString(token)));
        }

        foreach (var field in target.Fields)
        {
            Add(field.Name, aimed.Contains(field) ? input.Raw : Encoding.ASCII.GetBytes(Uri.EscapeDataString(Baseline(field))));
        }

        if (target.Fields.Count == 0)
        {
            Add("champ", input.Raw);
        }

        return [.. body];
    }

    private async Task<HttpResponseMessage> SendAsync(HtmlClient client, Target target, byte[] payload)
    {
        var path = target.Path(portal);
        if (target.Method == "GET")
        {
            return await client.GetAsync(path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + Encoding.ASCII.GetString(payload));
        }

        using var content = new ByteArrayContent(payload);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return await client.Http.PostAsync(path, content);
    }

    /// <summary>A refusal a person can read: the form again with its errors, or the French error page, or a problem document.</summary>
    private static async Task<bool> ExplainsAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return response.Content.Headers.ContentType?.MediaType switch
        {
            "application/problem+json" or "application/json" => text.Contains("\"detail\"", StringComparison.Ordinal) || text.Contains("\"title\"", StringComparison.Ordinal),
            _ => text.Contains("data-testid=\"error-summary\"", StringComparison.Ordinal) || text.Contains("data-testid=\"refused\"", StringComparison.Ordinal)
                 || text.Contains("data-testid=\"error-page\"", StringComparison.Ordinal) || text.Contains("data-testid=\"message\"", StringComparison.Ordinal),
        };
    }

    /// <summary>One signed-in client per actor the targets need (signing in writes the last-login time: done before any snapshot).</summary>
    private async Task<Dictionary<Actor, (HtmlClient Client, string Token)>> SessionsAsync()
    {
        var clients = new Dictionary<Actor, (HtmlClient Client, string Token)>();
        foreach (var actor in Targets().Select(t => t.Actor).Distinct())
        {
            var client = await portal.ClientForAsync(actor);
            clients[actor] = (client, await SeededPortal.TokenAsync(client));
        }

        return clients;
    }

    private async Task<List<string>> RunAsync(IEnumerable<HostileInput> inputs, Func<Target, bool> which, bool malformed, Dictionary<Actor, (HtmlClient Client, string Token)>? sessions = null)
    {
        var clients = sessions ?? await SessionsAsync();
        var problems = new List<string>();
        var sent = 0;
        foreach (var target in Targets().Where(which))
        {
            var session = clients[target.Actor];

            foreach (var input in inputs)
            {
                if (target.Method == "GET" && input.Raw.Length > 8_000)
                {
                    continue;
                }

                var payload = Payload(target, input, target.Method == "POST" ? session.Token : null);
                if (payload is null)
                {
                    continue;
                }

                sent++;
                using var response = await SendAsync(session.Client, target, payload);
                var status = (int)response.StatusCode;
                if (status >= 500)
                {
                    problems.Add($"{target.Key} ← {input}: {status}");
                }
                else if (malformed && status != 302 && !(target.Method == "GET" && status == 200) && !await ExplainsAsync(response))
                {
                    problems.Add($"{target.Key} ← {input}: {status} without a message");
                }
                else if (malformed && target.Method == "POST" && status == 200 && !await ExplainsAsync(response))
                {
                    problems.Add($"{target.Key} ← {input}: accepted (200)");
                }
            }
        }

        foreach (var (client, _) in clients.Values)
        {
            client.Dispose();
        }

        Assert.True(sent > 0);
        return problems;
    }

    [Fact]
    public void TheCorpus_HoldsOver200Inputs_OfEveryFamily()
    {
        Assert.True(HostileInputs.All.Count >= 200, $"{HostileInputs.All.Count} inputs");
        Assert.All(Enum.GetValues<FieldKind>(), kind => Assert.Contains(HostileInputs.All, i => i.Target == kind));
    }

    /// <summary>A multipart form cut short (no closing boundary, a value cut in the middle): the reader fails on it wherever it is sent.</summary>
    [Theory]
    [InlineData(Actor.Anonymous, "POST", "/compte/connexion")]
    [InlineData(Actor.Anonymous, "POST", "/compte/inscription")]
    [InlineData(Actor.Anonymous, "GET", "/")]
    [InlineData(Actor.Anonymous, "POST", "/une/adresse/inconnue")]
    [InlineData(Actor.Anonymous, "GET", "/api/communes?q=mor")]
    [InlineData(Actor.PoleStaff, "POST", "/pole/projets/{project}/notes")]
    public async Task ATruncatedMultipartBody_AnywhereIs400_WithAFrenchMessage(Actor actor, string method, string url)
    {
        using var client = await portal.ClientForAsync(actor);
        const string Cut = "--limite\r\nContent-Disposition: form-data; name=\"Email\"\r\n\r\nquelqu-un@exemple.test\r\n--limite\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nUne note coup";
        using var request = new HttpRequestMessage(new HttpMethod(method), url.Replace("{project}", portal.ProjectId.ToString(), StringComparison.Ordinal))
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Cut)),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=limite");

        using var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var message = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString()
            : (await HtmlClient.ParseAsync(response)).QuerySelector("[data-testid=error-detail]")?.TextContent;
        Assert.StartsWith("Le formulaire envoyé est arrivé incomplet", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ControlCharacters_InvalidUtf8_AndOversizedForms_AreRefusedEverywhere_AndWriteNothing()
    {
        var sessions = await SessionsAsync();
        var before = await DatabaseSnapshot.TakeAsync(portal.ConnectionString, "data_protection_keys");

        var problems = await RunAsync(HostileInputs.All.Where(i => i.Target == FieldKind.Any), _ => true, malformed: true, sessions);

        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join('\n', problems.Take(60)));
        Assert.Empty((await DatabaseSnapshot.TakeAsync(portal.ConnectionString, "data_protection_keys")).ChangedSince(before));
    }

    [Fact]
    public async Task OversizedText_ImpossibleNumbersDatesValuesAndIds_AreRefused_AndWriteNothing()
    {
        var sessions = await SessionsAsync();
        var before = await DatabaseSnapshot.TakeAsync(portal.ConnectionString, "data_protection_keys");

        var problems = await RunAsync(HostileInputs.All.Where(i => i.Malformed && i.Target != FieldKind.Any), t => t.Method == "POST", malformed: true, sessions);

        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join('\n', problems.Take(60)));
        Assert.Empty((await DatabaseSnapshot.TakeAsync(portal.ConnectionString, "data_protection_keys")).ChangedSince(before));
    }

    [Fact]
    public async Task EveryInput_InTheQueryOfPagesAndTheApi_NeverFails()
    {
        var problems = await RunAsync(HostileInputs.All, t => t.Method == "GET", malformed: false);

        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join('\n', problems.Take(60)));
    }

    [Fact]
    public async Task HostileText_IsAcceptedOrRefusedCleanly_EverywhereNeverA500_AndShownEncoded()
    {
        var problems = await RunAsync(HostileInputs.HostileTextSample, t => t.Method == "POST", malformed: false);
        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join('\n', problems.Take(60)));

        // The whole family through the forms that store text and show it back.
        var texts = HostileInputs.All.Where(i => !i.Malformed).ToList();
        problems = await RunAsync(texts, t => t.Key is "POST pole/projets/{id:guid}/notes" or "POST porteur/projets/{id:guid}/messages" or "POST admin/listes/{kind}/ajouter", malformed: false);
        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join('\n', problems.Take(60)));

        using var pole = await portal.ClientForAsync(Actor.PoleStaff);
        using var admin = await portal.ClientForAsync(Actor.Admin);
        using var porteur = await portal.ClientForAsync(Actor.Porteur);
        var pages = new[]
        {
            await (await pole.GetAsync($"/pole/projets/{portal.ProjectId}")).Content.ReadAsStringAsync(),
            await (await porteur.GetAsync($"/porteur/projets/{portal.ProjectId}")).Content.ReadAsStringAsync(),
            await (await admin.GetAsync("/admin/listes/Sector")).Content.ReadAsStringAsync(),
        };
        foreach (var page in pages)
        {
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
            foreach (var raw in new[] { "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg/onload=alert(1)>", "<iframe src=//evil.example>", "<base href=", "<body onload", "<input autofocus" })
            {
                Assert.DoesNotContain(raw, page, StringComparison.OrdinalIgnoreCase);
            }
        }

        // Stored as typed: the SQL did not run, the text is there.
        Assert.Contains(await portal.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.InternalNotes.Select(n => n.Body))), b => b == "'; DROP TABLE projects; --");
        Assert.True(await portal.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Projects)));
    }
}
