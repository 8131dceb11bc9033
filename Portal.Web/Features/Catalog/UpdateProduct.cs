using FluentValidation;
using Portal.Web.Common.Localization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Catalog;

/// <summary>
/// Renames a product and/or changes its price (a plan's monthly fee); unchanged values are left alone. A page sends the
/// name and price it showed: if a colleague saved other values since, the save is refused as a conflict, not overridden.
/// </summary>
public static class UpdateProduct
{
    [AuthorizeRequest(Roles.Admin)]
    public sealed record Command(string Sku, string? Name, decimal Price, string? ShownName = null, decimal? ShownPrice = null) : ICommand<MediatR.Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(ServerText text)
        {
            RuleFor(c => c.Sku).NotEmpty().WithMessage("SKU is required.");
            RuleFor(c => c.Name).Text(text, "Name", 100);
            RuleFor(c => c.Price).Amount(text, "Price");
        }
    }

    internal sealed class Handler(PortalDbContext db, IClock clock) : MediatR.IRequestHandler<Command, MediatR.Unit>
    {
        public async Task<MediatR.Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var sku = CatalogRules.NormaliseCode(request.Sku);
            var product = await db.Products.SingleOrDefaultAsync(p => p.Sku == sku, cancellationToken)
                ?? throw new NotFoundException($"Product {sku}");
            if ((request.ShownName is { } shownName && shownName != product.Name) || (request.ShownPrice is { } shownPrice && Money.Yuan(shownPrice) != product.Price))
            {
                throw new Common.Errors.ConcurrencyConflictException(
                    $"Product {sku} was changed by someone else in the meantime. It has been reloaded: check it and try again.");
            }

            if (request.Name!.Trim() != product.Name)
            {
                product.Rename(request.Name);
            }

            var price = Money.Yuan(request.Price);
            if (price != product.Price)
            {
                product.ChangePrice(price, clock.UtcNow);
            }

            return MediatR.Unit.Value;
        }
    }
}
