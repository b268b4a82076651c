using System.Globalization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;
using TrajectoirEss.Infrastructure;
using TrajectoirEss.Infrastructure.Identity;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Account;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Security;

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

        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddIdentity<ApplicationUser, ApplicationRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedEmail = true;

                // Length, not composition (NIST SP 800-63B, ASVS 2.1): 12 characters, any characters, not a common password.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;

                // Links sent by e-mail: a password reset lives one hour (an invitation, seven days: AccountEmails).
                options.Tokens.PasswordResetTokenProvider = AccountTokens.PasswordResetProvider;
            })
            .AddEntityFrameworkStores<TrajectoirEssDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<PasswordResetTokenProvider>(AccountTokens.PasswordResetProvider)
            .AddTokenProvider<InvitationTokenProvider>(AccountTokens.InvitationProvider)
            .AddTokenProvider<AuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddErrorDescriber<FrenchIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>();
        services.AddOptions<PasswordHasherOptions>().Configure<IOptions<SecurityOptions>>((hasher, security) => hasher.IterationCount = security.Value.PasswordHashIterations);

        // Every cookie of the portal: __Host- prefix (HTTPS only, this host only, path /), HttpOnly, SameSite=Lax.
        // Lax rather than Strict: with Strict, the first request after following a link from an e-mail or
        // another site would arrive without the session. Cross-site POSTs are refused by antiforgery anyway.
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = PortalCookies.Session;
            HardenCookie(options.Cookie);
            options.LoginPath = "/compte/connexion";
            options.LogoutPath = "/compte/deconnexion";
            options.AccessDeniedPath = "/erreur/403";
            options.SlidingExpiration = true;
            options.Events = new CookieAuthenticationEvents
            {
                // The login time goes into the ticket: the session ends 12 hours after it, active or not.
                OnSigningIn = SessionValidation.OnSigningInAsync,

                // A disabled account, one whose security stamp changed, or a session past its absolute lifetime is signed out on its next request.
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
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<SecurityOptions>>((cookie, security) => cookie.ExpireTimeSpan = TimeSpan.FromMinutes(security.Value.SessionIdleMinutes));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, options =>
        {
            options.Cookie.Name = PortalCookies.TwoFactor;
            HardenCookie(options.Cookie);
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, options =>
        {
            options.Cookie.Name = PortalCookies.TwoFactorRemember;
            HardenCookie(options.Cookie);
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, options =>
        {
            options.Cookie.Name = PortalCookies.External;
            HardenCookie(options.Cookie);
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = PortalCookies.Antiforgery;
            HardenCookie(options.Cookie);

            // Antiforgery refuses to run over plain HTTP when its cookie is "Always" secure, which would break the
            // development server (http://127.0.0.1) and any proxy that does not pass X-Forwarded-Proto. The cookie
            // policy below marks it Secure anyway; browsers accept Secure cookies from 127.0.0.1 and localhost.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        // The last word on every cookie the portal sets, whatever set it: Secure, HttpOnly, SameSite=Lax at least.
        services.Configure<CookiePolicyOptions>(options =>
        {
            options.Secure = CookieSecurePolicy.Always;
            options.HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.Always;
            options.MinimumSameSitePolicy = SameSiteMode.Lax;
        });
        services.Configure<CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.Name = PortalCookies.TempData;
            HardenCookie(options.Cookie);
        });

        // The claims of a session (name, organisation) are refreshed from the database every minute.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAuthorization(Policies.Add);

        services.AddControllersWithViews(options =>
            {
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                options.Filters.Add<RefusalFilter>();
                options.Conventions.Add(new RouteValuesFromRouteOnly());
                options.ModelBinderProviders.Insert(0, new BooleanModelBinderProvider());
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
        services.AddPortalForwardedHeaders(configuration);
        services.AddPortalRateLimiting(configuration);
        services.AddHsts(options =>
        {
            // Sent on every HTTPS response outside development (the app runs behind a TLS-terminating proxy).
            options.MaxAge = TimeSpan.FromDays(365);
            options.ExcludedHosts.Clear();
        });

        // No uploads: a form is text only. Larger values or bodies are refused (413) before binding.
        services.Configure<FormOptions>(options =>
        {
            options.ValueLengthLimit = 64 * 1024;
            options.KeyLengthLimit = 256;
            options.ValueCountLimit = 500;
            options.MultipartBodyLengthLimit = 1024 * 1024;
        });
        services.Configure<KestrelServerOptions>(options =>
        {
            options.Limits.MaxRequestBodySize = 1024 * 1024;
            options.AddServerHeader = false;
        });

        // On SIGTERM, Kestrel stops accepting connections and lets requests in flight finish, up to this long.
        services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(30));
        services.AddScoped<AccountEmails>();
        services.AddSingleton<DummyPasswordHash>();
        services.AddSingleton<PasswordCheckGate>();
        services.AddScoped<Features.Shared.CommuneDirectory>();
        services.AddMemoryCache();
        services.AddScoped<Features.Shared.ReferenceCache>();
        services.AddSingleton<Features.Shared.ReferenceCache.RebuildGate>();
        services.AddScoped<Features.Notifications.Notifier>();
        services.AddScoped<Areas.Porteur.Projects.PorteurProjects>();
        services.AddScoped<Features.Projects.ProjectQueries>();
        services.AddScoped<Areas.Porteur.MyData.AccountDeletion>();
        services.AddScoped<Areas.Porteur.MyData.InactiveAccounts>();
        services.AddHostedService<Areas.Porteur.MyData.InactiveAccountsJob>();
        services.AddOptions<Areas.Porteur.MyData.RetentionOptions>().Bind(configuration.GetSection(Areas.Porteur.MyData.RetentionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<Features.Shared.Audit>();
        services.AddScoped<Features.Shared.AccessLog>();
        services.AddScoped<Features.Shared.ListValues>();
        services.AddScoped<Features.Shared.RecordNames>();
        services.AddScoped<Features.Platform.PlatformDirectory>();
        services.AddScoped<Features.Evaluation.Frame.FrameQueries>();
        services.AddScoped<Features.Evaluation.Frame.FrameEditing>();
        services.AddScoped<Features.Evaluation.Consultation.MemberConsultation>();
        services.AddScoped<Features.Evaluation.Campaigns.CampaignsOverview>();
        services.AddScoped<Features.Evaluation.Results.EvaluationResults>();
        services.AddScoped<Features.Evaluation.Campaigns.CampaignWorkflow>();
        services.AddOptions<Features.Evaluation.Campaigns.CampaignReminderOptions>().Bind(configuration.GetSection(Features.Evaluation.Campaigns.CampaignReminderOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<Features.Evaluation.Campaigns.CampaignReminderJob>();
        services.AddScoped<Features.Evaluation.Declarations.Declarations>();
        services.AddScoped<Features.Evaluation.Reading.SharedReadings>();
        services.AddScoped<Features.Evaluation.Report.EvaluationReports>();
        services.AddScoped<Features.Evaluation.Report.SynthesisEditing>();
        services.AddScoped<Features.Evaluation.Synthesis.PublicSyntheses>();
        services.AddScoped<Areas.Coordination.Platform.PlatformSessions>();
        services.AddScoped<Areas.Coordination.Platform.PlatformBodies>();
        services.AddScoped<Areas.Coordination.Platform.MilestoneReminders>();
        services.AddHostedService<Areas.Coordination.Platform.MilestoneReminderJob>();
        services.AddOptions<Areas.Coordination.Platform.PlatformReminderOptions>().Bind(configuration.GetSection(Areas.Coordination.Platform.PlatformReminderOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<Features.Platform.CommitmentQueries>();
        services.AddScoped<Features.Platform.MemberSpace>();
        services.AddScoped<Features.Platform.PublicPlatform>();
        services.AddScoped<Features.Platform.Pack.ReadingPacks>();
        services.AddScoped<Features.Evaluation.Computation.EvaluationMeasures>();
        services.AddScoped<Features.Evaluation.Computation.CampaignFreezing>();
        services.AddScoped<Features.Evaluation.Computation.DemoCampaigns>();
        services.AddScoped<Features.Evaluation.Computation.DemoReadings>();
        services.AddDomainEventHandlers();

        // Every use case (one class per action, in its slice's folder) is found by its marker, not listed here.
        foreach (var useCase in typeof(PortalServices).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Features.Shared.IUseCase).IsAssignableFrom(t)))
        {
            services.AddScoped(useCase);
        }

        services.AddScoped<Areas.Pole.Projects.PoleProjects>();
        services.AddScoped<Areas.Pole.Projects.PoleQueries>();
        services.AddScoped<Areas.Pole.Projects.ReferralDeadlines>();
        services.AddScoped<Areas.Structure.StructureRecords>();
        services.AddScoped<Areas.Structure.StructureQueries>();
        services.AddScoped<Areas.Coordination.Dashboard.DashboardQueries>();
        services.AddSingleton<Areas.Coordination.Dashboard.DashboardComputations>();
        services.AddHostedService<Areas.Coordination.Dashboard.DashboardRefreshJob>();
        services.AddOptions<FinancingOptions>().Bind(configuration.GetSection(FinancingOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.CapCreationMin <= o.CapCreationMax && o.FondsDeConfianceMinShare <= o.FondsDeConfianceMaxShare, "Financing: each minimum must not exceed its maximum.").ValidateOnStart();
        services.AddHostedService<Areas.Pole.Projects.ReferralDeadlineJob>();
        services.AddOptions<ReferralOptions>().Bind(configuration.GetSection(ReferralOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.ExpiryDays > o.ReminderDays, "Referrals:ExpiryDays must be greater than Referrals:ReminderDays.").ValidateOnStart();
        services.AddScoped<Areas.Admin.Shared.AdminAudit>();
        services.AddScoped<Areas.Admin.Accounts.AccountAdministration>();
        services.AddScoped<Areas.Admin.Poles.PoleAdministration>();
        services.AddScoped<Areas.Admin.Structures.StructureAdministration>();
        services.AddScoped<Areas.Admin.PublicAuthorities.PublicAuthorityAdministration>();
        services.AddScoped<Areas.Admin.Lists.ListAdministration>();
        services.AddScoped<Areas.Admin.StrategyObjectives.StrategyObjectiveAdministration>();
        services.AddScoped<Areas.Coordination.Commitments.CoordinationCommitments>();
        services.AddScoped<Areas.Admin.ReferenceData.ReferenceDataRefresh>();
        services.AddOptions<WorkspaceOptions>().Bind(configuration.GetSection(WorkspaceOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<DatabaseInitializer>();
        return builder;
    }

    private static void HardenCookie(CookieBuilder cookie)
    {
        cookie.HttpOnly = true;
        cookie.SecurePolicy = CookieSecurePolicy.Always;
        cookie.SameSite = SameSiteMode.Lax;
        cookie.Path = "/";
        cookie.Domain = null;
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
