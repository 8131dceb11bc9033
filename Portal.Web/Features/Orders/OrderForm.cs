using Portal.Domain.Catalog;
using Portal.Domain.Marketing;
using Portal.Domain.Orders;
using Portal.Domain.Shared;
using Portal.Web.Features.Customers;

namespace Portal.Web.Features.Orders;

/// <summary>
/// What the rep has typed on the order entry screen. It outlives failed submissions, so nothing is lost; one
/// request id per form makes a double click place one order.
/// </summary>
public sealed class OrderForm
{
    public static IReadOnlyList<string> Slots => DeliverySlots.Standard;

    public Guid RequestId { get; } = Guid.NewGuid();

    public string? OpportunityNumber { get; set; }

    public string Phone { get; set; } = "";

    /// <summary>The phone the card below belongs to; null until a lookup has answered.</summary>
    public string? LookedUpPhone { get; set; }

    public FindCustomer.CustomerCard? Customer { get; set; }

    public bool IsNewCustomer => LookedUpPhone is not null && Customer is null;

    public string NewCustomerName { get; set; } = "";

    public string IdNumber { get; set; } = "";

    public OrderFlow? Flow { get; set; }

    public List<EntryLine> Lines { get; } = [];

    public string? PolicyCode { get; set; }

    public string City { get; set; } = "";

    public string District { get; set; } = "";

    public string Street { get; set; } = "";

    public DateTime? DeliveryDate { get; set; }

    public string? Slot { get; set; }

    /// <summary>China time, as the customer says it; sent without an offset.</summary>
    public DateTime? PreferredAt { get; set; }

    public ContactChannel Channel { get; set; } = ContactChannel.Callback;

    public string Note { get; set; } = "";

    public PaymentMethod? Payment { get; set; }

    public FindCustomer.Offer? ChosenOffer =>
        Customer?.Offers.FirstOrDefault(o => o.IsEligible && o.Code == PolicyCode);

    public void ChooseFlow(OrderFlow flow)
    {
        Flow = flow;
        if (Payment is { } payment && !PaymentRules.AllowedFor(flow).Contains(payment))
        {
            Payment = null;
        }
    }

    /// <summary>An 11-digit mainland mobile number: worth looking up without waiting for Enter.</summary>
    public bool PhoneLooksComplete => Phone.Trim() is { Length: 11 } p && p.All(char.IsAsciiDigit);

    /// <summary>
    /// The rep typed a different number: the card on screen belongs to someone else now, so it goes, with the offer
    /// chosen from it and the address it filled in (unless the rep has edited that address).
    /// </summary>
    public void ChangePhone(string phone)
    {
        Phone = phone;
        if (LookedUpPhone is null || LookedUpPhone == phone.Trim())
        {
            return;
        }

        if (Customer?.Addresses.FirstOrDefault() is { } address && (City, District, Street) == (address.City, address.District, address.Line))
        {
            (City, District, Street) = ("", "", "");
        }

        (LookedUpPhone, Customer, PolicyCode) = (null, null, null);
    }

    /// <summary>True once the rep has typed or chosen anything worth warning about before leaving.</summary>
    public bool HasInput =>
        Phone.Trim() != "" || Lines.Count > 0 || Flow is not null || NewCustomerName.Trim() != "" || Street.Trim() != "" || Note.Trim() != "";

    /// <summary>A new lookup answered: show its card and offer its first address for delivery if none was typed.</summary>
    public void ShowCustomer(string phone, FindCustomer.CustomerCard? card)
    {
        LookedUpPhone = phone;
        Customer = card;
        if (ChosenOffer is null)
        {
            PolicyCode = null;
        }

        if (card?.Addresses.FirstOrDefault() is { } address && City == "" && District == "" && Street == "")
        {
            (City, District, Street) = (address.City, address.District, address.Line);
        }
    }

    public void Add(EntryLine line)
    {
        var existing = Lines.FindIndex(l => l.Sku == line.Sku);
        if (existing >= 0)
        {
            Lines[existing] = Lines[existing] with { Quantity = Lines[existing].Quantity + line.Quantity };
        }
        else
        {
            Lines.Add(line);
        }
    }

    public PlaceOrder.Command ToCommand()
    {
        var isAppointment = Flow == OrderFlow.Appointment;
        var isPreOrder = Flow == OrderFlow.PreOrderDelivery;
        return new PlaceOrder.Command(
            Flow?.ToString(),
            new PlaceOrder.CustomerInput(
                Customer?.Name ?? NewCustomerName.Trim(),
                Phone.Trim(),
                Blank(IdNumber),
                isPreOrder ? new PlaceOrder.AddressInput(City.Trim(), District.Trim(), Street.Trim()) : null),
            Lines.Select(l => new PlaceOrder.LineInput(l.Sku, l.Quantity)).ToList(),
            isAppointment ? null : Payment?.ToString(),
            isPreOrder ? new PlaceOrder.DeliveryWindowInput(DeliveryDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Slot) : null,
            isAppointment ? new PlaceOrder.AppointmentInput(PreferredAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Unspecified) : null, Blank(Note), Channel.ToString()) : null,
            isAppointment ? null : ChosenOffer?.Code,
            OpportunityNumber,
            RequestId);
    }

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed record EntryLine(string Sku, string Name, ProductKind Kind, decimal UnitPrice, int Quantity)
{
    public decimal LineTotal => UnitPrice * Quantity;
}

/// <summary>The money as the rep quotes it on the call; the server prices the order again and is authoritative.</summary>
public sealed record OrderQuote(decimal GoodsTotal, decimal Discount, decimal Prestore, decimal Credit, decimal Total, decimal AmountToCollect)
{
    public static OrderQuote For(IEnumerable<EntryLine> lines, FindCustomer.Offer? offer, PaymentMethod? payment)
    {
        var effect = offer switch
        {
            { EffectKind: PolicyEffectKind.Discount } => PolicyEffect.Discount(Money.Yuan(offer.Amount)),
            { EffectKind: PolicyEffectKind.PrestoreCredit } => PolicyEffect.Prestore(Money.Yuan(offer.Amount), Money.Yuan(offer.Credit)),
            _ => null,
        };
        var price = OrderPrice.Of(Money.Yuan(lines.Sum(l => l.LineTotal)), effect, payment);
        return new OrderQuote(
            price.GoodsTotal.Amount, price.Discount.Amount, price.Prestore.Amount, price.Credit.Amount, price.Total.Amount, price.AmountToCollect.Amount);
    }
}
