using System.Reflection;
using FluentValidation;
using MediatR;

namespace Portal.Web.Common.Behaviours;

public static class MediatorSetup
{
    /// <summary>
    /// MediatR 5 has no DI package here: register the mediator, the behaviours (first registered runs outermost)
    /// and every handler and validator found in this assembly.
    /// </summary>
    public static IServiceCollection AddPortalMediator(this IServiceCollection services)
    {
        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddSingleton<SqliteGroupCommit>();
        services.AddScoped<IMediator, Mediator>();
        services.AddScoped<Localization.ServerText>();
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ServerTextBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(IdempotencyBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(UnitOfWorkBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(IdempotencyRecordBehaviour<,>));
        services.AddScoped<IdempotencyContext>();

        Type[] open = [typeof(IRequestHandler<,>), typeof(INotificationHandler<>), typeof(IValidator<>)];
        foreach (var type in Assembly.GetExecutingAssembly().GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && open.Contains(i.GetGenericTypeDefinition())))
            {
                services.AddScoped(contract, type);
            }
        }

        return services;
    }
}
