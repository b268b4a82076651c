using System.Net;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain;
using TrajectoirEss.Web.Tests.Infrastructure;
using static TrajectoirEss.Web.Tests.Infrastructure.AdminPages;

namespace TrajectoirEss.Web.Tests;

/// <summary>The portal keeps an active administrator: alone on its database, so the count is known.</summary>
public sealed class AdminLastAdministratorTests(AdminLastAdministratorTests.Fixture portal) : IClassFixture<AdminLastAdministratorTests.Fixture>
{
    [Fact]
    public async Task TheLastAdministrator_CannotBeDisabledNorDemoted_UntilAnotherExists()
    {
        using var admin = await portal.SignInAsync(AdminEmail);
        var adminId = await portal.UserIdAsync(AdminEmail);
        var own = await admin.GetDocumentAsync($"/admin/comptes/{adminId}");

        using var disable = await admin.SubmitAsync(FormFor(own, "/desactiver"), []);
        var disablePage = await HtmlClient.ParseAsync(disable);
        Assert.Equal(HttpStatusCode.BadRequest, disable.StatusCode);
        Assert.Contains("C'est le dernier compte administrateur actif", disablePage.ErrorSummary(), StringComparison.Ordinal);

        using var demote = await admin.SubmitAsync(FormFor(own, "/role"), new() { ["Rôle"] = Roles.Coordinator });
        Assert.Equal(HttpStatusCode.BadRequest, demote.StatusCode);
        Assert.Contains("C'est le dernier compte administrateur actif", (await HtmlClient.ParseAsync(demote)).ErrorSummary(), StringComparison.Ordinal);

        var stored = await portal.WithDbAsync(async db => new
        {
            (await db.Users.SingleAsync(u => u.Id == adminId)).IsDisabled,
            Roles = await db.UserRoles.Where(ur => ur.UserId == adminId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(),
        });
        Assert.False(stored.IsDisabled);
        Assert.Equal([Roles.Admin], stored.Roles);

        // A disabled administrator does not count: inviting one is not enough, an active one is.
        var other = await portal.CreateUserAsync("autre.admin@exemple.test", Roles.Admin);
        await portal.WithDbAsync(async db => { (await db.Users.SingleAsync(u => u.Id == other.Id)).IsDisabled = true; return await db.SaveChangesAsync(); });
        using (var stillRefused = await admin.SubmitAsync(FormFor(await admin.GetDocumentAsync($"/admin/comptes/{adminId}"), "/desactiver"), []))
        {
            Assert.Equal(HttpStatusCode.BadRequest, stillRefused.StatusCode);
        }

        var enabled = await admin.SubmitAsync(await admin.GetDocumentAsync($"/admin/comptes/{other.Id}"), "/reactiver");
        Assert.Equal("Le compte est réactivé.", enabled.Flash());
        var demoted = await admin.SubmitAsync(await admin.GetDocumentAsync($"/admin/comptes/{adminId}"), "/role", new() { ["Rôle"] = Roles.Coordinator });

        // Demoting oneself ends one's own session: the next page is the login form.
        Assert.Equal("Se connecter", demoted.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal([Roles.Coordinator], await portal.WithDbAsync(db => db.UserRoles.Where(ur => ur.UserId == adminId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync()));
    }

    public sealed class Fixture : PortalFactory
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await CreateUserAsync(AdminEmail, Roles.Admin);
        }
    }
}
