using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Errors;
using Portal.Web.Common.Localization;

namespace Portal.Web.Common.Behaviours;

/// <summary>
/// Outermost: a refused request comes back in the caller's language (the page's culture, or the API client's
/// Accept-Language), whichever layer refused it. The code and field names stay as they are for programs.
/// </summary>
public sealed class ServerTextBehaviour<TRequest, TResponse>(ServerText text, IDbContextFactory<PortalDbContext> dbFactory)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        try
        {
            return await next();
        }
        catch (ConcurrencyConflictException ex)
        {
            throw new ConcurrencyConflictException(text.Say(ex), ex);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException ex)
        {
            // The unit of work retried and still lost: a page shows a message, not an error page.
            throw new ConcurrencyConflictException(text.Say(ConcurrencyConflictException.Generic), ex);
        }
        catch (DomainException ex)
        {
            throw new DomainException(ex.Code, text.Say(ex.Template, await PeopleNamed(ex.Arguments, cancellationToken)), ex) { Field = ex.Field };
        }
        catch (RequestValidationException ex)
        {
            throw new RequestValidationException(ex.Errors.ToDictionary(
                e => e.Key, e => e.Value.Select(text.Say).ToArray(), StringComparer.Ordinal));
        }
    }

    /// <summary>The domain names people by the user id it records ("Already claimed by {0}"): people read the current display name.</summary>
    private async Task<IReadOnlyList<object?>> PeopleNamed(IReadOnlyList<object?> arguments, CancellationToken cancellationToken)
    {
        if (!arguments.Any(a => a is string))
        {
            return arguments;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var names = await PeopleNames.ForAsync(db, arguments.OfType<string>(), cancellationToken);
        return [.. arguments.Select(a => a is string s && names.TryGetValue(s, out var name) ? name : a)];
    }
}
