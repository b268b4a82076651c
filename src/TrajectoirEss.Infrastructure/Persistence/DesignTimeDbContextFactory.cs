using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TrajectoirEss.Infrastructure.Persistence;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the web app.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<TrajectoirEssDbContext>
{
    public TrajectoirEssDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__TrajectoirEss")
            ?? "Host=127.0.0.1;Port=5433;Database=trajectoiress;Username=trajectoiress";
        var options = new DbContextOptionsBuilder<TrajectoirEssDbContext>();
        DatabaseSetup.Configure(options, connectionString);
        return new TrajectoirEssDbContext(options.Options);
    }
}
