using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Areas.Structure.Financing;

/// <summary>The committee's decision on a financing application: granted (an amount) or refused (a reason).</summary>
public sealed class DecideFinancing(StructureRecords records, TrajectoirEssDbContext db, UnitOfWork changes, IOptions<FinancingOptions> financing, TimeProvider clock) : IUseCase
{
    public async Task RunAsync(Guid staffId, Guid structureId, Guid id, bool grant, decimal? amount, string? reason, DateOnly? committeeOn, CancellationToken cancellationToken = default)
    {
        var application = await records.FindFinancingAsync(structureId, id, cancellationToken);
        var project = await db.Projects.SingleAsync(p => p.Id == application.ProjectId, cancellationToken);
        if (grant)
        {
            var programme = await db.Programmes.SingleAsync(p => p.Id == application.ProgrammeId, cancellationToken);
            application.Grant(project, programme, amount, committeeOn, staffId, financing.Value.Rules, clock.GetUtcNow());
        }
        else
        {
            application.Refuse(project, reason, committeeOn, staffId, clock.GetUtcNow());
        }

        await changes.SaveAsync(cancellationToken);
    }
}
