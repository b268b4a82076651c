using DomainStructure = TrajectoirEss.Domain.Structures.Structure;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Programmes;
using TrajectoirEss.Domain.Structures;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Infrastructure.ReferenceData;
using TrajectoirEss.Web.Areas.Admin.Shared;

namespace TrajectoirEss.Web.Areas.Admin.Structures;

/// <summary>
/// Support structures and their programmes as administrators manage them. Nothing is deleted: a
/// trajectory may refer to it, so it is deactivated instead.
/// </summary>
public sealed class StructureAdministration(TrajectoirEssDbContext db, AdminAudit audit, ILogger<StructureAdministration> logger)
{
    public async Task<IReadOnlyList<StructureListLine>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.Structures.AsNoTracking()
            .OrderByDescending(s => s.IsActive).ThenBy(s => s.Kind).ThenBy(s => s.Name)
            .Select(s => new StructureListLine(
                s.Id, s.Name, s.Kind, s.DepartementCode, s.City,
                db.Programmes.Count(p => p.StructureId == s.Id),
                db.Programmes.Count(p => p.StructureId == s.Id && p.IsActive),
                s.IsActive))
            .ToListAsync(cancellationToken);

    public async Task<Guid> CreateAsync(Guid actorId, StructureInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var kind = input.Kind ?? throw new DomainException("Choisissez le type de structure dans la liste.", nameof(StructureInput.Kind));
        var codes = await db.Structures.Select(s => s.Code).ToListAsync(cancellationToken);
        var structure = new DomainStructure(Guid.CreateVersion7(), Codes.Unique(ReferenceDataImporter.Slug(input.Name), codes, DomainStructure.CodeMaxLength), input.Name, kind, input.DepartementCode, input.City);
        structure.UpdateContact(input.Website, input.Email);
        if (await db.Structures.AnyAsync(s => s.Name == structure.Name, cancellationToken))
        {
            throw new DomainException($"Une structure s'appelle déjà « {structure.Name} ».", nameof(StructureInput.Name));
        }

        db.Structures.Add(structure);
        var described = StructureInput.From(structure).Describe();
        audit.Record(actorId, AdminEntities.Structure, structure.Id, "Structure créée",
            [("Type", null, kind.Label()), .. described.Select(d => (d.Label, (object?)null, (object?)d.Value))]);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Structure {StructureId} created by {ActorId}", structure.Id, actorId);
        return structure.Id;
    }

    public async Task<StructureEditPage?> EditPageAsync(Guid id, StructureInput? typed, bool conflict, CancellationToken cancellationToken = default)
    {
        var structure = await db.Structures.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (structure is null)
        {
            return null;
        }

        var stored = StructureInput.From(structure);
        var input = typed ?? stored;
        return new StructureEditPage
        {
            Id = id,
            Name = structure.Name,
            Kind = structure.Kind,
            IsActive = structure.IsActive,
            Input = input,
            StoredVersion = structure.Version,
            Conflict = conflict ? Differences(stored.Describe(), input.Describe()) : [],
            Programmes = await db.Programmes.AsNoTracking().Where(p => p.StructureId == id).OrderByDescending(p => p.IsActive).ThenBy(p => p.Name)
                .Select(p => new ProgrammeLine(p.Id, p.Name, p.Type, p.Category, p.IsActive)).ToListAsync(cancellationToken),
            History = await audit.HistoryAsync(AdminEntities.Structure, id, cancellationToken),
        };
    }

    public async Task<bool> UpdateAsync(Guid actorId, Guid id, StructureInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var structure = await db.Structures.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new AdminRecordNotFoundException();
        db.Entry(structure).Property(s => s.Version).OriginalValue = input.Version;
        var before = StructureInput.From(structure).Describe();
        structure.Update(input.Name, input.DepartementCode, input.City);
        structure.UpdateContact(input.Website, input.Email);
        if (!audit.RecordChanges(actorId, AdminEntities.Structure, id, "Structure modifiée", Changes(before, StructureInput.From(structure).Describe())))
        {
            return false;
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task SetActiveAsync(Guid actorId, Guid id, bool active, CancellationToken cancellationToken = default)
    {
        var structure = await db.Structures.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new AdminRecordNotFoundException();
        if (structure.IsActive == active)
        {
            return;
        }

        if (active)
        {
            structure.Activate();
        }
        else
        {
            structure.Deactivate();
        }

        audit.Record(actorId, AdminEntities.Structure, id, active ? "Structure réactivée" : "Structure désactivée", ("Active", AdminAudit.YesNo(!active), AdminAudit.YesNo(active)));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<ProgrammePage?> NewProgrammePageAsync(Guid structureId, ProgrammeInput? typed, CancellationToken cancellationToken = default)
    {
        var structure = await db.Structures.AsNoTracking().SingleOrDefaultAsync(s => s.Id == structureId, cancellationToken);
        if (structure is null)
        {
            return null;
        }

        var allowed = Enum.GetValues<ProgrammeType>().Where(t => t.RunBy() == structure.Kind).ToList();
        return new ProgrammePage
        {
            Id = null,
            StructureId = structureId,
            StructureName = structure.Name,
            AllowedTypes = allowed,
            IsActive = true,
            Input = typed ?? new ProgrammeInput { Type = allowed.Count == 1 ? allowed[0] : null },
            StoredVersion = 0,
            Conflict = [],
            History = [],
        };
    }

    public async Task<Guid> CreateProgrammeAsync(Guid actorId, Guid structureId, ProgrammeInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var structure = await db.Structures.SingleOrDefaultAsync(s => s.Id == structureId, cancellationToken) ?? throw new AdminRecordNotFoundException();
        if (!structure.IsActive)
        {
            throw new DomainException($"{structure.Name} est désactivée : réactivez-la avant de lui ajouter un programme.");
        }

        var type = input.Type ?? throw new DomainException("Choisissez le type de programme dans la liste.", nameof(ProgrammeInput.Type));
        var category = input.Category ?? throw new DomainException("Choisissez le type de service : formation, accompagnement ou financement.", nameof(ProgrammeInput.Category));
        var codes = await db.Programmes.Select(p => p.Code).ToListAsync(cancellationToken);
        var code = Codes.Unique(ReferenceDataImporter.Slug($"{structure.Code} {input.Name}"), codes, Programme.CodeMaxLength);
        var programme = Programme.Create(Guid.CreateVersion7(), code, input.Name, type, category, structure, input.Description);
        programme.SetTerms(Terms(input));
        db.Programmes.Add(programme);
        audit.Record(actorId, AdminEntities.Programme, programme.Id, "Programme créé",
            [("Structure", null, structure.Name), ("Type", null, type.Label()), .. ProgrammeInput.From(programme).Describe().Select(d => (d.Label, (object?)null, (object?)d.Value))]);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Programme {ProgrammeId} created for structure {StructureId} by {ActorId}", programme.Id, structureId, actorId);
        return programme.Id;
    }

    public async Task<ProgrammePage?> ProgrammePageAsync(Guid id, ProgrammeInput? typed, bool conflict, CancellationToken cancellationToken = default)
    {
        var found = await (from p in db.Programmes.AsNoTracking()
                           join s in db.Structures on p.StructureId equals s.Id
                           where p.Id == id
                           select new { Programme = p, s.Name }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var stored = ProgrammeInput.From(found.Programme);
        var input = typed ?? stored;
        input.Type = found.Programme.Type;
        return new ProgrammePage
        {
            Id = id,
            StructureId = found.Programme.StructureId,
            StructureName = found.Name,
            AllowedTypes = [found.Programme.Type],
            IsActive = found.Programme.IsActive,
            Input = input,
            StoredVersion = found.Programme.Version,
            Conflict = conflict ? Differences(stored.Describe(), input.Describe()) : [],
            History = await audit.HistoryAsync(AdminEntities.Programme, id, cancellationToken),
        };
    }

    public async Task<bool> UpdateProgrammeAsync(Guid actorId, Guid id, ProgrammeInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var programme = await db.Programmes.SingleOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new AdminRecordNotFoundException();
        db.Entry(programme).Property(p => p.Version).OriginalValue = input.Version;
        var before = ProgrammeInput.From(programme).Describe();
        var category = input.Category ?? throw new DomainException("Choisissez le type de service : formation, accompagnement ou financement.", nameof(ProgrammeInput.Category));
        var terms = Terms(input);

        // Amounts first when the category becomes Financement, the category first when it stops being it.
        if (category == SupportCategory.Financement)
        {
            programme.Describe(input.Name, category, input.Description);
            programme.SetTerms(terms);
        }
        else
        {
            programme.SetTerms(terms);
            programme.Describe(input.Name, category, input.Description);
        }

        if (!audit.RecordChanges(actorId, AdminEntities.Programme, id, "Programme modifié", Changes(before, ProgrammeInput.From(programme).Describe())))
        {
            return false;
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<Guid> SetProgrammeActiveAsync(Guid actorId, Guid id, bool active, CancellationToken cancellationToken = default)
    {
        var programme = await db.Programmes.SingleOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new AdminRecordNotFoundException();
        if (programme.IsActive != active)
        {
            if (active)
            {
                var structureActive = await db.Structures.Where(s => s.Id == programme.StructureId).Select(s => s.IsActive).SingleAsync(cancellationToken);
                if (!structureActive)
                {
                    throw new DomainException("La structure de ce programme est désactivée : réactivez-la d'abord.");
                }

                programme.Activate();
            }
            else
            {
                programme.Deactivate();
            }

            audit.Record(actorId, AdminEntities.Programme, id, active ? "Programme réactivé" : "Programme désactivé", ("Actif", AdminAudit.YesNo(!active), AdminAudit.YesNo(active)));
            await db.SaveChangesAsync(cancellationToken);
        }

        return programme.StructureId;
    }

    private static ProgrammeTerms Terms(ProgrammeInput input) => new(
        input.TargetStage,
        input.Format,
        input.DurationMonths,
        input.CostForPorteur,
        AdminForms.ParseAmount(input.MinAmount, nameof(ProgrammeInput.MinAmount)),
        AdminForms.ParseAmount(input.MaxAmount, nameof(ProgrammeInput.MaxAmount)));

    private static (string, object?, object?)[] Changes(IReadOnlyList<(string Label, string? Value)> before, IReadOnlyList<(string Label, string? Value)> after) =>
        before.Zip(after, (b, a) => (b.Label, (object?)b.Value, (object?)a.Value)).ToArray();

    private static List<ConflictLine> Differences(IReadOnlyList<(string Label, string? Value)> stored, IReadOnlyList<(string Label, string? Value)> typed) =>
        stored.Zip(typed, (s, t) => new ConflictLine(s.Label, t.Value, s.Value)).Where(l => l.Typed != l.Stored).ToList();
}
