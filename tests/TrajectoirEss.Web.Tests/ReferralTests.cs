using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TrajectoirEss.Domain;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Domain.Referrals;
using TrajectoirEss.Web.Areas.Pole.Projects;
using TrajectoirEss.Web.Tests.Infrastructure;
using static TrajectoirEss.Web.Tests.Infrastructure.PageForms;

namespace TrajectoirEss.Web.Tests;

public sealed class ReferralTests(ReferralTests.Fixture portal) : IClassFixture<ReferralTests.Fixture>
{
    private Task<Guid> ProgrammeAsync(string code) => portal.WithDbAsync(db => db.Programmes.Where(p => p.Code == code).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task Refer_WithTheirConsent_OpensAReferralInTheTrajectoryAndTellsTheStructure()
    {
        var (projectId, porteurEmail) = await portal.SeedProjectWithOwnerAsync("adess-du-pays-de-morlaix", "Café associatif", welcomed: true, sharingConsent: true);
        using var staff = await portal.SignInAsync(Fixture.Morlaix);
        var file = await staff.GetDocumentAsync($"/pole/projets/{projectId}");

        var page = await HtmlClient.ParseAsync(await staff.SubmitAsync(FormFor(file, "/orientations"), new()
        {
            ["programmeId"] = (await ProgrammeAsync("tag29-ideateur")).ToString(),
            ["Message à la structure"] = "Collectif motivé, idée à consolider.",
        }));

        Assert.Equal("L'orientation est proposée à la structure, qui en est prévenue.", page.Flash());
        Assert.Equal("Proposée, en attente de réponse", page.QuerySelector("[data-testid=referral-status]")!.TextContent.Trim());
        Assert.Contains("Orientation proposée : Idéateur TAg29", page.QuerySelector("[data-testid=trajectory]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(portal.Emails(), m => m.To.Mailboxes.Single().Address == Fixture.Tag29 && m.Subject == "Nouvelle orientation reçue");
        var referralId = await portal.WithDbAsync(db => db.Referrals.Where(r => r.ProjectId == projectId).Select(r => r.Id).SingleAsync());
        Assert.Contains(portal.Emails(), m => m.Subject == "Nouvelle orientation reçue" && (m.TextBody ?? string.Empty).Contains($"/structure/orientations/{referralId}", StringComparison.Ordinal));
        Assert.Contains(portal.Emails(), m => m.To.Mailboxes.Single().Address == porteurEmail && m.Subject == "Votre projet est orienté vers un programme");

        using var porteur = await portal.SignInAsync(porteurEmail);
        var porteurPage = await porteur.GetDocumentAsync($"/porteur/projets/{projectId}");
        Assert.Contains("Orientation proposée : Idéateur TAg29", porteurPage.QuerySelector("[data-testid=trajectory]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refer_WithoutTheirConsentToSharing_IsRefusedAndWritesNothing()
    {
        var (projectId, _) = await portal.SeedProjectWithOwnerAsync("adess-du-pays-de-morlaix", "Projet discret", welcomed: true, sharingConsent: false);
        using var staff = await portal.SignInAsync(Fixture.Morlaix);
        var file = await staff.GetDocumentAsync($"/pole/projets/{projectId}");
        Assert.NotNull(file.QuerySelector("[data-testid=no-sharing-consent]"));

        using var response = await staff.SubmitAsync(FormFor(file, "/orientations"), new() { ["programmeId"] = (await ProgrammeAsync("kejal-creopss")).ToString() });
        var page = await HtmlClient.ParseAsync(response);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(Domain.Referrals.Referral.NoSharingMessage, page.QuerySelector("[data-testid=error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.False(await portal.WithDbAsync(db => db.Referrals.AnyAsync(r => r.ProjectId == projectId)));
    }

    [Fact]
    public async Task SeveralReferrals_CanBeOpen_AndThePoleRelaunchesOrWithdrawsEach()
    {
        var (projectId, _) = await portal.SeedProjectWithOwnerAsync("adess-du-pays-de-morlaix", "Projet à plusieurs portes", welcomed: true, sharingConsent: true);
        using var staff = await portal.SignInAsync(Fixture.Morlaix);
        foreach (var code in new[] { "tag29-ideateur", "kejal-creopss" })
        {
            var file = await staff.GetDocumentAsync($"/pole/projets/{projectId}");
            using var _ = await staff.SubmitAsync(FormFor(file, "/orientations"), new() { ["programmeId"] = (await ProgrammeAsync(code)).ToString() });
        }

        var twice = await staff.GetDocumentAsync($"/pole/projets/{projectId}");
        var duplicate = await HtmlClient.ParseAsync(await staff.SubmitAsync(FormFor(twice, "/orientations"), new() { ["programmeId"] = (await ProgrammeAsync("kejal-creopss")).ToString() }));
        Assert.Contains("déjà orienté vers ce programme", duplicate.QuerySelector("[data-testid=error-summary]")!.TextContent, StringComparison.Ordinal);

        var referrals = await portal.WithDbAsync(db => db.Referrals.AsNoTracking().Where(r => r.ProjectId == projectId).OrderBy(r => r.ReferredAt).ToListAsync());
        Assert.Equal(2, referrals.Count);

        var page = await staff.GetDocumentAsync($"/pole/projets/{projectId}");
        var relaunched = await HtmlClient.ParseAsync(await staff.SubmitAsync(FormFor(page, $"/orientations/{referrals[0].Id}/relancer"), []));
        Assert.Equal("La structure a été relancée.", relaunched.Flash());
        var withdrawn = await HtmlClient.ParseAsync(await staff.SubmitAsync(FormFor(relaunched, $"/orientations/{referrals[1].Id}/retirer"), new() { ["withdrawReason"] = "Le porteur préfère attendre." }));
        Assert.Equal("L'orientation est retirée.", withdrawn.Flash());

        var after = await portal.WithDbAsync(db => db.Referrals.AsNoTracking().Where(r => r.ProjectId == projectId).OrderBy(r => r.ReferredAt).ToListAsync());
        Assert.Equal(ReferralStatus.Proposed, after[0].Status);
        Assert.True(after[0].WaitingSince > referrals[0].WaitingSince);
        Assert.Equal(ReferralStatus.Withdrawn, after[1].Status);
        Assert.Equal("Le porteur préfère attendre.", after[1].Reason);
        Assert.Contains("Orientation retirée par le pôle : Creopss", withdrawn.QuerySelector("[data-testid=trajectory]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deadlines_RemindAfterTenDays_ExpireAfterThirty_OnceEach()
    {
        var referredAt = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        var (remindId, expireId, projectToExpire) = await portal.WithDbAsync(async db =>
        {
            var pole = await db.Poles.Where(p => p.Code == "adess-du-pays-de-morlaix").Select(p => p.Id).SingleAsync();
            var owner = await db.Users.Where(u => u.Email == Fixture.Morlaix).Select(u => u.Id).SingleAsync();
            var programme = await db.Programmes.SingleAsync(p => p.Code == "tag29-incubateur");
            Referral Make(DateTimeOffset at, out Project project)
            {
                project = Project.CreateDraft(Guid.CreateVersion7(), owner, new ProjectDetails("Projet en attente " + at.Day, "x", "y", ProjectOrigin.PorteurIdea, "commerce", "association", ProjectStage.Idee, "29151", SupportNeeds.Accompagnement, 2, null), at);
                project.Submit(owner, pole, true, at);
                project.Welcome(owner, at);
                project.AssignReferent(owner, owner, at);
                db.Projects.Add(project);
                return Referral.Create(project.SharedWith(programme), programme, [], pole, owner, null, at);
            }

            var toRemind = Make(referredAt.AddDays(20), out _);
            var toExpire = Make(referredAt, out var expiring);
            db.Referrals.AddRange(toRemind, toExpire);
            db.DiscardDomainEvents();
            await db.SaveChangesAsync();
            return (toRemind.Id, toExpire.Id, expiring.Id);
        });
        var now = referredAt.AddDays(31);

        await using var scope = portal.Services.CreateAsyncScope();
        var deadlines = scope.ServiceProvider.GetRequiredService<ReferralDeadlines>();
        var first = await deadlines.RunAsync(now);
        var second = await deadlines.RunAsync(now.AddHours(1));

        Assert.True(first.Ran);
        Assert.True(first.Reminded >= 1);
        Assert.True(first.Expired >= 1);
        Assert.Equal(0, second.Reminded);
        Assert.Equal(0, second.Expired);
        var reminded = await portal.WithDbAsync(db => db.Referrals.AsNoTracking().SingleAsync(r => r.Id == remindId));
        var expired = await portal.WithDbAsync(db => db.Referrals.AsNoTracking().SingleAsync(r => r.Id == expireId));
        Assert.Equal(ReferralStatus.Proposed, reminded.Status);
        Assert.Equal(now, reminded.RemindedAt);
        Assert.Equal(ReferralStatus.Expired, expired.Status);
        var steps = await portal.WithDbAsync(db => db.Projects.AsNoTracking().Where(p => p.Id == projectToExpire).Select(p => p.Steps.Select(s => s.Kind).ToList()).SingleAsync());
        Assert.Contains(TrajectoryStepKind.ReferralExpired, steps);
        Assert.Contains(portal.Emails(), m => m.To.Mailboxes.Single().Address == Fixture.Tag29 && m.Subject == "Rappel : une orientation attend votre réponse");
        // The reminder links to the referral it is about, not to the structure's home (issue 19, item 14).
        Assert.Contains(portal.Emails(), m => m.To.Mailboxes.Single().Address == Fixture.Tag29 && m.Subject == "Rappel : une orientation attend votre réponse"
            && (m.TextBody ?? string.Empty).Contains($"/structure/orientations/{remindId}", StringComparison.Ordinal));
        Assert.Contains(portal.Emails(), m => m.To.Mailboxes.Single().Address == Fixture.Morlaix && m.Subject == "Orientation expirée sans réponse");
    }

    [Fact]
    public async Task Deadlines_WhenAnotherInstanceHoldsTheLock_SkipTheRound()
    {
        await using var other = new NpgsqlConnection(portal.ConnectionString);
        await other.OpenAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({ReferralDeadlines.AdvisoryLockKey})", other, transaction))
        {
            await take.ExecuteNonQueryAsync();
        }

        await using var scope = portal.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<ReferralDeadlines>().RunAsync(DateTimeOffset.UtcNow.AddYears(1));

        Assert.False(report.Ran);
    }

    public sealed class Fixture : PoleWorkspaceTests.Fixture
    {
        public const string Tag29 = "staff-tag29@exemple.test";

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await CreateUserAsync(Tag29, Roles.StructureStaff, structureCode: "tag29");
        }
    }
}
