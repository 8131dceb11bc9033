using Portal.Domain.Orders;
using Portal.Domain.Shared;

namespace Portal.Domain.Payments;

/// <summary>What an order's payments add up to; the order's payment status is derived from this only.</summary>
public sealed record PaymentSummary(Money Due, Money Captured, Money Refunded)
{
    public static PaymentSummary Of(Money due, IEnumerable<Payment> payments)
    {
        var list = payments.ToList();
        return new PaymentSummary(
            due,
            list.Aggregate(Money.Zero, (sum, p) => sum + p.Captured),
            list.Aggregate(Money.Zero, (sum, p) => sum + p.Refunded));
    }

    public Money Outstanding => Captured >= Due ? Money.Zero : Due - Captured;

    public PaymentStatus Status =>
        Refunded > Money.Zero ? (Refunded >= Captured ? PaymentStatus.Refunded : PaymentStatus.PartiallyRefunded)
        : Captured > Money.Zero && Captured >= Due ? PaymentStatus.Paid
        : Captured > Money.Zero ? PaymentStatus.PartiallyPaid
        : PaymentStatus.Unpaid;
}
