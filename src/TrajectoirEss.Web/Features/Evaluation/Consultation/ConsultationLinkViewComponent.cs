using Microsoft.AspNetCore.Mvc;

namespace TrajectoirEss.Web.Features.Evaluation.Consultation;

/// <summary>The link to the members' consultation, shown on the platform's pages while a consultation is open (nothing otherwise).</summary>
public sealed class ConsultationLinkViewComponent(MemberConsultation consultation) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        await consultation.IsOpenAsync(HttpContext.RequestAborted)
            ? View("~/Features/Evaluation/Consultation/_ConsultationLink.cshtml")
            : Content(string.Empty);
}
