using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Bench.ReferenceApp;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddControllersWithViews();
builder.Services.AddDbContextPool<FortunesContext>(options =>
    options.UseNpgsql(builder.Configuration.GetConnectionString("Bench") ?? throw new InvalidOperationException("ConnectionStrings:Bench is not set."))
        .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking));
var app = builder.Build();

await using (var scope = app.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<FortunesContext>();
    await db.Database.ExecuteSqlRawAsync("""
        CREATE TABLE IF NOT EXISTS bench_fortunes (id integer PRIMARY KEY, message text NOT NULL);
        INSERT INTO bench_fortunes (id, message)
        SELECT i, 'Fortune n° ' || i || ' : mieux vaut un projet collectif que mille idées seules.' FROM generate_series(1, 12) AS i
        ON CONFLICT (id) DO NOTHING;
        """);
}

app.MapControllers();
await app.RunAsync();

