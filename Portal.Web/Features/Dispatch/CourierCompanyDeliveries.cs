using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Dispatch;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Dispatch;

/// <summary>
/// The courier company's own deliveries in one status, with what its last mile needs (recipient name and phone,
/// address, window, parcels, amount to collect). Another company's deliveries are never listed.
/// </summary>
public static class CourierCompanyDeliveries
{
    [AuthorizeRequest(Roles.Integration)]
    public sealed record Query(DeliveryStatus Status) : IRequest<IReadOnlyList<Row>>;

    public sealed record Row(
        string TrackingCode, string RecipientName, string RecipientPhone, string Address, DateOnly Date, string Slot, int Parcels, decimal AmountToCollect, string Status);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Status).IsInEnum().WithMessage("Unknown status.");
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query request, CancellationToken cancellationToken)
        {
            var company = await CourierCompany.Of(db, user, cancellationToken);
            var rows = await db.Deliveries.AsNoTracking()
                .Where(d => d.CourierId == company && d.Status == request.Status)
                .OrderBy(d => d.Window.Date).ThenBy(d => d.Window.From).ThenBy(d => d.Id)
                .Take(1000)
                .Select(d => new { d.TrackingCode, d.RecipientName, d.RecipientPhone, d.Address, d.Window, Parcels = d.Items.Sum(i => i.Quantity), d.AmountToCollect, d.Status })
                .ToListAsync(cancellationToken);
            return [.. rows.Select(d => new Row(
                d.TrackingCode.Value, d.RecipientName, d.RecipientPhone.Value, d.Address.ToString(), d.Window.Date,
                $"{d.Window.From:HH\\:mm}-{d.Window.To:HH\\:mm}", d.Parcels, d.AmountToCollect.Amount, d.Status.ToString()))];
        }
    }
}

internal static class CourierCompany
{
    /// <summary>The courier record of the calling API client; a client that is no courier company sees nothing.</summary>
    public static async Task<long> Of(PortalDbContext db, ICurrentUser user, CancellationToken cancellationToken) =>
        await db.Couriers.Where(c => c.Login == user.Name && c.Channel == DeliveryChannel.CourierCompany && c.IsActive)
            .Select(c => (long?)c.Id)
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Deliveries for this client");
}
