using FluentValidation;
using Portal.Web.Common.Localization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Catalog;
using Portal.Domain.Common;
using Portal.Domain.Inventory;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;
using Portal.Web.Features.Catalog;

namespace Portal.Web.Features.Inventory;

/// <summary>
/// Books goods into a location. Handsets and SIM cards arrive with one IMEI/ICCID each and the quantity is the
/// number of serials; every receipt writes one Received movement for the audit trail.
/// </summary>
public static class ReceiveStock
{
    public const int MaxQuantity = 1000;

    [AuthorizeRequest(Roles.Admin)]
    public sealed record Command(string? Sku, string? LocationCode, int Quantity, IReadOnlyList<string>? Serials = null)
        : ICommand<Result>;

    public sealed record Result(string Sku, string LocationCode, int Received, int OnHand, int Available, string Reference);

    /// <summary>Splits what the admin pasted into serials: one per line, blank lines and stray spaces ignored.</summary>
    public static IReadOnlyList<string> SerialsFrom(string? pasted) =>
        (pasted ?? string.Empty).Split('\n').Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalDbContext db, ServerText text)
        {
            RuleFor(c => c.Sku).Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("SKU is required.");
            RuleFor(c => c.LocationCode)
                .Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("Location is required.")
                .MustAsync(async (code, ct) =>
                {
                    var normalised = CatalogRules.NormaliseCode(code);
                    return await db.StockLocations.AnyAsync(l => l.Code == normalised, ct);
                })
                .When(c => !string.IsNullOrWhiteSpace(c.LocationCode), ApplyConditionTo.CurrentValidator)
                .WithMessage(c => text.Say($"Location {CatalogRules.NormaliseCode(c.LocationCode)} does not exist."));
            RuleFor(c => c.Quantity)
                .GreaterThan(0).WithMessage("Quantity must be greater than zero.")
                .LessThanOrEqualTo(MaxQuantity).WithMessage(_ => text.Say($"Quantity can be at most {MaxQuantity} per receipt."));
            RuleFor(c => c).CustomAsync(async (command, context, ct) =>
            {
                if (string.IsNullOrWhiteSpace(command.Sku))
                {
                    return;
                }

                var sku = CatalogRules.NormaliseCode(command.Sku);
                var kind = await db.Products.Where(p => p.Sku == sku).Select(p => (ProductKind?)p.Kind).SingleOrDefaultAsync(ct);
                if (kind is null)
                {
                    context.AddFailure(nameof(Command.Sku), text.Say($"SKU {sku} does not exist."));
                    return;
                }

                if (kind is ProductKind.Plan or ProductKind.AddOn)
                {
                    context.AddFailure(nameof(Command.Sku), text.Say($"{sku} is a plan or add-on; it is not stocked."));
                    return;
                }

                await CheckSerials(db, text, command, kind.Value, context, ct);
            });
        }

        private static async Task CheckSerials(
            PortalDbContext db, ServerText text, Command command, ProductKind kind, ValidationContext<Command> context, CancellationToken ct)
        {
            var serials = (command.Serials ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
            const string field = nameof(Command.Serials);
            if (kind is not (ProductKind.Handset or ProductKind.Sim))
            {
                if (serials.Count > 0)
                {
                    context.AddFailure(field, text.Say($"{kind} products are not tracked by serial; leave the serials empty."));
                }

                return;
            }

            var name = kind == ProductKind.Handset ? "IMEI" : "ICCID";
            if (serials.Count == 0)
            {
                context.AddFailure(field, text.Say($"Paste one {name} per line."));
                return;
            }

            if (serials.Count != command.Quantity)
            {
                context.AddFailure(nameof(Command.Quantity), text.Say($"Quantity must equal the number of {name}s ({serials.Count})."));
            }

            var invalid = serials.Where(s => SerialNumbers.Problem(kind, s) is not null).Distinct().ToList();
            if (invalid.Count > 0)
            {
                var rule = kind == ProductKind.Handset ? "15 digits with a valid check digit" : "19–20 digits starting with 89";
                context.AddFailure(field, text.Say($"These are not valid {name}s ({rule}): {string.Join(", ", invalid)}."));
            }

            var repeated = serials.GroupBy(s => s).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            if (repeated.Count > 0)
            {
                context.AddFailure(field, text.Say($"These {name}s are listed more than once: {string.Join(", ", repeated)}."));
            }

            var known = await db.SerialUnits.Where(u => serials.Contains(u.Serial)).Select(u => u.Serial).ToListAsync(ct);
            if (known.Count > 0)
            {
                context.AddFailure(field, text.Say($"These {name}s are already in stock records: {string.Join(", ", known.Order())}."));
            }
        }
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var sku = CatalogRules.NormaliseCode(request.Sku);
            var locationCode = CatalogRules.NormaliseCode(request.LocationCode);
            var product = await db.Products.SingleOrDefaultAsync(p => p.Sku == sku, cancellationToken)
                ?? throw new NotFoundException($"Product {sku}");
            var location = await db.StockLocations.SingleOrDefaultAsync(l => l.Code == locationCode, cancellationToken)
                ?? throw new NotFoundException($"Location {locationCode}");

            var item = await db.StockItems.SingleOrDefaultAsync(s => s.Sku == sku && s.LocationId == location.Id, cancellationToken);
            if (item is null)
            {
                item = StockItem.Open(sku, location.Id);
                db.StockItems.Add(item);
            }

            item.Receive(request.Quantity);
            if (product.IsSerialTracked)
            {
                db.SerialUnits.AddRange((request.Serials ?? [])
                    .Where(serial => !string.IsNullOrWhiteSpace(serial))
                    .Select(serial => SerialUnit.Register(product, serial, location.Id)));
            }

            var now = clock.UtcNow;
            var reference = $"RCV-{now:yyyyMMdd-HHmmssfff}";
            db.StockMovements.Add(StockMovement.Record(sku, location.Id, StockMovementKind.Received, request.Quantity, reference, user.Actor, now));
            return new Result(sku, location.Code, request.Quantity, item.OnHand, item.Available, reference);
        }
    }
}
