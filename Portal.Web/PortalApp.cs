using Portal.Web.Features.Dispatch;
using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Domain.Common;
using Portal.Infrastructure.Bss;
using Portal.Infrastructure.Documents;
using Portal.Web.Features.Documents;
using Portal.Web.Features.Kpis;
using Portal.Infrastructure.Payments;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.Jobs;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Sms;
using Portal.Web.Api;
using Portal.Web.Common;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Errors;
using Portal.Web.Common.Outbox;
using Portal.Web.Common.Security;
using Portal.Web.Common.Telemetry;
using Portal.Web.Common.Health;
using Portal.Web.Features.Admin.Audit;
using Portal.Web.Components;
using Portal.Web.Features.Opportunities;
using MudBlazor;
using MudBlazor.Services;
using Portal.Web.Features.Orders;

namespace Portal.Web;

/// <summary>Composition root. Tests and the E2E host start the same app that Program.cs runs.</summary>
public static class PortalApp
{
    public static readonly CultureInfo[] Cultures = [new("en"), new("zh-CN")];

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null) =>
        Build(new WebApplicationOptions { Args = args }, configure);

    public static WebApplication Build(WebApplicationOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(options);
        // `dotnet run` in Production serves from the build output, whose static assets (MudBlazor, Blazor's script) are
        // listed in a manifest only Development reads by default. A published app has no such manifest: no effect there.
        builder.WebHost.UseStaticWebAssets();
        builder.AddPortalTelemetry();
        configure?.Invoke(builder);
        var services = builder.Services;

        services.AddPortalPersistence(PortalDatabase.From(
            builder.Configuration["Database:Provider"], builder.Configuration.GetConnectionString("Portal"), builder.Environment.ContentRootPath));
        services.AddSingleton<DatabaseInUse>();
        services.AddHostedService<DatabaseInitializer>();
        // Keys in the database under one application name: a cookie or antiforgery token from any node works on all.
        services.AddDataProtection().SetApplicationName("MobileStorefrontPortal").PersistKeysToDbContext<PortalDbContext>();
        services.AddSingleton<JobLeases>();
        services.AddHostedService<StaleOpportunitySweep>();
        services.Configure<Features.Privacy.RetentionOptions>(builder.Configuration.GetSection(Features.Privacy.RetentionOptions.Section));
        services.AddHostedService<Features.Privacy.RetentionSweep>();
        services.AddHostedService<Features.KeyMoments.KeyMomentSweep>();
        services.Configure<SimulatedBssOptions>(builder.Configuration.GetSection("Bss:Simulator"));
        services.TryAddSingleton<IBssAdapter, SimulatedBss>();
        services.TryAddSingleton<IOrderNumberSource, RandomOrderNumbers>();
        services.AddOutbox();
        services.Configure<OutboxOptions>(builder.Configuration.GetSection("Outbox"));
        services.AddScoped<OutboxDelivery>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddOutboxHandler<ProvisionOrder.Message, ProvisionOrder.Handler>(ProvisionOrder.Kind);
        services.AddOutboxHandler<Features.Payments.RefundPayment.Message, Features.Payments.RefundPayment.SendHandler>(Features.Payments.RefundPayment.Kind);
        services.AddPortalSms();
        services.AddOutboxHandler<Features.Payments.ExpirePaymentLinks.Message, Features.Payments.ExpirePaymentLinks.CancelHandler>(Features.Payments.ExpirePaymentLinks.Kind);
        services.AddHostedService<Features.Payments.ExpirePaymentLinks.SweepJob>();
        services.AddHostedService<Features.Dispatch.ReleaseDelivery.SweepJob>();
        services.Configure<Features.Reconciliation.StripePayoutOptions>(builder.Configuration.GetSection(Features.Reconciliation.StripePayoutOptions.Section));
        services.AddHostedService<Features.Reconciliation.StripePayoutFetch>();
        services.AddOutboxHandler<Features.Payments.ChargeOnTerminal.Message, Features.Payments.ChargeOnTerminal.SendHandler>(Features.Payments.ChargeOnTerminal.Kind);
        services.Configure<Features.Tracking.TrackingTextOptions>(builder.Configuration.GetSection(Features.Tracking.TrackingTextOptions.Section));
        services.Configure<Features.Payments.RefundOptions>(builder.Configuration.GetSection(Features.Payments.RefundOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IClock, TimeProviderClock>();
        services.AddPortalPayments(builder.Configuration);
        services.Configure<Features.Payments.PaymentLinkOptions>(builder.Configuration.GetSection(Features.Payments.PaymentLinkOptions.Section));
        services.AddScoped<ICurrentUser, CurrentUser>();
        services.AddSingleton<ScopedSender>();
        services.AddScoped<UiSender>();
        services.AddPortalMediator();
        services.Configure<OpportunityOptions>(builder.Configuration.GetSection("Opportunities"));
        services.Configure<Features.KeyMoments.KeyMomentOptions>(builder.Configuration.GetSection(Features.KeyMoments.KeyMomentOptions.Section));
        services.Configure<Features.Overview.OverviewOptions>(builder.Configuration.GetSection(Features.Overview.OverviewOptions.Section));
        services.AddDispatch(builder.Configuration);
        services.AddPortalDocuments(builder.Configuration);
        services.AddSingleton<Features.Documents.PrintManifestAhead>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.Documents.PrintManifestAhead>());
        if (builder.Environment.IsDevelopment() && builder.Configuration["Demo:DeliveryDay"] != "false")
        {
            services.AddHostedService<DemoDeliveryDay>();
        }

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Chinese text goes out as UTF-8 characters, not as &#x...; entities for every character.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        // Every circuit limit is set in appsettings.json ("Blazor"), so an operator sees and tunes them in one place;
        // README "Performance" explains each value.
        services.AddRazorComponents().AddInteractiveServerComponents(o => builder.Configuration.GetSection("Blazor:Circuits").Bind(o));
        services.AddServerSideBlazor().AddHubOptions(o => builder.Configuration.GetSection("Blazor:Hub").Bind(o));
        services.AddMudServices(o =>
        {
            // Bottom-left keeps results clear of the main action, which sits at the right or bottom-right of a form.
            o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomLeft;
            o.SnackbarConfiguration.PreventDuplicates = true;
            o.SnackbarConfiguration.VisibleStateDuration = 6000;
            o.SnackbarConfiguration.ShowCloseIcon = true;
        });

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "portal.auth";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
        // Every request re-checks the cookie's security stamp, so sign-out, disabling or a role change ends the old
        // cookie at its next request (one indexed read per request; the same check runs on every send from a page).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.AddPortalSecurity(builder.Configuration);
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddIdentityCore<PortalUser>(o =>
            {
                o.SignIn.RequireConfirmedAccount = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 8;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager<PortalSignInManager>()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>()
            .AddDefaultTokenProviders();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser().Build())
            .AddPolicy(ApiEndpoints.Policy, p => p
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .RequireRole(Roles.Integration))
            .AddApiScopePolicies();

        services.AddProblemDetails();
        services.AddOpenApi(o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer<ApiKeyDocumentTransformer>();
        });
        services.AddPortalHealth(builder.Configuration);

        var app = builder.Build();
        Configure(app);
        return app;
    }

    private static void Configure(WebApplication app)
    {
        app.UseConfiguredForwardedHeaders(app.Configuration);
        app.UseSecurityHeaders();
        app.MapPortalMetrics();
        app.UseExceptionHandler("/Error", createScopeForErrors: true);
        app.UseApiExceptionHandler();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        // API clients get problem details for bare error statuses; people get a page.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), ui => ui.UseStatusCodePagesWithReExecute("/not-found", "?status={0}"));
        // Routing runs after the status-code pages, so the re-executed /not-found request finds its page
        // (with routing first, a typed unknown URL ended as an empty 404).
        app.UseRouting();
        app.UseRateLimiter();
        app.UseRequestLocalization(o =>
        {
            o.SetDefaultCulture("en");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapPortalHealth();
        app.MapPortalPayments();
        app.MapStripeWebhook();
        app.MapOpenApi().AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapApiEndpoints();
        app.MapDocumentEndpoints();
        app.MapDeliveryPhotos();
        app.MapKpiExport();
        Features.Ledger.ExportPostings.MapLedgerExport(app);
        app.MapAuditExport();
        Features.Reconciliation.ReconciliationReportExport.MapReconciliationReportExport(app);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
