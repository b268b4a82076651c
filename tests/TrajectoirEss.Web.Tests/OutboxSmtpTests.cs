using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrajectoirEss.Domain;
using TrajectoirEss.Infrastructure.Email;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

/// <summary>The portal configured for SMTP, towards a fake mail server on a loopback port, with a clock the tests move.</summary>
public sealed class SmtpPortal : PortalFactory
{
    public FakeSmtpServer Smtp { get; } = new();

    /// <summary>On a whole second: PostgreSQL keeps microseconds, the clock's ticks are a tenth of one.</summary>
    public TestClock Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    /// <summary>The longest a message may take with the server (kept short: one test waits for it).</summary>
    public const int TimeoutSeconds = 2;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Smtp.BecomeAsync(SmtpBehaviour.Accepts);
    }

    public override async ValueTask DisposeAsync()
    {
        await Smtp.DisposeAsync();
        await base.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Email:Delivery", "Smtp");
        builder.UseSetting("Email:SmtpHost", "127.0.0.1");
        builder.UseSetting("Email:SmtpPort", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Email:SmtpUseStartTls", "false");
        builder.UseSetting("Email:SmtpTimeoutSeconds", TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    /// <summary>One round of the dispatcher, as the background service runs it.</summary>
    internal async Task<OutboxRound> DispatchOnceAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().RunOnceAsync();
    }

    public Task<OutboxMessage> MessageToAsync(string address) =>
        WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ToAddress == address));
}

/// <summary>
/// A slow, refusing or absent mail server never turns a saved action into an error: the message waits in the
/// outbox, is retried with back-off, given up after its attempts (and shown to administrators, who can send
/// it again), and reaches the server exactly once when it accepts.
/// </summary>
public sealed class OutboxSmtpTests(SmtpPortal portal) : IClassFixture<SmtpPortal>
{
    private static string NewEmail(string prefix) => $"{prefix}-{Guid.NewGuid():N}@exemple.test";

    [Theory]
    [InlineData(SmtpBehaviour.Refuses, "Refusé par le serveur SMTP (554)")]
    [InlineData(SmtpBehaviour.Down, "Connexion impossible au serveur SMTP")]
    [InlineData(SmtpBehaviour.Silent, "n'a pas répondu en 2 s")]
    public async Task ForgottenPassword_Succeeds_WhileTheMailServerFails_ThenTheMessageLeavesOnce_WhenTheServerAcceptsAfterTheBackoff(SmtpBehaviour failure, string error)
    {
        var email = NewEmail("oubli");
        await portal.CreateUserAsync(email, Roles.Porteur);
        await portal.Smtp.BecomeAsync(failure);

        using var client = portal.CreateHtmlClient();
        using var response = await client.SubmitAsync((await client.GetDocumentAsync("/compte/mot-de-passe-oublie")).Form(), new() { ["Adresse électronique"] = email });
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Vérifiez votre messagerie", (await HtmlClient.ParseAsync(response)).QuerySelector("h1")!.TextContent.Trim());
        var waiting = await portal.MessageToAsync(email);
        Assert.Equal((0, null, null), (waiting.Attempts, waiting.SentAt, waiting.FailedAt));

        await portal.DispatchOnceAsync();
        var failed = await portal.MessageToAsync(email);
        Assert.Equal(1, failed.Attempts);
        Assert.True(failed.IsWaiting);
        Assert.Contains(error, failed.LastError, StringComparison.Ordinal);
        Assert.Equal(portal.Clock.GetUtcNow() + TimeSpan.FromSeconds(30), failed.NextAttemptAt);

        // The server accepts again; the message waits for its back-off, then leaves, once.
        await portal.Smtp.BecomeAsync(SmtpBehaviour.Accepts);
        await portal.DispatchOnceAsync();
        Assert.Empty(portal.Smtp.ReceivedBy(email));
        portal.Clock.Advance(TimeSpan.FromSeconds(30));
        await portal.DispatchOnceAsync();
        await portal.DispatchOnceAsync();

        var received = Assert.Single(portal.Smtp.ReceivedBy(email));
        Assert.Equal("Choisir un nouveau mot de passe", received.Subject);
        Assert.Contains("/compte/nouveau-mot-de-passe?userId=", received.TextBody, StringComparison.Ordinal);
        Assert.StartsWith(failed.Id.ToString("N"), received.MessageId, StringComparison.Ordinal);
        var sent = await portal.MessageToAsync(email);
        Assert.Equal((2, portal.Clock.GetUtcNow()), (sent.Attempts, sent.SentAt));

        // Once sent, the bodies (and the single-use link in them) are no longer kept.
        Assert.Equal((string.Empty, string.Empty), (sent.TextBody, sent.HtmlBody));
    }

    [Fact]
    public async Task SubmittingAProject_Succeeds_WhileTheMailServerRefuses_AndItsAcknowledgementLeavesLater()
    {
        var email = NewEmail("porteur");
        await portal.CreateUserAsync(email, Roles.Porteur);
        using var client = await portal.SignInAsync(email);
        await portal.Smtp.BecomeAsync(SmtpBehaviour.Refuses);

        var form = await client.GetDocumentAsync("/porteur/projets/nouveau");
        using var review = await client.SubmitAsync(form.Form(), Idea());
        using var submitted = await client.SubmitAsync((await HtmlClient.ParseAsync(review)).Form(), []);
        var details = await HtmlClient.ParseAsync(submitted);
        Assert.Contains("Votre projet est déposé", details.Flash(), StringComparison.Ordinal);

        await portal.DispatchOnceAsync();
        Assert.Equal(1, (await portal.MessageToAsync(email)).Attempts);
        await portal.Smtp.BecomeAsync(SmtpBehaviour.Accepts);
        portal.Clock.Advance(TimeSpan.FromSeconds(30));
        await portal.DispatchOnceAsync();

        Assert.Equal("Votre projet a bien été déposé", Assert.Single(portal.Smtp.ReceivedBy(email)).Subject);
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(7, 1920)]
    [InlineData(8, 3600)]
    [InlineData(20, 3600)]
    public void Backoff_Is30SecondsDoubling_AtMostOneHour(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), OutboxMessage.Backoff(attempts));

    [Fact]
    public async Task AMessageRefusedAtEveryAttempt_IsGivenUpAfterMaxAttempts_ShownToAdministrators_AndSentAgainFromThere()
    {
        var admin = NewEmail("admin");
        await portal.CreateUserAsync(admin, Roles.Admin);
        var to = NewEmail("destinataire");
        var subject = "Un courriel refusé " + Guid.NewGuid().ToString("N")[..6];
        await portal.Smtp.BecomeAsync(SmtpBehaviour.Refuses);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMailer>().SendAsync(new OutgoingEmail(to, "Awena Le Bihan", subject, "Bonjour", "<p>Bonjour</p>"));
        }

        // Eight attempts (Email:MaxAttempts), each after the previous one's back-off; the eighth gives up.
        var waits = new[] { 30, 60, 120, 240, 480, 960, 1920 };
        for (var attempt = 1; attempt <= 8; attempt++)
        {
            await portal.DispatchOnceAsync();
            var message = await portal.MessageToAsync(to);
            Assert.Equal(attempt, message.Attempts);
            if (attempt < 8)
            {
                Assert.Null(message.FailedAt);
                Assert.Equal(portal.Clock.GetUtcNow().AddSeconds(waits[attempt - 1]), message.NextAttemptAt);
                portal.Clock.Advance(TimeSpan.FromSeconds(waits[attempt - 1]));
            }
            else
            {
                Assert.Equal(portal.Clock.GetUtcNow(), message.FailedAt);
            }
        }

        portal.Clock.Advance(TimeSpan.FromDays(1));
        await portal.DispatchOnceAsync();
        Assert.Equal(8, (await portal.MessageToAsync(to)).Attempts);
        Assert.Empty(portal.Smtp.ReceivedBy(to));

        using var client = await portal.SignInAsync(admin);
        var home = await client.GetDocumentAsync("/admin");
        Assert.NotNull(home.QuerySelector("a[href='/admin/courriels'] [data-testid=given-up-emails-count]"));
        var page = await client.GetDocumentAsync("/admin/courriels");
        Assert.Equal("Courriels", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("1", page.QuerySelector("[data-testid=count-given-up]")!.TextContent.Trim());
        var row = page.QuerySelectorAll("[data-testid=given-up-email]").Single(r => r.TextContent.Contains(subject, StringComparison.Ordinal));
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Contains(to, cells[1], StringComparison.Ordinal);
        Assert.Contains("Awena Le Bihan", cells[1], StringComparison.Ordinal);
        Assert.Equal(subject, cells[2]);
        Assert.Equal("8", cells[3]);
        Assert.Contains("Refusé par le serveur SMTP (554)", cells[4], StringComparison.Ordinal);

        await portal.Smtp.BecomeAsync(SmtpBehaviour.Accepts);
        using var resent = await client.SubmitAsync((IHtmlFormElement)row.QuerySelector("form")!, []);
        var after = await HtmlClient.ParseAsync(resent);
        Assert.Contains($"Le courriel « {subject} » à {to} est remis dans la file d'envoi", after.Flash(), StringComparison.Ordinal);
        var requeued = await portal.MessageToAsync(to);
        Assert.Equal((0, null, portal.Clock.GetUtcNow()), (requeued.Attempts, requeued.FailedAt, requeued.NextAttemptAt));
        Assert.Equal("0", after.QuerySelector("[data-testid=count-given-up]")!.TextContent.Trim());
        Assert.Equal("1", after.QuerySelector("[data-testid=count-waiting]")!.TextContent.Trim());
        Assert.NotNull(after.QuerySelector("[data-testid=emails-empty]"));

        await portal.DispatchOnceAsync();
        await portal.DispatchOnceAsync();
        Assert.Equal(subject, Assert.Single(portal.Smtp.ReceivedBy(to)).Subject);
        Assert.NotNull((await portal.MessageToAsync(to)).SentAt);

        // Sent again once more by a stale page: nothing happens twice.
        using var again = await client.SubmitAsync((IHtmlFormElement)row.QuerySelector("form")!, []);
        Assert.Contains("a déjà été envoyé", (await HtmlClient.ParseAsync(again)).Flash(), StringComparison.Ordinal);
        await portal.DispatchOnceAsync();
        Assert.Single(portal.Smtp.ReceivedBy(to));
    }

    private static Dictionary<string, string> Idea() => new()
    {
        ["Nom du projet"] = "Épicerie vrac du bourg",
        ["Summary"] = "Une épicerie associative en vrac.",
        ["SocialNeed"] = "Le dernier commerce du bourg a fermé.",
        ["Commune"] = "Morlaix",
        ["PeopleCount"] = "2",
        ["SectorCode"] = "commerce",
        ["LegalFormCode"] = "association",
        ["Stage"] = "Idee",
        ["NeedAccompagnement"] = "true",
        ["HeardFrom"] = "pole-ess",
        ["ConsentProcessing"] = "true",
        ["intent"] = "deposer",
    };
}
