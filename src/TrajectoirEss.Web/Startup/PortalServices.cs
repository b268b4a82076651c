using System.Globalization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using TrajectoirEss.Infrastructure;
using TrajectoirEss.Infrastructure.Identity;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Account;

namespace TrajectoirEss.Web.Startup;

internal static class PortalServices
{
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddOptions<PortalOptions>()
            .Bind(configuration.GetSection(PortalOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => !(o.DemoMode && builder.Environment.IsProduction()), "TrajectoirEss:DemoMode is refused in Production: demo accounts have a published password.")
            .ValidateOnStart();
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section));

        services.AddInfrastructure(configuration);

        services.AddIdentity<ApplicationUser, ApplicationRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<TrajectoirEssDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<FrenchIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "trajectoiress.session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/compte/connexion";
            options.LogoutPath = "/compte/deconnexion";
            options.AccessDeniedPath = "/erreur/403";
            options.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            options.SlidingExpiration = true;
            options.Events = new CookieAuthenticationEvents
            {
                // A disabled account, or one whose security stamp changed, is signed out on its next request.
                OnValidatePrincipal = SessionValidation.ValidatePrincipalAsync,

                // A signed-in user without the right role gets a 403 page, not a redirect; an API caller gets a bare status.
                OnRedirectToAccessDenied = context =>
                {
                    // A role that may not see a kind of page gets 403; on a record's page (an id in the path)
                    // it gets 404, like any record it may not see, so that the record's existence does not leak.
                    var recordRoute = context.Request.Path.Value?.Split('/').Any(segment => Guid.TryParse(segment, out _)) == true;
                    context.Response.StatusCode = recordRoute ? StatusCodes.Status404NotFound : StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                },
                OnRedirectToLogin = context =>
                {
                    if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                    {
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    }
                    else
                    {
                        context.Response.Redirect(context.RedirectUri);
                    }

                    return Task.CompletedTask;
                },
            };
        });

        // The claims of a session (name, organisation) are refreshed from the database every minute.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAuthorization(Policies.Add);

        services.AddControllersWithViews(options =>
            {
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                options.Filters.Add<DomainExceptionFilter>();
                FrenchModelBindingMessages(options);
            })
            .AddRazorOptions(options =>
            {
                // Vertical slices: a feature's controller and views live side by side.
                options.ViewLocationFormats.Clear();
                options.ViewLocationFormats.Add("/Features/{1}/{0}.cshtml");
                options.ViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
                options.AreaViewLocationFormats.Clear();
                options.AreaViewLocationFormats.Add("/Areas/{2}/{1}/{0}.cshtml");
                options.AreaViewLocationFormats.Add("/Areas/{2}/Shared/{0}.cshtml");
                options.AreaViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
            });

        services.AddRequestLocalization(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(French);
            options.SupportedCultures = [French];
            options.SupportedUICultures = [French];
            options.RequestCultureProviders.Clear();
        });

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddScoped<AccountEmails>();
        services.AddScoped<Features.Shared.CommuneDirectory>();
        services.AddMemoryCache();
        services.AddScoped<Features.Shared.ReferenceCache>();
        services.AddScoped<Features.Notifications.Notifier>();
        services.AddScoped<Areas.Porteur.Projects.PorteurProjects>();
        services.AddScoped<Areas.Porteur.Projects.ProjectQueries>();
        services.AddScoped<Areas.Porteur.MyData.AccountDeletion>();
        services.AddScoped<Features.Shared.Audit>();
        services.AddScoped<Areas.Pole.Projects.PoleWorkspace>();
        services.AddScoped<Areas.Pole.Projects.PoleQueries>();
        services.AddScoped<Areas.Pole.Projects.ReferralDeadlines>();
        services.AddScoped<Areas.Structure.StructureWorkspace>();
        services.AddScoped<Areas.Structure.StructureQueries>();
        services.AddScoped<Areas.Coordination.Dashboard.DashboardQueries>();
        services.AddOptions<FinancingOptions>().Bind(configuration.GetSection(FinancingOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.CapCreationMin <= o.CapCreationMax && o.FondsDeConfianceMinShare <= o.FondsDeConfianceMaxShare, "Financing: each minimum must not exceed its maximum.").ValidateOnStart();
        services.AddHostedService<Areas.Pole.Projects.ReferralDeadlineJob>();
        services.AddOptions<ReferralOptions>().Bind(configuration.GetSection(ReferralOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.ExpiryDays > o.ReminderDays, "Referrals:ExpiryDays must be greater than Referrals:ReminderDays.").ValidateOnStart();
        services.AddScoped<Areas.Admin.Shared.AdminAudit>();
        services.AddScoped<Areas.Admin.Accounts.AccountAdministration>();
        services.AddScoped<Areas.Admin.Poles.PoleAdministration>();
        services.AddScoped<Areas.Admin.Structures.StructureAdministration>();
        services.AddScoped<Areas.Admin.Lists.ListAdministration>();
        services.AddScoped<Areas.Admin.ReferenceData.ReferenceDataRefresh>();
        services.AddOptions<WorkspaceOptions>().Bind(configuration.GetSection(WorkspaceOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<DatabaseInitializer>();
        return builder;
    }

    private static void FrenchModelBindingMessages(MvcOptions options)
    {
        var messages = options.ModelBindingMessageProvider;
        messages.SetValueMustNotBeNullAccessor(_ => "Ce champ est obligatoire.");
        messages.SetMissingBindRequiredValueAccessor(_ => "Ce champ est obligatoire.");
        messages.SetMissingKeyOrValueAccessor(() => "Ce champ est obligatoire.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "La requête est vide.");
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => "La valeur saisie n'est pas valide.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => "La valeur saisie n'est pas valide.");
        messages.SetUnknownValueIsInvalidAccessor(_ => "La valeur saisie n'est pas valide.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "La valeur saisie n'est pas valide.");
        messages.SetValueIsInvalidAccessor(_ => "La valeur saisie n'est pas valide.");
        messages.SetValueMustBeANumberAccessor(_ => "Saisissez un nombre.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Saisissez un nombre.");
        options.ModelMetadataDetailsProviders.Add(new SystemTextJsonValidationMetadataProvider());
    }
}
