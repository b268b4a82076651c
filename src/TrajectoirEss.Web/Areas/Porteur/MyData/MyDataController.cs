using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Infrastructure.Identity;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Security;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Areas.Porteur.MyData;

public sealed record ConsentLine(Guid? ProjectId, string Project, ConsentKind Kind, string? Structure, bool Given, DateTimeOffset RecordedAt);

public sealed record MyDataViewModel(ApplicationUser User, int Projects, int Messages, IReadOnlyList<ConsentLine> Consents);

/// <summary>What is stored about me, my consents, my e-mail preferences, my export, my erasure (RGPD).</summary>
[Area("Porteur")]
[Authorize(Policy = Policies.Porteur)]
[Route("porteur/mes-donnees")]
public sealed class MyDataController(
    TrajectoirEssDbContext db,
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    AccountDeletion deletion,
    TimeProvider clock,
    ILogger<MyDataController> logger) : Controller
{
    private static readonly JsonSerializerOptions ExportJson = new() { WriteIndented = true };

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var userId = User.GetUserId();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, cancellationToken);
        var consents = await (from c in db.Consents.AsNoTracking()
                              where c.UserId == userId
                              join p in db.Projects on c.ProjectId equals p.Id into withProject
                              from p in withProject.DefaultIfEmpty()
                              join s in db.Structures on c.StructureId equals s.Id into withStructure
                              from s in withStructure.DefaultIfEmpty()
                              orderby c.RecordedAt descending, c.Id descending
                              select new ConsentLine(c.ProjectId, p == null ? "—" : p.Title, c.Kind, s == null ? null : s.Name, c.Given, c.RecordedAt))
            .ToListAsync(cancellationToken);
        var projects = await db.Projects.CountAsync(p => p.Members.Any(m => m.UserId == userId), cancellationToken);
        var messages = await db.ProjectMessages.CountAsync(m => m.AuthorId == userId, cancellationToken);
        return View(new MyDataViewModel(user, projects, messages, consents));
    }

    /// <summary>Everything stored about me, as JSON (RGPD art. 15 and 20).</summary>
    [HttpGet("export")]
    public async Task<IActionResult> Export(CancellationToken cancellationToken)
    {
        var userId = User.GetUserId();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, cancellationToken);
        var projects = await db.Projects.AsNoTracking().Where(p => p.Members.Any(m => m.UserId == userId)).ToListAsync(cancellationToken);
        var projectIds = projects.Select(p => p.Id).ToList();
        var messages = await db.ProjectMessages.AsNoTracking().Where(m => projectIds.Contains(m.ProjectId)).OrderBy(m => m.SentAt).ToListAsync(cancellationToken);
        var consents = await db.Consents.AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.RecordedAt).ToListAsync(cancellationToken);
        var export = new
        {
            exportedAt = clock.GetUtcNow(),
            account = new { user.Email, user.DisplayName, user.CreatedAt, user.LastLoginAt, mutedNotifications = user.MutedNotifications.ToString() },
            projects = projects.Select(p => new
            {
                p.Id,
                p.Title,
                p.Summary,
                p.SocialNeed,
                status = p.Status.ToString(),
                outcome = p.Outcome?.ToString(),
                stage = p.Stage?.ToString(),
                p.SectorCode,
                p.LegalFormCode,
                p.CommuneCode,
                needs = p.Needs.ToString(),
                p.PeopleCount,
                p.HeardFrom,
                p.CreatedAt,
                p.SubmittedAt,
                myRole = p.Members.Single(m => m.UserId == userId).Role.ToString(),
                trajectory = p.StepsInOrder().Select(s => new { kind = s.Kind.ToString(), s.OccurredAt, s.Outcome, s.Reason }),
                messages = messages.Where(m => m.ProjectId == p.Id).Select(m => new { m.SentAt, side = m.Side.ToString(), mine = m.AuthorId == userId, m.Body }),
            }),
            consents = consents.Select(c => new { c.ProjectId, kind = c.Kind.ToString(), c.StructureId, c.Given, c.RecordedAt }),
        };
        logger.SecurityEvent(SecurityEvents.DataExported, userId, "personal data export (JSON)");
        return File(JsonSerializer.SerializeToUtf8Bytes(export, ExportJson), "application/json", "trajectoiress-mes-donnees.json");
    }

    [HttpGet("supprimer")]
    public IActionResult Delete() => View(new DeleteAccountInput());

    [HttpPost("supprimer")]
    public async Task<IActionResult> Delete(DeleteAccountInput input, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        if (ModelState.IsValid && !await users.CheckPasswordAsync(user, input.Password ?? string.Empty))
        {
            ModelState.AddModelError(nameof(DeleteAccountInput.Password), "Mot de passe incorrect.");
        }

        if (!input.Confirm)
        {
            ModelState.AddModelError(nameof(DeleteAccountInput.Confirm), "Cochez la case pour confirmer la suppression.");
        }

        if (!ModelState.IsValid)
        {
            return View(input);
        }

        await deletion.DeleteAsync(user, cancellationToken);
        await signIn.SignOutAsync();
        TempData["Flash"] = "Votre compte est supprimé. Vos données personnelles ont été effacées.";
        return Redirect("/");
    }
}

public sealed class DeleteAccountInput
{
    [System.ComponentModel.DataAnnotations.Display(Name = "Mot de passe")]
    [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Saisissez votre mot de passe pour confirmer.")]
    [System.ComponentModel.DataAnnotations.StringLength(200)]
    public string? Password { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Je comprends que mon compte et mes données personnelles seront effacés définitivement")]
    public bool Confirm { get; set; }
}
