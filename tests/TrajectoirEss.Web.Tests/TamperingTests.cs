using System.Net;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

/// <summary>
/// Requests forged by hand: someone else's record in the URL or in a form field, fields the form does not
/// have (over-posting), a porteur calling staff actions. All refused, and the database does not change.
/// </summary>
public sealed class TamperingTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    /// <summary>Every field any action of the app reads, with a plausible value, and a few it never should.</summary>
    private Dictionary<string, string> EverythingForm(string token) => new()
    {
        ["__RequestVerificationToken"] = token,
        ["body"] = "Bonjour, voici des nouvelles du projet.",
        ["email"] = "nouvel-associe@exemple.test",
        ["note"] = "Une note sur le projet",
        ["heldAt"] = "2026-02-10T10:00",
        ["kind"] = nameof(MeetingKind.FollowUp),
        ["summary"] = "Rendez-vous de suivi",
        ["version"] = "0",
        ["stage"] = nameof(ProjectStage.Creation),
        ["needs"] = nameof(SupportNeeds.Financement),
        ["sector"] = "commerce",
        ["referentId"] = portal.UserIds[Actor.OtherPoleStaff].ToString(),
        ["toPoleId"] = portal.MorlaixPoleId.ToString(),
        ["reason"] = "Pour voir",
        ["outcome"] = nameof(ProjectOutcome.Abandoned),
        ["reasonCode"] = "autre",
        ["details"] = "Clos par un tiers",
        ["programmeId"] = portal.ProgrammeId.ToString(),
        ["message"] = "Orientation forcée",
        ["pauseReason"] = "Pause forcée",
        ["withdrawReason"] = "Retrait forcé",
        ["question"] = "Une question ?",
        ["declineDetails"] = "Refus forcé",
        ["sessionId"] = portal.SessionId.ToString(),
        ["referralId"] = portal.ReferralId.ToString(),
        ["people"] = "2",
        ["decision"] = "refuse",
        ["juryReason"] = "Non",
        ["leaveReason"] = "Départ",
        ["name"] = "Session piratée",
        ["startsOn"] = "2027-02-01",
        ["endsOn"] = "2027-03-01",
        ["place"] = "Ailleurs",
        ["capacity"] = "3",
        ["amountGranted"] = "5000",
        ["refusalReason"] = "Non",
        ["committeeOn"] = "2027-01-15",
        ["paidOn"] = "2027-01-20",
        ["amount"] = "100",
        ["instrument"] = "CapCreationEss",
        ["amountRequested"] = "5000",
        ["study"] = "Étude",
        ["result"] = "concluante",
        ["conclusion"] = "Concluante",
        ["concludedOn"] = "2027-01-01",
        ["porteurEmail"] = SeededPortal.ActorEmails[Actor.OtherPorteur],
        ["projectId"] = portal.ProjectId.ToString(),
        ["Title"] = "Titre piraté",
        ["ClientKey"] = Guid.NewGuid().ToString(),
        ["intent"] = "brouillon",
        ["confirm"] = "true",

        // Never a field of any form here:
        ["PoleId"] = portal.MorlaixPoleId.ToString(),
        ["Status"] = nameof(ProjectStatus.Closed),
        ["OwnerId"] = portal.UserIds[Actor.OtherPorteur].ToString(),
    };

    private async Task<List<string>> PostEverywhereAsync(HtmlClient client, Actor actor, Func<string, bool> routes, HttpStatusCode expected)
    {
        var token = await SeededPortal.TokenAsync(client);
        var wrong = new List<string>();
        foreach (var (key, (_, path)) in AuthorizationMatrixTests.Matrix.Where(c => c.Key.StartsWith("POST ", StringComparison.Ordinal) && routes(c.Key[5..])))
        {
            using var content = new FormUrlEncodedContent(EverythingForm(token));
            using var response = await client.Http.PostAsync(path(portal), content);
            var wanted = expected == HttpStatusCode.Forbidden && AuthorizationMatrixTests.OnRecordRoute("403", path(portal)) == "404" ? HttpStatusCode.NotFound : expected;
            if (response.StatusCode != wanted)
            {
                wrong.Add($"{key} as {actor} → {(int)response.StatusCode}");
            }
        }

        return wrong;
    }

    private Task<DatabaseSnapshot> SnapshotAsync() => DatabaseSnapshot.TakeAsync(portal.ConnectionString, "data_protection_keys");

    [Theory]
    [InlineData(Actor.OtherPorteur, "porteur/projets/{id", HttpStatusCode.NotFound)]
    [InlineData(Actor.OtherPoleStaff, "pole/projets/{id", HttpStatusCode.NotFound)]
    [InlineData(Actor.StructureWithoutReferral, "structure/orientations/{id", HttpStatusCode.NotFound)]
    [InlineData(Actor.StructureWithoutReferral, "structure/sessions/{id", HttpStatusCode.NotFound)]
    [InlineData(Actor.StructureWithoutReferral, "structure/besoins/{id", HttpStatusCode.NotFound)]
    [InlineData(Actor.StructureWithReferral, "structure/financements/{id", HttpStatusCode.NotFound)]
    [InlineData(Actor.Porteur, "pole/", HttpStatusCode.Forbidden)]
    [InlineData(Actor.Porteur, "structure/", HttpStatusCode.Forbidden)]
    [InlineData(Actor.Porteur, "admin/", HttpStatusCode.Forbidden)]
    [InlineData(Actor.PoleStaff, "admin/", HttpStatusCode.Forbidden)]
    [InlineData(Actor.Coordinator, "admin/", HttpStatusCode.Forbidden)]
    [InlineData(Actor.PoleStaff, "structure/", HttpStatusCode.Forbidden)]
    [InlineData(Actor.StructureWithReferral, "pole/", HttpStatusCode.Forbidden)]
    [InlineData(Actor.StructureWithReferral, "porteur/", HttpStatusCode.Forbidden)]
    public async Task SomeoneElsesRecord_OrAnotherRolesAction_WithAFullForm_IsRefused_AndChangesNothing(Actor actor, string routePrefix, HttpStatusCode expected)
    {
        using var client = await portal.ClientForAsync(actor);
        var before = await SnapshotAsync();

        var wrong = await PostEverywhereAsync(client, actor, route => route.StartsWith(routePrefix, StringComparison.Ordinal), expected);

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
        Assert.Empty((await SnapshotAsync()).ChangedSince(before));
    }

    [Fact]
    public async Task OverPosting_PoleStatusOrOwner_IntoThePorteursForm_IsIgnored()
    {
        using var client = await portal.ClientForAsync(Actor.Porteur);
        var form = (await client.GetDocumentAsync("/porteur/projets/nouveau")).Form();

        // What the form holds, then fields it does not have.
        var fields = form.Elements.Where(e => !string.IsNullOrEmpty(e.GetAttribute("name")) && e is AngleSharp.Html.Dom.IHtmlInputElement { Type: "hidden" })
            .Select(e => new KeyValuePair<string, string>(e.GetAttribute("name")!, ((AngleSharp.Html.Dom.IHtmlInputElement)e).Value))
            .Concat(
            [
                new("Title", "Projet sur-posté"),
                new("intent", "brouillon"),
                new("PoleId", portal.MorlaixPoleId.ToString()),
                new("Status", nameof(ProjectStatus.Closed)),
                new("OwnerId", portal.UserIds[Actor.OtherPorteur].ToString()),
                new("Id", portal.ProjectId.ToString()),
                new("SubmittedAt", "2020-01-01"),
                new("Members[0].UserId", portal.UserIds[Actor.OtherPorteur].ToString()),
            ]);
        using var response = await client.Http.PostAsync("/porteur/projets/nouveau", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var created = await portal.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.Title == "Projet sur-posté"));
        Assert.NotEqual(portal.ProjectId, created.Id);
        Assert.Equal(ProjectStatus.Draft, created.Status);
        Assert.Null(created.PoleId);
        Assert.Null(created.SubmittedAt);
        Assert.True(created.IsOwner(portal.UserIds[Actor.Porteur]));
        Assert.DoesNotContain(created.Members, m => m.UserId == portal.UserIds[Actor.OtherPorteur]);
    }

    [Fact]
    public async Task AnotherRecordsId_InAFormField_IsRefused_AndChangesNothing()
    {
        var otherInvitation = await portal.WithDbAsync(async db =>
        {
            // An invitation of another porteur's project.
            var owner = portal.UserIds[Actor.OtherPorteur];
            var project = Project.CreateDraft(Guid.CreateVersion7(), owner, new ProjectDetails("Autre projet", null, null, ProjectOrigin.PorteurIdea, null, null, null, null, SupportNeeds.None, 1, null), DateTimeOffset.UtcNow);
            db.Projects.Add(project);
            var (invitation, _) = ProjectInvitation.Create(project, "quelquun@exemple.test", owner, DateTimeOffset.UtcNow);
            db.ProjectInvitations.Add(invitation);
            db.DiscardDomainEvents();
            await db.SaveChangesAsync();
            return invitation.Id;
        });
        using var pole = await portal.ClientForAsync(Actor.PoleStaff);
        using var tag29 = await portal.ClientForAsync(Actor.StructureWithReferral);
        using var porteur = await portal.ClientForAsync(Actor.Porteur);
        var before = await SnapshotAsync();
        var poleToken = await SeededPortal.TokenAsync(pole);
        var tagToken = await SeededPortal.TokenAsync(tag29);
        var porteurToken = await SeededPortal.TokenAsync(porteur);

        // A référent from another pôle; a programme of a structure for a referral that is not its own; another project's invitation.
        using var referent = await pole.Http.PostAsync($"/pole/projets/{portal.ProjectId}/referent", new FormUrlEncodedContent([new("__RequestVerificationToken", poleToken), new("referentId", portal.UserIds[Actor.OtherPoleStaff].ToString())]));
        using var enrolOther = await tag29.Http.PostAsync($"/structure/sessions/{portal.SessionId}/inscriptions", new FormUrlEncodedContent([new("__RequestVerificationToken", tagToken), new("referralId", portal.FinancingReferralId.ToString()), new("people", "1")]));
        using var handOver = await tag29.Http.PostAsync($"/structure/besoins/{portal.NeedId}/remise", new FormUrlEncodedContent([new("__RequestVerificationToken", tagToken), new("projectId", Guid.NewGuid().ToString())]));
        using var revoke = await porteur.Http.PostAsync($"/porteur/projets/{portal.ProjectId}/invitations/{otherInvitation}/retirer", new FormUrlEncodedContent([new("__RequestVerificationToken", porteurToken)]));
        using var removeStranger = await porteur.Http.PostAsync($"/porteur/projets/{portal.ProjectId}/membres/{portal.UserIds[Actor.OtherPorteur]}/retirer", new FormUrlEncodedContent([new("__RequestVerificationToken", porteurToken)]));

        Assert.Equal(HttpStatusCode.BadRequest, referent.StatusCode);
        Assert.True(enrolOther.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"enrol: {(int)enrolOther.StatusCode}");
        Assert.True(handOver.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"hand over: {(int)handOver.StatusCode}");
        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        Assert.True(removeStranger.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"remove: {(int)removeStranger.StatusCode}");
        Assert.Empty((await SnapshotAsync()).ChangedSince(before));
    }
}
