using Microsoft.EntityFrameworkCore;

namespace TrajectoirEss.Bench.ReferenceApp;

public sealed class Fortune
{
    public int Id { get; set; }

    public string Message { get; set; } = string.Empty;
}

public sealed class FortunesContext(DbContextOptions<FortunesContext> options) : DbContext(options)
{
    public DbSet<Fortune> Fortunes => Set<Fortune>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Fortune>(entity =>
        {
            entity.ToTable("bench_fortunes");
            entity.Property(f => f.Id).HasColumnName("id");
            entity.Property(f => f.Message).HasColumnName("message");
        });
}

public sealed class FortunesController(FortunesContext db) : Microsoft.AspNetCore.Mvc.Controller
{
    [Microsoft.AspNetCore.Mvc.HttpGet("/fortunes")]
    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> Index()
    {
        var fortunes = await db.Fortunes.ToListAsync();
        fortunes.Add(new Fortune { Id = 0, Message = "Ajout à la volée, comme dans le test Fortunes." });
        return View(fortunes.OrderBy(f => f.Message, StringComparer.Ordinal).ToList());
    }
}
