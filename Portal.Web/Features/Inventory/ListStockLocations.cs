using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Inventory;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Inventory;

/// <summary>The warehouse and stations that hold stock, warehouse first.</summary>
public static class ListStockLocations
{
    [AuthorizeRequest(Roles.Admin, Roles.Rep, Roles.BackOffice, Roles.Dispatcher)]
    public sealed record Query : IRequest<IReadOnlyList<LocationRow>>;

    public sealed record LocationRow(string Code, string Name, StockLocationKind Kind, string City, string District);

    internal sealed class Handler(PortalDbContext db) : IRequestHandler<Query, IReadOnlyList<LocationRow>>
    {
        public async Task<IReadOnlyList<LocationRow>> Handle(Query request, CancellationToken cancellationToken)
        {
            var locations = await db.StockLocations.AsNoTracking()
                .Select(l => new LocationRow(l.Code, l.Name, l.Kind, l.City, l.District))
                .ToListAsync(cancellationToken);
            return locations.OrderBy(l => l.Kind).ThenBy(l => l.Code, StringComparer.Ordinal).ToList();
        }
    }
}
