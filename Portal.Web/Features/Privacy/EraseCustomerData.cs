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
/// A customer asks to be forgotten: an administrator anonymises them at once, with the retention sweep's safeguards
/// (refused while an order, payment or opportunity is open; money records untouched) and a recorded reason.
/// </summary>
public static class EraseCustomerData
{
    [AuthorizeRequest(Roles.Admin)]
    public sealed record Command(string? Phone, string? Reason) : ICommand<long>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Phone).Must(p => Msisdn.TryParse(p, out _, out _)).WithMessage("Enter the customer's 11-digit mobile number.");
            RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the customer's data is erased.")
                .MinimumLength(PersonalDataAccess.MinimumReasonLength).WithMessage("Say why in at least 5 characters.")
                .MaximumLength(200).WithMessage("The reason must be at most 200 characters.");
        }
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock) : IRequestHandler<Command, long>
    {
        public async Task<long> Handle(Command request, CancellationToken cancellationToken)
        {
            var phone = Msisdn.Parse(request.Phone);
            var customer = await db.Customers.FirstOrDefaultAsync(c => c.Phone == phone, cancellationToken)
                ?? throw new NotFoundException("The customer");
            if (await CustomerAnonymisation.HasOpenBusinessAsync(db, customer.Id, cancellationToken))
            {
                throw new DomainException("privacy.open_business", "The customer has an open order, payment or opportunity; erase after it is closed");
            }

            await CustomerAnonymisation.AnonymiseAsync(db, customer, user.Actor, PersonalDataAction.Erase, request.Reason!, clock.UtcNow, cancellationToken);
            return customer.Id;
        }
    }
}
