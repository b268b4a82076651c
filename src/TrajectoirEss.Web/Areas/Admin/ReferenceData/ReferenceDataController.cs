using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TrajectoirEss.Web.Areas.Admin.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Areas.Admin.ReferenceData;

/// <summary>The yearly refresh of communes and EPCI: a report first, then applying it on request.</summary>
[Area("Admin")]
[Authorize(Policy = Policies.Admin)]
[Route("admin/referentiel")]
public sealed class ReferenceDataController(ReferenceDataRefresh refresh, AdminAudit audit) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        ViewData["History"] = await audit.HistoryAsync(AdminEntities.ReferenceData, AdminEntities.ReferenceDataId, cancellationToken);
        return View(await refresh.CompareAsync(cancellationToken));
    }

    [HttpPost("appliquer")]
    public async Task<IActionResult> Apply(CancellationToken cancellationToken)
    {
        var applied = await refresh.ApplyAsync(User.GetUserId(), cancellationToken);
        TempData["Flash"] = applied.HasChanges
            ? $"Le référentiel est mis à jour : {applied.CommunesAdded.Count} commune(s) ajoutée(s), {applied.CommunesRemoved.Count} supprimée(s), "
              + $"{applied.CommunesMoved.Count} changeant d'intercommunalité, {applied.EpcisAdded.Count} intercommunalité(s) ajoutée(s), {applied.EpcisRemoved.Count} supprimée(s)."
              + (applied.CommunesKept.Count > 0 ? $" {applied.CommunesKept.Count} commune(s) absente(s) du fichier sont conservées car des projets y font référence." : string.Empty)
              + " Vérifiez ci-dessous qu'aucune commune n'est restée sans pôle."
            : "Aucun changement à appliquer : la base correspond déjà aux fichiers.";
        return Redirect("/admin/referentiel");
    }
}
