using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Customers;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Paging;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Customers;

/// <summary>
/// The customer list, one page at a time: found by a part of the name or the phone number, narrowed to a tier.
/// Phones are masked here; the full number is only shown on the customer card a rep opens.
/// </summary>
public static class SearchCustomers
{
    [AuthorizeRequest(Roles.Rep, Roles.BackOffice, Roles.Admin)]
    public sealed record Query(string? Text = null, CustomerTier? Tier = null, ListRequest? Page = null) : IRequest<ListPage<CustomerRow>>;

    public sealed record CustomerRow(long Id, string Name, string MaskedPhone, CustomerTier Tier, string? CurrentPlanSku, decimal? CurrentPlanFee);

    public static SortColumns<Customer> Sort { get; } = new SortColumns<Customer>()
        .Add(nameof(CustomerRow.Id), c => c.Id)
        .Add(nameof(CustomerRow.Name), c => c.Name)
        .Add(nameof(CustomerRow.Tier), c => c.Tier)
        .Add(nameof(CustomerRow.CurrentPlanSku), c => c.CurrentPlanSku)
        // As a number: SQLite keeps decimals as text, where 128 would sort before 58.
        .Add(nameof(CustomerRow.CurrentPlanFee), c => (double?)(decimal?)(object?)c.CurrentPlanFee);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Text).MaximumLength(50).WithMessage("Search must be at most 50 characters.");
            RuleFor(q => q.Tier).IsInEnum().WithMessage("Choose a tier from the list.");
        }
    }

    internal sealed class Handler(PortalDbContext db) : IRequestHandler<Query, ListPage<CustomerRow>>
    {
        public async Task<ListPage<CustomerRow>> Handle(Query request, CancellationToken cancellationToken)
        {
            var customers = db.Customers.AsNoTracking();
            if (request.Tier is { } tier)
            {
                customers = customers.Where(c => c.Tier == tier);
            }

            if (request.Text?.Trim() is { Length: > 0 } text)
            {
                var digits = text.Replace(" ", string.Empty).Replace("-", string.Empty);
                var upper = text.ToUpperInvariant();
                customers = digits.Length > 0 && digits.All(char.IsAsciiDigit)
                    ? customers.Where(c => ((string)(object)c.Phone).Contains(digits))
                    : customers.Where(c => c.Name.ToUpper().Contains(upper));
            }

            var page = request.Page ?? new ListRequest();
            var found = await Sort.Apply(customers, page, q => q.OrderBy(c => c.Name).ThenBy(c => c.Id), nameof(CustomerRow.Id))
                .Select(c => new { c.Id, c.Name, c.Phone, c.Tier, c.CurrentPlanSku, c.CurrentPlanFee })
                .ToListPageAsync(page, cancellationToken);
            return new ListPage<CustomerRow>(
                found.Items.Select(c => new CustomerRow(c.Id, c.Name, c.Phone.Masked, c.Tier, c.CurrentPlanSku, c.CurrentPlanFee?.Amount)).ToList(),
                found.Total);
        }
    }
}
