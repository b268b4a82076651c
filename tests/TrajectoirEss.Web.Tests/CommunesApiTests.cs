using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

public sealed class CommunesApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<JsonElement[]> SearchAsync(string query)
    {
        using var client = portal.CreateClient();
        using var response = await client.GetAsync("/api/communes?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement[]>())!;
    }

    [Theory]
    [InlineData("quimperle")]
    [InlineData("QUIMPERLÉ")]
    [InlineData("Quimperlé")]
    [InlineData("  quimper")]
    public async Task Search_MatchesNamesIgnoringAccentsAndCase(string query)
    {
        var results = await SearchAsync(query);
        Assert.Contains(results, r => r.GetProperty("nom").GetString() == "Quimperlé");
    }

    [Fact]
    public async Task Search_ReturnsTheDocumentedShape()
    {
        var quimperle = Assert.Single(await SearchAsync("quimperle"));

        Assert.Equal("29233", quimperle.GetProperty("code").GetString());
        Assert.Equal("Quimperlé", quimperle.GetProperty("nom").GetString());
        Assert.Equal(["29300"], quimperle.GetProperty("codesPostaux").EnumerateArray().Select(c => c.GetString()!).ToArray());
        Assert.Equal("29", quimperle.GetProperty("departement").GetString());
        var pole = quimperle.GetProperty("pole");
        Assert.True(Guid.TryParse(pole.GetProperty("id").GetString(), out _));
        Assert.False(string.IsNullOrEmpty(pole.GetProperty("nom").GetString()));
    }

    [Fact]
    public async Task Search_ByPostalCode_FindsTheCommunes()
    {
        var results = await SearchAsync("35000");
        Assert.Contains(results, r => r.GetProperty("nom").GetString() == "Rennes");
    }

    [Fact]
    public async Task Search_MatchesAWordInsideTheName_AndPutsPrefixMatchesFirst()
    {
        var results = await SearchAsync("brieuc");
        Assert.Contains(results, r => r.GetProperty("nom").GetString() == "Saint-Brieuc");

        var saint = await SearchAsync("saint");
        Assert.StartsWith("Saint", saint[0].GetProperty("nom").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_ReturnsAtMost20Items()
    {
        Assert.Equal(20, (await SearchAsync("pl")).Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("q")]
    [InlineData(" é ")]
    [InlineData("%_")]
    public async Task Search_WithAnEmptyOrOneCharacterQuery_ReturnsAnEmptyList(string query)
    {
        Assert.Empty(await SearchAsync(query));
    }

    [Fact]
    public async Task Search_WithoutQuery_ReturnsAnEmptyList()
    {
        using var client = portal.CreateClient();
        var results = await client.GetFromJsonAsync<JsonElement[]>("/api/communes");
        Assert.Empty(results!);
    }

    [Fact]
    public async Task Search_WithAQueryOver100Characters_Answers400()
    {
        using var client = portal.CreateClient();
        using var response = await client.GetAsync("/api/communes?q=" + new string('a', 101));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("'; DROP TABLE communes; --")]
    [InlineData("<script>alert(1)</script>")]
    public async Task Search_WithHostileInput_AnswersCleanly(string query)
    {
        var results = await SearchAsync(query);
        Assert.All(results, r => Assert.DoesNotContain("<", r.GetRawText(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\u0000\u0001")]
    [InlineData("Morl\u0000aix")]
    [InlineData("\uFFFD")]
    public async Task Search_WithControlCharacters_IsRefusedWithAProblem(string query)
    {
        using var client = portal.CreateClient();
        using var response = await client.GetAsync("/api/communes?q=" + Uri.EscapeDataString(query));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("caractères non autorisés", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
