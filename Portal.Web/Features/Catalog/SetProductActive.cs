using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Catalog;

/// <summary>Takes a product off sale (reps and other channels stop seeing it) or puts it back on sale.</summary>
public static class SetProductActive
{
    [AuthorizeRequest(Roles.Admin)]
    public sealed record Command(string Sku, bool Active) : ICommand<MediatR.Unit>;

    internal sealed class Handler(PortalDbContext db) : MediatR.IRequestHandler<Command, MediatR.Unit>
    {
        public async Task<MediatR.Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var sku = CatalogRules.NormaliseCode(request.Sku);
            var product = await db.Products.SingleOrDefaultAsync(p => p.Sku == sku, cancellationToken)
                ?? throw new NotFoundException($"Product {sku}");
            if (request.Active)
            {
                product.Activate();
            }
            else
            {
                product.Deactivate();
            }

            return MediatR.Unit.Value;
        }
    }
}
