using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Payments;

namespace Portal.Web.Common.Security;

public sealed class SignInLimitOptions
{
    /// <summary>Sign-in form posts allowed per client address per minute; the 11th answers 429.</summary>
    public int AttemptsPerMinute { get; set; } = 10;
}

/// <summary>Response headers, sign-in rate limit and forwarded headers: what a browser, a proxy and a guesser meet.</summary>
public static class SecuritySetup
{
    public const string SignInPath = "/Account/Login";

    /// <summary>
    /// Blazor Server needs its own script and a WebSocket back to this origin; MudBlazor sets inline style
    /// attributes, so styles allow 'unsafe-inline' while scripts do not.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    /// <summary>
    /// The public pay page with a Stripe account: Stripe.js and the Payment Element's frames load from Stripe and
    /// talk to its API. No other page gets these hosts.
    /// </summary>
    public const string PayPageWithStripePolicy =
        "default-src 'self'; script-src 'self' https://js.stripe.com; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self' ws: wss: https://api.stripe.com; frame-src https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public const string PayPagePath = "/pay";

    public static IServiceCollection AddPortalSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SignInLimitOptions>(configuration.GetSection("SignIn"));
        var attempts = configuration.GetSection("SignIn").Get<SignInLimitOptions>()?.AttemptsPerMinute ?? new SignInLimitOptions().AttemptsPerMinute;
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                HttpMethods.IsPost(http.Request.Method) && http.Request.Path.Equals(SignInPath, StringComparison.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = attempts, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("other"));
        });

        // Only the proxies an operator names may tell us the client's address and scheme.
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        return services;
    }

    /// <summary>
    /// With no known proxies configured, ASP.NET Core would trust forwarded headers from anyone; so the middleware
    /// runs only when the operator named the proxies.
    /// </summary>
    public static IApplicationBuilder UseConfiguredForwardedHeaders(this IApplicationBuilder app, IConfiguration configuration) =>
        configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() is { Length: > 0 } ? app.UseForwardedHeaders() : app;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = PolicyFor(http);
            return Task.CompletedTask;
        });
        await next();
    });

    private static string PolicyFor(HttpContext http) =>
        http.Request.Path.StartsWithSegments(PayPagePath, StringComparison.OrdinalIgnoreCase)
        && http.RequestServices.GetRequiredService<IOptions<StripeOptions>>().Value.UsesPaymentElement
            ? PayPageWithStripePolicy
            : ContentSecurityPolicy;
}
