using System.Text.Json;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Privacy;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Privacy;

/// <summary>
/// A customer asks what the portal holds about them: an administrator exports it as JSON (profile, orders,
/// opportunities, deliveries), with a reason that is recorded like any other access to their full data.
/// </summary>
public static class ExportCustomerData
{
    [AuthorizeRequest(Roles.Admin)]
    public sealed record Command(string? Phone, string? Reason) : ICommand<string>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Phone).Must(p => Msisdn.TryParse(p, out _, out _)).WithMessage("Enter the customer's 11-digit mobile number.");
            RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the customer's data is exported.")
                .MinimumLength(PersonalDataAccess.MinimumReasonLength).WithMessage("Say why in at least 5 characters.")
                .MaximumLength(200).WithMessage("The reason must be at most 200 characters.");
        }
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock) : IRequestHandler<Command, string>
    {
        private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            // Readable Chinese for the customer; the page HTML-encodes the text it shows.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        };

        public async Task<string> Handle(Command request, CancellationToken cancellationToken)
        {
            var phone = Msisdn.Parse(request.Phone);
            var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Phone == phone, cancellationToken)
                ?? throw new NotFoundException("The customer");
            var orders = await db.Orders.AsNoTracking().Where(o => o.CustomerId == customer.Id)
                .Select(o => new { o.Number, Flow = o.Flow.ToString(), Status = o.Status.ToString(), o.CustomerName, Phone = o.Phone.Value, Address = o.DeliveryAddress, Total = o.Total.Amount, o.CreatedAtUtc })
                .ToListAsync(cancellationToken);
            var numbers = orders.Select(o => o.Number).ToList();
            var deliveries = await db.Deliveries.AsNoTracking().Where(d => numbers.Contains(d.OrderNumber))
                .Select(d => new { d.OrderNumber, d.RecipientName, RecipientPhone = d.RecipientPhone.Value, d.Address, Status = d.Status.ToString() })
                .ToListAsync(cancellationToken);
            var opportunities = await db.Opportunities.AsNoTracking().Where(o => o.CustomerId == customer.Id)
                .Select(o => new { o.Number, o.CustomerName, Phone = o.Phone.Value, Status = o.Status.ToString(), o.CreatedAtUtc })
                .ToListAsync(cancellationToken);
            db.PersonalDataAccesses.Add(PersonalDataAccess.Record(user.Actor, customer.Id, PersonalDataAction.Export, request.Reason!, null, clock.UtcNow));
            return JsonSerializer.Serialize(new
            {
                Customer = new
                {
                    customer.Name, Phone = customer.Phone.Value, IdNumber = customer.IdNumber?.Value, customer.Addresses,
                    Tier = customer.Tier.ToString(), customer.CurrentPlanSku, customer.Tags,
                },
                Orders = orders,
                Deliveries = deliveries,
                Opportunities = opportunities,
            }, Json);
        }
    }
}
