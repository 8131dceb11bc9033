using FluentValidation;
using Portal.Web.Common.Localization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Catalog;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Catalog;

/// <summary>Adds a product to the catalog. Which fields matter depends on the kind; the others are ignored.</summary>
public static class CreateProduct
{
    /// <summary><see cref="Price"/> is the monthly fee for a plan.</summary>
    [AuthorizeRequest(Roles.Admin)]
    public sealed record Command(
        ProductKind Kind,
        string? Sku,
        string? Name,
        decimal Price,
        decimal? DataGb = null,
        int? VoiceMinutes = null,
        string? Brand = null,
        string? Model = null,
        string? Colour = null,
        int? StorageGb = null) : ICommand<string>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalDbContext db, ServerText text)
        {
            RuleFor(c => c.Kind).IsInEnum().WithMessage("Choose what kind of product this is.");
            RuleFor(c => c.Sku)
                .Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("SKU is required.")
                .Must(CatalogRules.IsSkuFormat).When(c => !string.IsNullOrWhiteSpace(c.Sku), ApplyConditionTo.CurrentValidator)
                .WithMessage("SKU must be 3–32 characters of A–Z, 0–9 and '-'.")
                .MustAsync(async (sku, ct) =>
                {
                    var normalised = CatalogRules.NormaliseCode(sku);
                    return !await db.Products.AnyAsync(p => p.Sku == normalised, ct);
                })
                .When(c => CatalogRules.IsSkuFormat(c.Sku), ApplyConditionTo.CurrentValidator)
                .WithMessage(c => text.Say($"SKU {CatalogRules.NormaliseCode(c.Sku)} already exists."));
            RuleFor(c => c.Name).Text(text, "Name", 100);
            RuleFor(c => c.Price).Amount(text, "Price").When(c => c.Kind != ProductKind.Plan);
            RuleFor(c => c.Price).Amount(text, "Monthly fee").When(c => c.Kind == ProductKind.Plan);

            When(c => c.Kind is ProductKind.Plan or ProductKind.AddOn, () =>
            {
                RuleFor(c => c.DataGb)
                    .NotNull().WithMessage("Data (GB) is required; enter 0 for none.")
                    .GreaterThanOrEqualTo(0).WithMessage("Data (GB) cannot be negative.")
                    .Must(gb => gb is null || CatalogRules.HasAtMostTwoDecimals(gb.Value)).WithMessage("Data (GB) can have at most 2 decimal places.");
                RuleFor(c => c.VoiceMinutes)
                    .NotNull().WithMessage("Voice minutes are required; enter 0 for none.")
                    .GreaterThanOrEqualTo(0).WithMessage("Voice minutes cannot be negative.");
            });
            RuleFor(c => c.DataGb)
                .Must((c, gb) => gb > 0 || c.VoiceMinutes > 0)
                .When(c => c.Kind == ProductKind.AddOn && c.DataGb >= 0 && c.VoiceMinutes >= 0)
                .WithMessage("An add-on must add data or voice minutes.");

            When(c => c.Kind == ProductKind.Handset, () =>
            {
                RuleFor(c => c.Brand).Text(text, "Brand", 50);
                RuleFor(c => c.Model).Text(text, "Model", 50);
                RuleFor(c => c.Colour).Text(text, "Colour", 30);
                RuleFor(c => c.StorageGb)
                    .NotNull().WithMessage("Storage (GB) is required.")
                    .GreaterThan(0).WithMessage("Storage (GB) must be greater than zero.");
            });
        }
    }

    internal sealed class Handler(PortalDbContext db) : MediatR.IRequestHandler<Command, string>
    {
        public Task<string> Handle(Command request, CancellationToken cancellationToken)
        {
            var price = Money.Yuan(request.Price);
            var product = request.Kind switch
            {
                ProductKind.Plan => Product.Plan(request.Sku!, request.Name!, price, request.DataGb!.Value, request.VoiceMinutes!.Value),
                ProductKind.AddOn => Product.AddOn(request.Sku!, request.Name!, price, request.DataGb!.Value, request.VoiceMinutes!.Value),
                ProductKind.Handset => Product.Handset(
                    request.Sku!, request.Name!, price, request.Brand!, request.Model!, request.Colour!, request.StorageGb!.Value),
                ProductKind.Sim => Product.Sim(request.Sku!, request.Name!, price),
                _ => Product.Accessory(request.Sku!, request.Name!, price),
            };
            db.Products.Add(product);
            return Task.FromResult(product.Sku);
        }
    }
}
