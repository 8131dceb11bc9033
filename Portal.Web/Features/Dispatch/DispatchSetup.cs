using Microsoft.Extensions.Options;
using Portal.Domain.Dispatch;
using Portal.Infrastructure.Routing;

namespace Portal.Web.Features.Dispatch;

public static class DispatchSetup
{
    public static IServiceCollection AddDispatch(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RoutingOptions>(configuration.GetSection("Dispatch:Routing"));
        services.AddSingleton<IRoutePlanner>(sp => new OrToolsRoutePlanner(sp.GetRequiredService<IOptions<RoutingOptions>>().Value));
        services.AddSingleton<IGeocoder, KnownAddresses>();
        services.AddScoped<RunPlanner>();
        services.AddSingleton<Tracking.LookupGuard>();
        return services;
    }
}
