using System.Net;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Infrastructure.Identity;
using TrajectoirEss.Web.Tests.Infrastructure;
using static TrajectoirEss.Web.Tests.Infrastructure.AdminPages;

namespace TrajectoirEss.Web.Tests;

public sealed class AdminAccountsTests(AdminAccountsTests.Fixture portal) : IClassFixture<AdminAccountsTests.Fixture>
{
    private const string NewPassword = "mon mot de passe d'équipe 2026";

    private async Task<(HtmlClient Admin, Dictionary<string, string> Values)> InviteFormAsync(string email, string name, string role, string? poleCode = null)
    {
        var admin = await portal.SignInAsync(AdminEmail);
        var values = new Dictionary<string, string> { ["Adresse électronique"] = email, ["Prénom et nom"] = name, ["Rôle"] = role };
        if (poleCode is not null)
        {
            values["Pôle (équipe d'un pôle)"] = (await portal.PoleIdAsync(poleCode)).ToString();
        }

        return (admin, values);
    }

    [Fact]
    public async Task Search_TakesWhatASearchBoxTakes()
    {
        using var admin = await portal.SignInAsync(AdminEmail);
        var page = await admin.GetDocumentAsync("/admin/comptes");
        Assert.Equal(SearchText.MaxLength, page.MaxLength("#q"));
    }

    [Fact]
    public async Task Invite_PoleStaff_GetsAnEmail_ChoosesAPassword_AndLandsInTheirPole()
    {
        var (admin, values) = await InviteFormAsync("nouvelle.recrue@exemple.test", "Nolwenn Recrue", Roles.PoleStaff, "adess-du-pays-de-morlaix");
        using (admin)
        {
            var invited = await admin.SubmitAsync(await admin.GetDocumentAsync("/admin/comptes/inviter"), "/admin/comptes/inviter", values);

            Assert.Contains("une invitation à choisir un mot de passe a été envoyée à nouvelle.recrue@exemple.test", invited.Flash(), StringComparison.Ordinal);
            Assert.Equal("Invitation en attente", invited.QuerySelector("[data-testid=account-status]")!.TextContent.Trim());
            Assert.Equal("ADESS du Pays de Morlaix", invited.QuerySelector("[data-testid=organisation]")!.TextContent.Trim());
            Assert.Contains("Compte créé et invitation envoyée", invited.QuerySelector("[data-testid=history]")!.TextContent, StringComparison.Ordinal);
        }

        var stored = await portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == "nouvelle.recrue@exemple.test"));
        Assert.Null(stored.PasswordHash);
        Assert.False(stored.EmailConfirmed);
        var email = portal.Emails().Last(m => m.To.Mailboxes.Single().Address == "nouvelle.recrue@exemple.test");
        Assert.Equal("Invitation au portail Trajectoir'ESS", email.Subject);

        using var person = portal.CreateHtmlClient();
        var setPassword = await person.GetDocumentAsync(portal.LinkInLastEmailTo("nouvelle.recrue@exemple.test"));
        // Issue 19: choosing the password signs the person in, on their pôle's home.
        using var landing = await person.SubmitAsync(setPassword.Form(), new() { ["Nouveau mot de passe"] = NewPassword, ["Confirmation du mot de passe"] = NewPassword });
        Assert.Equal("/pole", landing.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("votre mot de passe est enregistré et vous êtes connecté", (await HtmlClient.ParseAsync(landing)).Flash(), StringComparison.Ordinal);

        // The link, once used, says so instead of showing the form again.
        using var again = await person.GetAsync(portal.LinkInLastEmailTo("nouvelle.recrue@exemple.test"));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, again.StatusCode);
        var used = await HtmlClient.ParseAsync(again);
        Assert.Null(used.QuerySelector("input[name=Password]"));
        Assert.Contains("Cette invitation a déjà servi ou a expiré", used.MainText(), StringComparison.Ordinal);
        Assert.NotNull(await portal.WithDbAsync(db => db.Users.Where(u => u.Email == "nouvelle.recrue@exemple.test").Select(u => u.LastLoginAt).SingleAsync()));
    }

    [Fact]
    public async Task Invite_PoleStaffWithoutAPole_IsRefusedNextToTheField_AndCreatesNothing()
    {
        var (admin, values) = await InviteFormAsync("sans.pole@exemple.test", "Sans Pôle", Roles.PoleStaff);
        using var _ = admin;
        using var response = await admin.SubmitAsync((await admin.GetDocumentAsync("/admin/comptes/inviter")).Form(), values);
        var page = await HtmlClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Choisissez le pôle de ce compte.", page.ErrorFor("Input.PoleId"));
        Assert.Equal("sans.pole@exemple.test", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Input_Email")!).Value);
        Assert.False(await portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "sans.pole@exemple.test")));
        Assert.DoesNotContain(portal.Emails(), m => m.To.Mailboxes.Any(b => b.Address == "sans.pole@exemple.test"));
    }

    [Fact]
    public async Task Invite_AnAddressThatHasAnAccount_IsRefused()
    {
        await portal.CreateUserAsync("deja.la@exemple.test", Roles.Coordinator);
        var (admin, values) = await InviteFormAsync("deja.la@exemple.test", "Déjà Là", Roles.Coordinator);
        using var _ = admin;
        using var response = await admin.SubmitAsync((await admin.GetDocumentAsync("/admin/comptes/inviter")).Form(), values);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Un compte existe déjà avec cette adresse", (await HtmlClient.ParseAsync(response)).ErrorFor("Input.Email"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResendInvitation_SendsAnotherLink_WhileNoPasswordIsChosen()
    {
        var (admin, values) = await InviteFormAsync("relance@exemple.test", "Relance Invitation", Roles.Coordinator);
        using var _ = admin;
        var account = await admin.SubmitAsync(await admin.GetDocumentAsync("/admin/comptes/inviter"), "/admin/comptes/inviter", values);
        var before = portal.Emails().Count(m => m.To.Mailboxes.Single().Address == "relance@exemple.test");

        var resent = await admin.SubmitAsync(account, "/renvoyer-invitation");

        Assert.Equal("L'invitation a été renvoyée.", resent.Flash());
        Assert.Equal(before + 1, portal.Emails().Count(m => m.To.Mailboxes.Single().Address == "relance@exemple.test"));
        Assert.Contains("Invitation renvoyée", resent.QuerySelector("[data-testid=history]")!.TextContent, StringComparison.Ordinal);

        // Once the password is chosen, the button is gone and a forged request is refused.
        var staff = await portal.CreateUserAsync("a.un.mot.de.passe@exemple.test", Roles.Coordinator);
        var page = await admin.GetDocumentAsync($"/admin/comptes/{staff.Id}");
        Assert.Null(page.QuerySelector("form[action$='/renvoyer-invitation']"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        using var forged = await admin.Http.PostAsync($"/admin/comptes/{staff.Id}/renvoyer-invitation", content);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("a déjà choisi son mot de passe", (await HtmlClient.ParseAsync(forged)).ErrorSummary(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeRole_FromPoleToStructure_IsAudited_EndsTheSessions_AndOpensTheNewArea()
    {
        var user = await portal.CreateUserAsync("change.role@exemple.test", Roles.PoleStaff, poleCode: "reso-solidaire");
        using var person = await portal.SignInAsync("change.role@exemple.test");
        using var admin = await portal.SignInAsync(AdminEmail);
        var tag35 = await portal.WithDbAsync(db => db.Structures.Where(s => s.Code == "tag35").Select(s => s.Id).SingleAsync());

        var changed = await admin.SubmitAsync(await admin.GetDocumentAsync($"/admin/comptes/{user.Id}"), "/role", new()
        {
            ["Rôle"] = Roles.StructureStaff,
            ["Pôle (équipe d'un pôle)"] = string.Empty,
            ["Structure (équipe d'une structure)"] = tag35.ToString(),
        });

        Assert.StartsWith("Le rôle et l'organisation sont enregistrés.", changed.Flash(), StringComparison.Ordinal);
        Assert.Equal("TAg35", changed.QuerySelector("[data-testid=organisation]")!.TextContent.Trim());
        var history = changed.QuerySelector("[data-testid=history]")!.TextContent;
        Assert.Contains("Rôle : Équipe d'un pôle ESS → Équipe d'une structure d'accompagnement", history, StringComparison.Ordinal);
        Assert.Contains("Organisation : Réso solidaire → TAg35", history, StringComparison.Ordinal);

        using var stale = await person.GetAsync("/pole");
        Assert.Equal("/compte/connexion", stale.RequestMessage!.RequestUri!.AbsolutePath);
        using var again = await portal.SignInAsync("change.role@exemple.test");
        using var structure = await again.GetAsync("/structure");
        Assert.Equal(HttpStatusCode.OK, structure.StatusCode);
        var stored = await portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
        Assert.Equal((null, tag35), (stored.PoleId, stored.StructureId));
    }

    [Fact]
    public async Task ChangeRole_OfAPorteur_IsRefused()
    {
        var porteur = await portal.CreateUserAsync("porteur.role@exemple.test", Roles.Porteur);
        using var admin = await portal.SignInAsync(AdminEmail);
        var page = await admin.GetDocumentAsync($"/admin/comptes/{porteur.Id}");
        Assert.Null(page.QuerySelector("[data-testid=role-form]"));

        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Input.Role", Roles.Admin)]);
        using var forged = await admin.Http.PostAsync($"/admin/comptes/{porteur.Id}/role", content);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("porteur de projet", (await HtmlClient.ParseAsync(forged)).ErrorSummary(), StringComparison.Ordinal);
        Assert.Equal([Roles.Porteur], await portal.WithDbAsync(db => db.UserRoles.Where(ur => ur.UserId == porteur.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync()));
    }

    [Fact]
    public async Task Disable_SignsTheUserOutAtOnce_AndRefusesLogin_ThenEnableRestoresAccess()
    {
        var user = await portal.CreateUserAsync("a.desactiver@exemple.test", Roles.Coordinator);
        using var person = await portal.SignInAsync("a.desactiver@exemple.test");
        using (var before = await person.GetAsync("/coordination"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var admin = await portal.SignInAsync(AdminEmail);
        var disabled = await admin.SubmitAsync(await admin.GetDocumentAsync($"/admin/comptes/{user.Id}"), "/desactiver");
        Assert.StartsWith("Le compte est désactivé", disabled.Flash(), StringComparison.Ordinal);
        Assert.Equal("Désactivé", disabled.QuerySelector("[data-testid=account-status]")!.TextContent.Trim());

        using (var after = await person.GetAsync("/coordination"))
        {
            Assert.Equal("/compte/connexion", after.RequestMessage!.RequestUri!.AbsolutePath);
        }

        var login = await person.GetDocumentAsync("/compte/connexion");
        var refused = await HtmlClient.ParseAsync(await person.SubmitAsync(login.Form(), new() { ["Adresse électronique"] = "a.desactiver@exemple.test", ["Mot de passe"] = PortalFactory.Password }));
        Assert.Contains("Adresse électronique ou mot de passe incorrect.", refused.ErrorSummary(), StringComparison.Ordinal);

        var enabled = await admin.SubmitAsync(disabled, "/reactiver");
        Assert.Equal("Le compte est réactivé.", enabled.Flash());
        using var back = await portal.SignInAsync("a.desactiver@exemple.test");
        var history = enabled.QuerySelector("[data-testid=history]")!.TextContent;
        Assert.Contains("Statut : Actif → Désactivé", history, StringComparison.Ordinal);
        Assert.Contains("Statut : Désactivé → Actif", history, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("maelle")]
    [InlineData("MAËLLE")]
    [InlineData("Le Goff")]
    [InlineData("maelle.legoff@")]
    public async Task Search_FindsByNameOrEmail_IgnoringAccentsAndCase(string query)
    {
        if (!await portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "maelle.legoff@exemple.test")))
        {
            var created = await portal.CreateUserAsync("maelle.legoff@exemple.test", Roles.Coordinator);
            await portal.WithDbAsync(async db =>
            {
                (await db.Users.SingleAsync(u => u.Id == created.Id)).DisplayName = "Maëlle Le Goff";
                return await db.SaveChangesAsync();
            });
        }

        using var admin = await portal.SignInAsync(AdminEmail);

        var page = await admin.GetDocumentAsync("/admin/comptes?q=" + Uri.EscapeDataString(query));

        var rows = page.QuerySelectorAll("[data-testid=accounts] tbody tr");
        var row = Assert.Single(rows);
        Assert.Contains("Maëlle Le Goff", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Coordination régionale", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("jamais", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_FiltersByRole_AndPagesLongLists()
    {
        await portal.WithDbAsync(async db =>
        {
            var role = await db.Roles.SingleAsync(r => r.Name == Roles.StructureStaff);
            var kejal = await db.Structures.Where(s => s.Code == "kejal").Select(s => s.Id).SingleAsync();
            for (var i = 0; i < 27; i++)
            {
                var email = $"kejal-{i:00}@exemple.test";
                var user = new ApplicationUser { Id = Guid.CreateVersion7(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), DisplayName = $"Équipe Kejal {i:00}", StructureId = kejal, CreatedAt = DateTimeOffset.UtcNow, SecurityStamp = Guid.NewGuid().ToString() };
                db.Users.Add(user);
                db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<Guid> { UserId = user.Id, RoleId = role.Id });
            }

            return await db.SaveChangesAsync();
        });
        using var admin = await portal.SignInAsync(AdminEmail);

        var first = await admin.GetDocumentAsync("/admin/comptes?role=StructureStaff&q=kejal");
        var second = await admin.GetDocumentAsync("/admin/comptes?role=StructureStaff&q=kejal&page=2");
        var none = await admin.GetDocumentAsync("/admin/comptes?role=Admin&q=kejal");

        Assert.Equal(25, first.QuerySelectorAll("[data-testid=accounts] tbody tr").Length);
        Assert.All(first.QuerySelectorAll("[data-testid=accounts] tbody tr"), r => Assert.Contains("Scic Kejal", r.TextContent, StringComparison.Ordinal));
        Assert.Equal(2, second.QuerySelectorAll("[data-testid=accounts] tbody tr").Length);
        Assert.Contains("Page 2 sur 2", second.QuerySelector("[data-testid=paging]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(none.QuerySelector("[data-testid=accounts-empty]"));
        Assert.Contains("Invitation en attente", first.QuerySelector("[data-testid=accounts]")!.TextContent, StringComparison.Ordinal);
    }

    public sealed class Fixture : PortalFactory
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await CreateUserAsync(AdminEmail, Roles.Admin);
            await CreateUserAsync("second.admin@exemple.test", Roles.Admin);
        }
    }
}
