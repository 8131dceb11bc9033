using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Infrastructure.Outbox;

namespace Portal.Infrastructure.Sms;

public static class SmsSetup
{
    /// <summary>The SMS gateway (the simulated provider unless another <see cref="ISmsSender"/> is registered first) and its outbox kind.</summary>
    public static IServiceCollection AddPortalSms(this IServiceCollection services)
    {
        services.TryAddSingleton<SmsSandbox>();
        services.TryAddSingleton<ISmsSender, SimulatedSmsSender>();
        services.AddOutboxHandler<SmsMessage, SmsOutboxHandler>(SmsMessage.Kind);
        return services;
    }
}
