using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Web.Features.Shared;

namespace TrajectoirEss.Web.Areas.Structure;

/// <summary>An entry of the structures' menu: its label on the pages, its shorter one in the header.</summary>
public sealed record StructureMenuEntry(string Label, string Href, string ShortLabel);

/// <summary>
/// The structures' menu (the header's, and the referrals' page): the pages that match the structure's programmes —
/// sessions for programmes run in sessions (<see cref="ProgrammeTypes.HasSessions"/>), financing applications for
/// financing programmes (<see cref="ProgrammeTypes.IsFinancing"/>), territories' needs for a révélateur. Deactivated
/// programmes count: their records stay to be read.
/// </summary>
public static class StructureMenu
{
    public static IReadOnlyList<StructureMenuEntry> For(IReadOnlyCollection<ProgrammeType> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        var entries = new List<StructureMenuEntry> { new("Orientations reçues", "/structure", "Orientations reçues") };
        if (types.Any(t => t.HasSessions()))
        {
            entries.Add(new("Sessions et promotions", "/structure/sessions", "Sessions"));
        }

        if (types.Any(t => t.IsFinancing()))
        {
            entries.Add(new("Financements", "/structure/financements", "Financements"));
        }

        if (types.Contains(ProgrammeType.Revelateur))
        {
            entries.Add(new("Besoins des territoires", "/structure/besoins", "Besoins"));
        }

        entries.Add(new("Nos programmes", "/structure/programmes", "Programmes"));
        return entries;
    }

    /// <summary>The menu of a structure, from the reference cache (no query on most pages).</summary>
    public static async Task<IReadOnlyList<StructureMenuEntry>> ForStructureAsync(ReferenceCache references, Guid? structureId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(references);
        var snapshot = await references.GetAsync(cancellationToken);
        return For(snapshot.Programmes.Values.Where(p => p.StructureId == structureId).Select(p => p.Type).Distinct().ToList());
    }
}
