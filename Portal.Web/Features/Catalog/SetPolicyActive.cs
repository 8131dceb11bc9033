using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Catalog;

/// <summary>Stops reps offering a policy, or lets them offer it again.</summary>
public static class SetPolicyActive
{
    [AuthorizeRequest(Roles.Admin)]
    public sealed record Command(string Code, bool Active) : ICommand<MediatR.Unit>;

    internal sealed class Handler(PortalDbContext db) : MediatR.IRequestHandler<Command, MediatR.Unit>
    {
        public async Task<MediatR.Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var code = CatalogRules.NormaliseCode(request.Code);
            var policy = await db.Policies.SingleOrDefaultAsync(p => p.Code == code, cancellationToken)
                ?? throw new NotFoundException($"Policy {code}");
            if (request.Active)
            {
                policy.Activate();
            }
            else
            {
                policy.Deactivate();
            }

            return MediatR.Unit.Value;
        }
    }
}
