using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Privacy;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;
using Portal.Web.Features.Orders;

namespace Portal.Web.Features.Privacy;

/// <summary>
/// Shows the full phone or ID number of the customer of an order — a deliberate act with a reason, recorded (who,
/// when, which customer, what, why) in the same transaction that answers it, so no number is seen unrecorded.
/// </summary>
public static class RevealPersonalData
{
    public enum Field
    {
        Phone,
        IdNumber,
    }

    [AuthorizeRequest(Roles.Rep, Roles.BackOffice)]
    public sealed record Command(string OrderNumber, Field What, string? Reason) : ICommand<string>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.What).IsInEnum();
            RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why you need the full number.")
                .MinimumLength(PersonalDataAccess.MinimumReasonLength).WithMessage("Say why in at least 5 characters.")
                .MaximumLength(200).WithMessage("The reason must be at most 200 characters.");
        }
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock) : MediatR.IRequestHandler<Command, string>
    {
        public async Task<string> Handle(Command request, CancellationToken cancellationToken)
        {
            // The same visibility as the order page: what the user cannot open, they cannot reveal either.
            var order = await db.Orders.AsNoTracking().VisibleTo(user)
                .Where(o => o.Number == request.OrderNumber)
                .Select(o => new { o.Number, o.CustomerId, o.Phone })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException($"Order {request.OrderNumber}");
            string value;
            if (request.What == Field.Phone)
            {
                value = order.Phone.Value;
            }
            else
            {
                var idNumber = await db.Customers.AsNoTracking().Where(c => c.Id == order.CustomerId).Select(c => c.IdNumber).FirstOrDefaultAsync(cancellationToken);
                value = idNumber?.Value ?? throw new DomainException("privacy.no_id_number", "No ID number is on file for this customer");
            }

            var action = request.What == Field.Phone ? PersonalDataAction.ShowPhone : PersonalDataAction.ShowIdNumber;
            db.PersonalDataAccesses.Add(PersonalDataAccess.Record(user.Actor, order.CustomerId, action, request.Reason!, order.Number, clock.UtcNow));
            return value;
        }
    }
}
