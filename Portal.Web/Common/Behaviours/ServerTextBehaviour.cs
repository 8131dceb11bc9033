using MediatR;
using Portal.Domain.Common;
using Portal.Web.Common.Errors;
using Portal.Web.Common.Localization;

namespace Portal.Web.Common.Behaviours;

/// <summary>
/// Outermost: a refused request comes back in the caller's language (the page's culture, or the API client's
/// Accept-Language), whichever layer refused it. The code and field names stay as they are for programs.
/// </summary>
public sealed class ServerTextBehaviour<TRequest, TResponse>(ServerText text) : IPipelineBehavior<TRequest, TResponse>
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
            throw new DomainException(ex.Code, text.Say(ex), ex);
        }
        catch (RequestValidationException ex)
        {
            throw new RequestValidationException(ex.Errors.ToDictionary(
                e => e.Key, e => e.Value.Select(text.Say).ToArray(), StringComparer.Ordinal));
        }
    }
}
