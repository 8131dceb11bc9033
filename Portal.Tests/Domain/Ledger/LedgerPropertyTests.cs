using Portal.Domain.Common;
using Portal.Domain.Ledger;
using Portal.Domain.Payments;
using Portal.Domain.Shared;
using static Portal.Domain.Ledger.ChartOfAccounts;
using static Portal.Tests.Domain.DomainTestData;

namespace Portal.Tests.Domain.Ledger;

/// <summary>
/// Thousands of random sequences of payments, collections, refunds, fees, handovers and reversals, each from a
/// fixed seed (printed on failure so it can be replayed): every transaction sums to zero, every balance equals
/// the replay of its entries, no refund exceeds its capture, and nothing is posted twice.
/// </summary>
public class LedgerPropertyTests
{
    private const int Sequences = 3000;
    private const int StepsPerSequence = 40;
    private static readonly string[] Couriers = ["courier.wang", "courier.zhao", "courier.liu"];
    private static readonly string[] Stations = ["tianhe", "haizhu"];
    private static readonly RefundPolicy Policy = new(Money.Yuan(300));

    [Fact]
    public void Random_money_flows_keep_the_ledger_balanced_and_refunds_within_their_capture()
    {
        for (var seed = 1; seed <= Sequences; seed++)
        {
            try
            {
                new Sequence(new Random(seed)).Run(StepsPerSequence);
            }
            catch (Exception ex)
            {
                throw new InvalidOperationException($"Sequence with seed {seed} broke a ledger rule", ex);
            }
        }
    }

    private sealed class Sequence(Random random)
    {
        private readonly List<InvoicedOrder> _orders = [];
        private readonly List<Payment> _payments = [];
        private readonly List<LedgerTransaction> _ledger = [];
        private readonly HashSet<Guid> _reversed = [];
        private readonly AccountBalances _running = new();

        public void Run(int steps)
        {
            for (var step = 0; step < steps; step++)
            {
                switch (random.Next(9))
                {
                    case 0 or 1: Invoice(); break;
                    case 2: PayOnline(); break;
                    case 3: CollectAtTheDoor(); break;
                    case 4 or 5: Refund(); break;
                    case 6: Reverse(); break;
                    case 7: Fee(); break;
                    default: Handover(); break;
                }

                CheckInvariants();
            }
        }

        private void Invoice()
        {
            var number = $"SO{_orders.Count + 1:D12}";
            var total = Amount(1, 3000);
            _orders.Add(new InvoicedOrder(number, total));
            Post(Postings.OrderInvoiced(number, total, Rep, Now));
        }

        private void PayOnline()
        {
            if (Pick(_orders) is not { } order)
            {
                return;
            }

            var payment = Payment.StartOnline(Guid.NewGuid(), order.Number, order.Total, "customer", Now);
            payment.AttachProviderReference($"pi_{payment.Key:N}");
            _payments.Add(payment);
            switch (random.Next(4))
            {
                case 0:
                    payment.Fail("card_declined", Now);
                    break;
                case 1:
                    // A tampered amount is flagged and posts nothing.
                    Assert.False(payment.ConfirmCapture(order.Total.ToMinorUnits() + 1, "cny", "stripe", Now));
                    break;
                default:
                    Assert.True(payment.ConfirmCapture(order.Total.ToMinorUnits(), "cny", "stripe", Now));
                    Post(Postings.PaymentCaptured(payment, "stripe", Now));
                    break;
            }
        }

        private void CollectAtTheDoor()
        {
            if (Pick(_orders) is not { } order)
            {
                return;
            }

            var courier = Couriers[random.Next(Couriers.Length)];
            var payment = random.Next(2) == 0
                ? Payment.CollectCash(Guid.NewGuid(), order.Number, order.Total, order.Total + Amount(0, 100), courier, Now)
                : Payment.RecordPosSlip(Guid.NewGuid(), order.Number, order.Total, $"SLIP{random.Next():D10}", "T-01", courier, Now);
            _payments.Add(payment);
            Post(Postings.PaymentCaptured(payment, courier, Now));
        }

        private void Refund()
        {
            if (Pick(_payments.Where(p => p.IsCaptured).ToList()) is not { } payment)
            {
                return;
            }

            // Up to a third more than what is left, so refusals are exercised as often as refunds.
            var ceiling = payment.Refundable.Amount * 1.33m;
            var amount = Money.Yuan(Math.Max(0.01m, Math.Round((decimal)random.NextDouble() * ceiling, 2)));
            if (amount > payment.Refundable)
            {
                var ex = Assert.Throws<DomainException>(() => payment.RequestRefund(Guid.NewGuid(), amount, "Return", Policy, Rep, Now));
                Assert.Equal("refund.exceeds_capture", ex.Code);
                return;
            }

            var refund = payment.RequestRefund(Guid.NewGuid(), amount, "Return", Policy, Rep, Now);
            if (refund.Status == RefundStatus.AwaitingApproval)
            {
                payment.ApproveRefund(refund.Key, "finance.chen", Now);
            }

            var owed = Postings.RefundOwed(payment, refund, Rep, Now);
            Post(owed);
            if (random.Next(5) == 0)
            {
                payment.FailRefund(refund.Key, "insufficient_funds", Now);
                Post(owed.Reverse(Guid.NewGuid(), "Refund failed", "stripe", Now));
                _reversed.Add(owed.Key);
            }
            else
            {
                payment.CompleteRefund(refund.Key, $"re_{refund.Key:N}", Now);
                Post(Postings.RefundPaid(payment, refund, Stations[random.Next(Stations.Length)], "cashier", Now));
            }
        }

        private void Reverse()
        {
            var candidates = _ledger.Where(t => t.Kind != LedgerTransactionKind.Reversal && !_reversed.Contains(t.Key)).ToList();
            if (Pick(candidates) is not { } original)
            {
                return;
            }

            Post(original.Reverse(Guid.NewGuid(), "Correction", "finance.chen", Now));
            _reversed.Add(original.Key);
        }

        private void Fee() => Post(Postings.Fee($"txn_{Guid.NewGuid():N}", null, Amount(0.01m, 20), "stripe", Now));

        private void Handover()
        {
            var courier = Couriers[random.Next(Couriers.Length)];
            var inHand = _running[CourierCash(courier)];
            if (inHand > Money.Zero)
            {
                Post(Postings.CashHandover(Guid.NewGuid().ToString("N"), courier, Stations[random.Next(Stations.Length)], inHand, "cashier", Now));
            }
        }

        private void Post(LedgerTransaction transaction)
        {
            Assert.Equal(transaction.Entries.Aggregate(Money.Zero, (s, e) => s + e.Debit), transaction.Entries.Aggregate(Money.Zero, (s, e) => s + e.Credit));
            _ledger.Add(transaction);
            foreach (var entry in transaction.Entries)
            {
                _running.Apply(entry);
            }
        }

        private void CheckInvariants()
        {
            var replayed = AccountBalances.Replay(_ledger);
            Assert.Equal(
                replayed.Accounts.Select(a => (a.Code, a.Debit, a.Credit)),
                _running.Accounts.Select(a => (a.Code, a.Debit, a.Credit)));
            Assert.Equal(replayed.TotalDebit, replayed.TotalCredit);
            Assert.Equal(Money.Zero, replayed.Accounts.Aggregate(Money.Zero, (s, a) => s + a.Balance));

            foreach (var payment in _payments)
            {
                Assert.True(payment.Refunded <= payment.Captured, $"Payment {payment.Key} refunded {payment.Refunded} of {payment.Captured}");
                Assert.True(payment.Refundable >= Money.Zero);
            }

            // Posting once: no business event appears twice, and nothing is reversed twice.
            Assert.Equal(_ledger.Count, _ledger.Select(t => (t.Kind, t.SourceReference)).Distinct().Count());

            // Whatever was reversed, Stripe holds what was captured online less refunds paid and fees, as the ledger says.
            var expectedStripe = _ledger
                .Where(t => !_reversed.Contains(t.Key) && t.Kind != LedgerTransactionKind.Reversal)
                .SelectMany(t => t.Entries)
                .Where(e => e.AccountCode == StripeBalance)
                .Aggregate(Money.Zero, (s, e) => s + e.Net);
            Assert.Equal(expectedStripe, replayed[StripeBalance]);
        }

        private Money Amount(decimal min, decimal max) => Money.Yuan(min + Math.Round((decimal)random.NextDouble() * (max - min), 2));

        private T? Pick<T>(IReadOnlyList<T> items)
            where T : class => items.Count == 0 ? null : items[random.Next(items.Count)];
    }

    private sealed record InvoicedOrder(string Number, Money Total);
}
