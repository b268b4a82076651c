using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Areas.Structure.Financing;

/// <summary>A financer records a financing application for a referral it accepted.</summary>
public sealed class ApplyForFinancing(StructureRecords records, TrajectoirEssDbContext db, UnitOfWork changes, IOptions<FinancingOptions> financing, TimeProvider clock, ILogger<ApplyForFinancing> logger) : IUseCase
{
    public async Task<FinancingApplication> RunAsync(Guid staffId, Guid structureId, Guid referralId, FinancingInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (referral, project, programme) = await records.ReferralAsync(structureId, referralId, cancellationToken);
        var applications = await db.FinancingApplications.Where(f => f.ReferralId == referral.Id).ToListAsync(cancellationToken);
        var application = FinancingApplication.Create(project, referral, programme, applications, input.Instrument, input.AmountRequested, input.StudyCost, input.Study, input.CommitteeOn, financing.Value.Rules, staffId, clock.GetUtcNow());
        db.FinancingApplications.Add(application);
        await changes.SaveAsync(cancellationToken);
        logger.LogInformation("Financing application {ApplicationId} for project {ProjectId} under programme {ProgrammeId}", application.Id, project.Id, programme.Id);
        return application;
    }
}

/// <summary>What the staff typed about a financing application.</summary>
public sealed record FinancingInput(FinancingInstrument? Instrument, decimal? AmountRequested, decimal? StudyCost, string? Study, DateOnly? CommitteeOn);
