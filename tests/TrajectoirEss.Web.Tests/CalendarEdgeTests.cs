using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

/// <summary>What the hostile tester sent (issue 19, item 20): values at the edges answer a clear 400 or a page, never a 500.</summary>
public sealed class CalendarEdgeTests(CalendarEdgeTests.Fixture portal) : IClassFixture<CalendarEdgeTests.Fixture>
{
    [Theory]
    [InlineData(Fixture.Pole, "/pole?From=0001-01-01")]
    [InlineData(Fixture.Pole, "/pole?To=9999-12-31")]
    [InlineData(Fixture.Pole, "/pole?From=9999-12-31&To=9999-12-31")]
    [InlineData(Fixture.Pole, "/pole/indicateurs?Du=9999-12-31&Au=9999-12-31")]
    [InlineData(Fixture.Coordinator, "/coordination?Du=0001-01-01&Au=0001-01-05")]
    [InlineData(Fixture.Coordinator, "/coordination?Du=9999-12-30&Au=9999-12-31")]
    [InlineData(Fixture.Coordinator, "/coordination/export.csv?Du=0001-01-01&Au=0001-01-05")]
    [InlineData(Fixture.Coordinator, "/coordination/export.xlsx?Du=0001-01-01&Au=0001-01-05")]
    public async Task DatesAtTheEdgesOfTheCalendar_NeverAnswer500(string account, string url)
    {
        using var client = await portal.SignInAsync(account);

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task TheDashboard_WithADateOutOfRange_ShowsItsFormAgain_WithTheMessageBesideTheDate()
    {
        using var client = await portal.SignInAsync(Fixture.Coordinator);

        using var response = await client.GetAsync("/coordination?Du=0001-01-01&Au=0001-01-05");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(Domain.Common.PlausibleDates.Message, (await HtmlClient.ParseAsync(response)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0001-01-01T10:00")]
    [InlineData("9999-12-31T23:59")]
    public async Task AMeetingAtTheEdgeOfTheCalendar_ShowsTheFileAgain_WithTheMessageBesideTheDate_AndRecordsNothing(string heldAt)
    {
        var projectId = await portal.SeedSubmittedProjectAsync("adess-du-pays-de-morlaix", "29151", "Projet au rendez-vous impossible " + heldAt[..4]);
        using var client = await portal.SignInAsync(Fixture.Pole);
        var file = await client.GetDocumentAsync($"/pole/projets/{projectId}");
        var form = file.QuerySelectorAll("form").OfType<IHtmlFormElement>().Single(f => f.Action.EndsWith("/rendez-vous", StringComparison.Ordinal));

        using var response = await client.SubmitAsync(form, new() { ["Date et heure"] = heldAt, ["Compte rendu"] = "Premier rendez-vous." });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlClient.ParseAsync(response);
        Assert.Equal(Domain.Common.PlausibleDates.Message, page.ErrorFor("heldAt"));
        Assert.Equal(heldAt, page.QuerySelector("#heldAt")!.GetAttribute("value"));
        Assert.Equal(0, await portal.WithDbAsync(db => db.Meetings.CountAsync(m => m.ProjectId == projectId)));
    }

    [Theory]
    [InlineData("/invitation/%20")]
    [InlineData("/invitation/%20%20%20")]
    public async Task AWhitespaceInvitationToken_IsNotAServerError(string url)
    {
        using var client = await portal.SignInAsync(Fixture.Porteur);

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    public sealed class Fixture : PortalFactory
    {
        public const string Pole = "bord-pole@exemple.test";
        public const string Coordinator = "bord-coordination@exemple.test";
        public const string Porteur = "bord-porteur@exemple.test";

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await CreateUserAsync(Pole, Roles.PoleStaff, poleCode: "adess-du-pays-de-morlaix");
            await CreateUserAsync(Coordinator, Roles.Coordinator);
            await CreateUserAsync(Porteur, Roles.Porteur);
        }
    }
}
