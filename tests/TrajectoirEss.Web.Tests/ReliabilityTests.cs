using System.Net;
using System.Net.Sockets;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Web.Tests.Infrastructure;
using static TrajectoirEss.Web.Tests.Infrastructure.PageForms;

namespace TrajectoirEss.Web.Tests;

/// <summary>Several instances, double submissions and retries, and a graceful stop on SIGTERM.</summary>
public sealed class ReliabilityTests(StructureWorkspaceTests.Fixture portal) : IClassFixture<StructureWorkspaceTests.Fixture>
{
    [Fact]
    public async Task TwoInstances_ShareLogins_AndANewInstanceKeepsThem()
    {
        await portal.CreateUserAsync("deux-instances@exemple.test", Roles.Porteur);
        var cookie = await portal.SessionCookieAsync("deux-instances@exemple.test");

        // Another instance of the app (another process behind the same load balancer, or the app restarted):
        // the Data Protection keys are in PostgreSQL, so the cookie issued by the first one opens the session.
        await using (var second = portal.AnotherInstance())
        {
            Assert.Equal(HttpStatusCode.OK, await second.GetWithCookieAsync(cookie, "/porteur"));
        }

        await using var restarted = portal.AnotherInstance();
        Assert.Equal(HttpStatusCode.OK, await restarted.GetWithCookieAsync(cookie, "/porteur/mes-donnees"));
        Assert.Equal(HttpStatusCode.OK, await portal.GetWithCookieAsync(cookie, "/porteur"));
    }

    [Fact]
    public async Task AStaffActionSentTwice_OneAfterTheOther_OrAtOnce_IsRecordedOnce()
    {
        var (referralId, projectId, _) = await portal.ReferAsync("fab-cap-creation-ess", "Cantine solidaire");
        using var fab = await portal.SignInAsync(StructureWorkspaceTests.Fixture.FranceActive);
        var page = await fab.GetDocumentAsync($"/structure/orientations/{referralId}");
        using var _ = await fab.SubmitAsync(FormFor(page, "/accepter"), []);
        page = await fab.GetDocumentAsync($"/structure/orientations/{referralId}");
        var form = FormFor(page, "/financement");
        var values = new Dictionary<string, string> { ["instrument"] = "CapCreationEss", ["amountRequested"] = "8000", ["study"] = "Étude de faisabilité" };

        // A double click: the same form, twice, at the same time; then once more (a retry after a timeout).
        var responses = await Task.WhenAll(fab.SubmitAsync(form, values), fab.SubmitAsync(form, values));
        using var retried = await fab.SubmitAsync(form, values);

        Assert.Equal(1, await portal.WithDbAsync(db => db.FinancingApplications.CountAsync(f => f.ProjectId == projectId)));
        Assert.All(responses.Append(retried), r => Assert.True((int)r.StatusCode < 500, $"{(int)r.StatusCode}"));
        Assert.Contains("attend déjà la décision du comité", (await HtmlClient.ParseAsync(retried)).QuerySelector("[data-testid=error-summary]")!.TextContent, StringComparison.Ordinal);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task AnEnrolmentSentTwice_AtOnce_IsRecordedOnce()
    {
        var (referralId, _, _) = await portal.ReferAsync("tag29-ideateur", "Jardin partagé");
        using var tag = await portal.SignInAsync(StructureWorkspaceTests.Fixture.Tag29);
        var accept = await tag.GetDocumentAsync($"/structure/orientations/{referralId}");
        using var _ = await tag.SubmitAsync(FormFor(accept, "/accepter"), []);
        var programmeId = await portal.WithDbAsync(db => db.Programmes.Where(p => p.Code == "tag29-ideateur").Select(p => p.Id).SingleAsync());
        var sessions = await tag.GetDocumentAsync("/structure/sessions");
        using var created = await tag.SubmitAsync(FormFor(sessions, "/structure/sessions"), new()
        {
            ["programmeId"] = programmeId.ToString(), ["Nom de la session"] = "Session du double clic", ["Début"] = "2027-01-10", ["Fin"] = "2027-03-10", ["Places"] = "5", ["Lieu"] = "Brest",
        });
        var sessionId = Guid.Parse(created.RequestMessage!.RequestUri!.AbsolutePath.Split('/')[3]);
        var form = FormFor(await tag.GetDocumentAsync($"/structure/sessions/{sessionId}"), "/inscriptions");
        var values = new Dictionary<string, string> { ["referralId"] = referralId.ToString(), ["Porteurs qui participent"] = "2" };

        var responses = await Task.WhenAll(tag.SubmitAsync(form, values), tag.SubmitAsync(form, values), tag.SubmitAsync(form, values));

        Assert.Equal(1, await portal.WithDbAsync(db => db.Enrolments.CountAsync(e => e.ReferralId == referralId && e.Status != EnrolmentStatus.Left)));
        Assert.All(responses, r => Assert.True((int)r.StatusCode < 500, $"{(int)r.StatusCode}"));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task OnSigterm_ARequestInFlightCompletes_ThenTheProcessExitsCleanly()
    {
        var port = AppProcess.FreePort();
        await using var app = AppProcess.Start(portal.ConnectionString, new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" });
        using (var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") })
        {
            var ready = false;
            for (var i = 0; i < 120 && !ready; i++)
            {
                try
                {
                    ready = (await http.GetAsync("/health/live")).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(250);
                }
            }

            Assert.True(ready, "The portal did not start: " + app.Output);
        }

        // A slow client: headers and half of the body sent, then the signal, then the rest of the body.
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        var stream = client.GetStream();
        var body = "Email=lent%40exemple.test&Password=une+phrase+assez+longue"u8.ToArray();
        var head = Encoding.ASCII.GetBytes($"POST /compte/connexion HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(head);
        await stream.WriteAsync(body.AsMemory(0, 10));
        await stream.FlushAsync();
        await Task.Delay(500);

        app.Terminate();
        await Task.Delay(1_000);
        await stream.WriteAsync(body.AsMemory(10));
        await stream.FlushAsync();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var statusLine = await reader.ReadLineAsync();

        // Refused for its missing antiforgery token: what matters is a whole answer, not a cut connection.
        Assert.Equal("HTTP/1.1 400 Bad Request", statusLine);
        Assert.Equal(0, await app.WaitForExitAsync(TimeSpan.FromSeconds(30)));
    }
}
