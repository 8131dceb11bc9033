using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Catalog;
using Portal.Domain.Common;
using Portal.Domain.Customers;
using Portal.Domain.Marketing;
using Portal.Domain.Orders;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Persistence.ReferenceData;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Orders;

/// <summary>
/// Takes an order in one of the three flows: direct handling (provisioned in the BSS at once), pre-order with
/// delivery (stock reserved, tracking code issued) or appointment registration (an opportunity for the back office).
/// The same command serves the rep's order entry, the back office converting an opportunity, and the intake API.
/// </summary>
public static class PlaceOrder
{
    [AuthorizeRequest(Roles.Rep, Roles.BackOffice, Roles.Integration)]
    public sealed record Command(
        string? Flow,
        CustomerInput? Customer,
        IReadOnlyList<LineInput>? Lines,
        string? Payment = null,
        DeliveryWindowInput? DeliveryWindow = null,
        AppointmentInput? Appointment = null,
        string? Policy = null,
        string? OpportunityNumber = null,
        Guid? RequestId = null) : ICommand<Result>, IIdempotentCommand;

    public sealed record CustomerInput(string? Name, string? Phone, string? IdNumber = null, AddressInput? Address = null);

    public sealed record AddressInput(string? City, string? District, string? Line);

    public sealed record LineInput(string? Sku, int Quantity);

    /// <summary>Date "YYYY-MM-DD" and slot "HH:MM-HH:MM", China time.</summary>
    public sealed record DeliveryWindowInput(string? Date, string? Slot);

    public sealed record AppointmentInput(DateTime? PreferredAt, string? Note = null, string? Channel = null);

    /// <summary>
    /// A direct order answers Submitted: the BSS is asked after commit and <see cref="GetOrderStatus"/> follows it.
    /// <see cref="Message"/> stays for clients that read it; it carries no BSS reason at placement any more.
    /// </summary>
    public sealed record Result(string Number, string Flow, string Status, string? TrackingCode, decimal Total, decimal AmountToCollect, string? Message);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IClock clock)
        {
            RuleFor(c => c.Flow)
                .Must(f => Enum.TryParse<OrderFlow>(f, ignoreCase: true, out _))
                .WithMessage("Flow must be Direct, PreOrderDelivery or Appointment.");

            RuleFor(c => c.Customer).NotNull().WithMessage("Customer is required.");
            When(c => c.Customer is not null, () =>
            {
                RuleFor(c => c.Customer!.Name).NotEmpty().WithMessage("Customer name is required.")
                    .MaximumLength(50).WithMessage("Customer name must be at most 50 characters.");
                RuleFor(c => c.Customer!.Phone).Custom((phone, context) =>
                {
                    if (!Msisdn.TryParse(phone, out _, out var error))
                    {
                        context.AddFailure(error);
                    }
                });
                RuleFor(c => c.Customer!.IdNumber).Custom((id, context) =>
                {
                    if (!string.IsNullOrWhiteSpace(id) && !ResidentId.TryParse(id, ChinaTime.Today(clock.UtcNow), out _, out var error))
                    {
                        context.AddFailure(error);
                    }
                });
            });

            RuleFor(c => c.Lines).NotEmpty().WithMessage("Add at least one product.");
            RuleForEach(c => c.Lines).ChildRules(line =>
            {
                line.RuleFor(l => l.Sku).NotEmpty().WithMessage("SKU is required.");
                line.RuleFor(l => l.Quantity).InclusiveBetween(1, 99).WithMessage("Quantity must be between 1 and 99.");
            });
            RuleFor(c => c.Lines)
                .Must(lines => lines!.Select(l => l.Sku?.Trim().ToUpperInvariant()).Distinct().Count() == lines!.Count)
                .When(c => c.Lines is { Count: > 1 })
                .WithMessage("Each product may appear once; change its quantity instead.");

            When(c => Is(c, OrderFlow.Direct), () =>
                RuleFor(c => c.Payment)
                    .Must(p => p is not null && Parse<PaymentMethod>(p) is { } method && PaymentRules.Allows(OrderFlow.Direct, method))
                    .WithMessage("A direct order is billed to the account (BillToAccount) or paid Online."));

            When(c => Is(c, OrderFlow.PreOrderDelivery), () =>
            {
                RuleFor(c => c.Payment)
                    .Must(p => p is not null && Parse<PaymentMethod>(p) is { } method && PaymentRules.Allows(OrderFlow.PreOrderDelivery, method))
                    .WithMessage("A delivered order is paid CashOnDelivery, PosOnDelivery or Online.");
                RuleFor(c => c.Customer!.Address).NotNull().When(c => c.Customer is not null).WithMessage("A delivery address is required.");
                RuleFor(c => c.Customer!.Address!.City).NotEmpty().When(c => c.Customer?.Address is not null).WithMessage("City is required.");
                RuleFor(c => c.Customer!.Address!.District).NotEmpty().When(c => c.Customer?.Address is not null).WithMessage("District is required.");
                RuleFor(c => c.Customer!.Address!.Line).NotEmpty().When(c => c.Customer?.Address is not null).WithMessage("Street address is required.")
                    .MaximumLength(200).WithMessage("Street address must be at most 200 characters.");
                RuleFor(c => c.DeliveryWindow).NotNull().WithMessage("A delivery window is required.");
                RuleFor(c => c.DeliveryWindow!.Date).Custom((date, context) =>
                {
                    if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                    {
                        context.AddFailure("Delivery date must be a date like 2026-12-01.");
                    }
                    else if (day < ChinaTime.Today(clock.UtcNow))
                    {
                        context.AddFailure("Delivery date is in the past.");
                    }
                }).When(c => c.DeliveryWindow is not null);
                RuleFor(c => c.DeliveryWindow!.Slot)
                    .Must(DeliverySlots.IsOffered)
                    .When(c => c.DeliveryWindow is not null)
                    .WithMessage($"Delivery slot must be one of {string.Join(", ", DeliverySlots.Standard)}.");
            });

            When(c => Is(c, OrderFlow.Appointment), () =>
            {
                RuleFor(c => c.Appointment).NotNull().WithMessage("A preferred contact time is required.");
                RuleFor(c => c.Appointment!.PreferredAt)
                    .NotNull().WithMessage("A preferred contact time is required.")
                    .Custom((at, context) =>
                    {
                        if (at is not null && ContactHours.Refusal(ToUtc(at.Value), clock.UtcNow) is { } refusal)
                        {
                            context.AddFailure(refusal);
                        }
                    })
                    .When(c => c.Appointment is not null);
                RuleFor(c => c.Appointment!.Note).MaximumLength(500).When(c => c.Appointment is not null).WithMessage("Note must be at most 500 characters.");
                RuleFor(c => c.Appointment!.Channel)
                    .Must(ch => ch is null || Parse<ContactChannel>(ch) is not null)
                    .When(c => c.Appointment is not null)
                    .WithMessage("Channel must be Callback or StoreVisit.");
            });
        }

        private static bool Is(Command c, OrderFlow flow) => Parse<OrderFlow>(c.Flow) == flow;
    }

    internal sealed class Handler(
        PortalDbContext db, ICurrentUser user, IClock clock, OutboxWriter outbox, IOrderNumberSource numbers, Common.Localization.ServerText text,
        ReferenceDataCache referenceData)
        : MediatR.IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var now = clock.UtcNow;
            var flow = Parse<OrderFlow>(request.Flow)!.Value;
            var items = await LoadItems(request.Lines!, cancellationToken);
            var customer = await FindOrRegisterCustomer(request.Customer!, flow, cancellationToken);

            if (flow == OrderFlow.Appointment)
            {
                var registered = await OrderNumbers.FreeAsync(numbers, "OP", now, n => db.Opportunities.AnyAsync(o => o.Number == n, cancellationToken));
                return RegisterOpportunity(request, customer, items, registered, now);
            }

            var policy = await LoadPolicy(request.Policy, customer, now, cancellationToken);
            var payment = Parse<PaymentMethod>(request.Payment)!.Value;
            var number = await OrderNumbers.FreeAsync(numbers, "SO", now, n => db.Orders.AnyAsync(o => o.Number == n, cancellationToken));
            var order = AsFieldError(() => flow == OrderFlow.Direct
                ? Order.PlaceDirect(number, OrderCustomer.Of(customer), items, payment, policy, user.Actor, now)
                : Order.PlacePreOrder(
                    number,
                    OrderCustomer.Of(customer),
                    items,
                    payment,
                    DeliveryAddress(request.Customer!.Address!),
                    DeliveryWindow.Parse(DateOnly.ParseExact(request.DeliveryWindow!.Date!, "yyyy-MM-dd", CultureInfo.InvariantCulture), request.DeliveryWindow.Slot!),
                    policy,
                    user.Actor,
                    now));
            db.Orders.Add(order);

            if (request.OpportunityNumber is { } opportunityNumber)
            {
                var opportunity = await db.Opportunities.FirstOrDefaultAsync(o => o.Number == opportunityNumber, cancellationToken)
                    ?? throw RequestValidationException.For("opportunityNumber", $"Opportunity {opportunityNumber} does not exist.");
                opportunity.ConvertTo(order.Number, user.Actor, now);
            }

            // The BSS is called after commit, from the outbox: never while this transaction (and the write gate) is held.
            if (flow == OrderFlow.Direct && order.PaymentMethod != PaymentMethod.Online)
            {
                outbox.Enqueue(new ProvisionOrder.Message(order.Number));
            }

            return new Result(order.Number, order.Flow.ToString(), order.Status.ToString(), order.TrackingCode?.Value, order.Total.Amount, order.AmountToCollect.Amount, null);
        }

        private Result RegisterOpportunity(Command request, Customer customer, IReadOnlyList<CartItem> items, string number, DateTime now)
        {
            var appointment = request.Appointment!;
            var opportunity = Opportunity.Register(
                number,
                customer.Id,
                customer.Name,
                customer.Phone,
                items,
                ToUtc(appointment.PreferredAt!.Value),
                Parse<ContactChannel>(appointment.Channel) ?? ContactChannel.Callback,
                appointment.Note,
                user.Actor,
                now);
            db.Opportunities.Add(opportunity);
            var quoted = opportunity.InterestedLines.Aggregate(Money.Zero, (sum, l) => sum + l.UnitPrice * l.Quantity);
            return new Result(opportunity.Number, nameof(OrderFlow.Appointment), opportunity.Status.ToString(), null, quoted.Amount, 0m, null);
        }

        private async Task<IReadOnlyList<CartItem>> LoadItems(IReadOnlyList<LineInput> lines, CancellationToken cancellationToken)
        {
            var skus = lines.Select(l => l.Sku!.Trim().ToUpperInvariant()).ToList();
            var products = (await referenceData.CurrentAsync(db, cancellationToken)).ProductsBySku;
            var errors = new Dictionary<string, string[]>();
            for (var i = 0; i < skus.Count; i++)
            {
                if (!products.TryGetValue(skus[i], out var product))
                {
                    errors[$"Lines[{i}].Sku"] = [$"Unknown SKU {skus[i]}."];
                }
                else if (!product.IsActive)
                {
                    errors[$"Lines[{i}].Sku"] = [$"{product.Name} ({product.Sku}) is no longer sold."];
                }
            }

            if (errors.Count > 0)
            {
                throw new RequestValidationException(errors);
            }

            return lines.Select((l, i) => new CartItem(products[skus[i]], l.Quantity)).ToList();
        }

        /// <summary>
        /// The customer is found by phone; a new number registers a new customer during the call. A known number with
        /// another name or ID is a conflict (409) naming the field, never a silent order for someone else.
        /// </summary>
        private async Task<Customer> FindOrRegisterCustomer(CustomerInput input, OrderFlow flow, CancellationToken cancellationToken)
        {
            var phone = Msisdn.Parse(input.Phone);
            var customer = await db.Customers.FirstOrDefaultAsync(c => c.Phone == phone, cancellationToken);
            if (customer is null)
            {
                customer = Customer.Register(phone, input.Name!.Trim());
                db.Customers.Add(customer);
            }

            customer.ConfirmIdentity(input.Name!, string.IsNullOrWhiteSpace(input.IdNumber) ? null : ResidentId.Parse(input.IdNumber));

            if (flow == OrderFlow.PreOrderDelivery && DeliveryAddress(input.Address!) is var address && !customer.Addresses.Contains(address))
            {
                customer.AddAddress(address);
            }

            // The customer row needs its id before an order or opportunity can point at it.
            await db.SaveChangesAsync(cancellationToken);
            return customer;
        }

        private async Task<Policy?> LoadPolicy(string? code, Customer customer, DateTime now, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                return null;
            }

            var normalised = code.Trim().ToUpperInvariant();
            var policies = (await referenceData.CurrentAsync(db, cancellationToken)).PoliciesByCode;
            var policy = policies.GetValueOrDefault(normalised) ?? throw RequestValidationException.For("Policy", $"Unknown policy {normalised}.");
            var eligibility = policy.CheckEligibility(customer.Profile, now);
            return eligibility.IsEligible
                ? policy
                : throw RequestValidationException.For("Policy", $"{policy.Name}: {text.Say(eligibility.Why!)}.");
        }

        private static Address DeliveryAddress(AddressInput input) =>
            AsFieldError(() => Address.Create(input.City, input.District, input.Line));

        /// <summary>Rules the domain enforces on input become field errors (400), not conflicts.</summary>
        private static T AsFieldError<T>(Func<T> action)
        {
            try
            {
                return action();
            }
            catch (DomainException ex) when (FieldFor(ex.Code) is { } field)
            {
                throw RequestValidationException.For(field, ex.Message);
            }
        }

        private static string? FieldFor(string code) => code switch
        {
            "order.direct_cannot_ship" or "order.nothing_to_ship" or "order.product_inactive" or "order.duplicate_line" or "order.invalid_quantity" => "Lines",
            "order.payment_method_not_allowed" => "Payment",
            "order.window_in_past" or "delivery_window.invalid" => "DeliveryWindow",
            "address.invalid" => "Customer.Address",
            "policy.ineligible" => "Policy",
            _ => null,
        };
    }

    internal static T? Parse<T>(string? value) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _) ? parsed : null;

    /// <summary>A time without an offset is taken as China time, the time the rep and customer speak in.</summary>
    private static DateTime ToUtc(DateTime at) => at.Kind switch
    {
        DateTimeKind.Utc => at,
        DateTimeKind.Local => at.ToUniversalTime(),
        _ when at < DateTime.MinValue + ChinaTime.Offset => DateTime.MinValue, // year 1: long past, not an overflow
        _ => ChinaTime.ToUtc(at),
    };
}
