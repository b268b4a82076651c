using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrajectoirEss.Infrastructure.Demo;
using TrajectoirEss.Infrastructure.Email;
using TrajectoirEss.Infrastructure.Identity;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Infrastructure.ReferenceData;

namespace TrajectoirEss.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "TrajectoirEss";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} is not set. Set the environment variable ConnectionStrings__{ConnectionStringName}, or start the portal with scripts/run.sh.");
        }

        connectionString = DatabaseSetup.ForApplication(connectionString);
        services.AddSingleton<ReferenceDataVersion>();
        services.AddSingleton<ReferenceDataChangeInterceptor>();
        // The session check's cache of accounts, kept true by the database's notifications (and this instance's saves).
        services.AddSingleton<SessionAccountCache>();
        services.AddSingleton<AccountChangeInterceptor>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxSignalInterceptor>();
        services.AddHostedService(provider => new AccountChangeListener(
            connectionString, provider.GetRequiredService<SessionAccountCache>(), provider.GetRequiredService<ILogger<AccountChangeListener>>()));
        // Pooled: contexts are reset and reused between requests instead of being built each time.
        services.AddDbContextPool<TrajectoirEssDbContext>((provider, options) =>
        {
            DatabaseSetup.Configure(options, connectionString);
            options.AddInterceptors(
                provider.GetRequiredService<ReferenceDataChangeInterceptor>(),
                provider.GetRequiredService<AccountChangeInterceptor>(),
                provider.GetRequiredService<OutboxSignalInterceptor>());
        });
        services.AddDataProtection()
            .SetApplicationName("TrajectoirEss")
            .PersistKeysToDbContext<TrajectoirEssDbContext>();

        services.AddOptions<EmailOptions>()
            .Bind(configuration.GetSection(EmailOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // E-mails go through the outbox (a table written with the change), delivered by a background service.
        services.AddScoped<EmailOutbox>();
        services.AddScoped<IMailer, OutboxMailer>();
        services.AddSingleton<MailDelivery>();
        services.AddScoped<OutboxDispatcher>();
        services.AddHostedService<OutboxService>();

        services.AddScoped<ReferenceDataImporter>();
        services.AddScoped<DemoAccounts>();
        services.AddScoped<DemoDataGenerator>();
        services.AddScoped<DemoPlatformHistory>();
        services.AddScoped<DemoEvaluation>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
