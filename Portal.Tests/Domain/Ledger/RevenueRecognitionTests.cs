using Portal.Domain.Ledger;
using Portal.Domain.Payments;
using Portal.Domain.Shared;
using static Portal.Domain.Ledger.ChartOfAccounts;
using static Portal.Tests.Domain.DomainTestData;

namespace Portal.Tests.Domain.Ledger;

/// <summary>
/// Revenue waits for fulfilment and then equals what was received through every channel: random orders paid online,
/// on a Terminal, in cash or by POS, refunded (some refunds failing) before and after fulfilment, each from a fixed
/// seed. Asking again after every step posts nothing, and no step is posted twice.
/// </summary>
public class RevenueRecognitionTests
{
    private const int Sequences = 2000;
    private static readonly RefundPolicy Policy = new(Money.Yuan(100_000));

    [Fact]
    public void Revenue_recognised_equals_captured_less_refunded_for_fulfilled_orders_and_nothing_twice()
    {
        for (var seed = 1; seed <= Sequences; seed++)
        {
            try
            {
                new Sequence(new Random(seed)).Run(30);
            }
            catch (Exception ex)
            {
                throw new InvalidOperationException($"Sequence with seed {seed} broke a revenue rule", ex);
            }
        }
    }

    [Fact]
    public void An_order_paid_but_not_delivered_earns_nothing_and_its_money_is_a_contract_liability()
    {
        var payment = Payment.CollectCash(Guid.NewGuid(), "SO202506010001", Money.Yuan(80), Money.Yuan(100), "courier.wang", Now);
        List<LedgerTransaction> postings =
        [
            Postings.OrderInvoiced("SO202506010001", Money.Yuan(80), Rep, Now),
            Postings.PaymentCaptured(payment, "courier.wang", Now),
        ];

        Assert.Null(RevenueRecognition.Due("SO202506010001", fulfilled: false, postings, Rep, Now));
        var balances = AccountBalances.Replay(postings);
        Assert.Equal((Money.Zero, Money.Yuan(-80)), (balances[Revenue], balances[ContractLiability]));

        var recognised = RevenueRecognition.Due("SO202506010001", fulfilled: true, postings, Rep, Now)!;
        Assert.Equal(("revenue:SO202506010001", Money.Yuan(80)), (recognised.SourceReference, recognised.Total));
        postings.Add(recognised);
        Assert.Null(RevenueRecognition.Due("SO202506010001", fulfilled: true, postings, Rep, Now));
        balances = AccountBalances.Replay(postings);
        Assert.Equal((Money.Yuan(-80), Money.Zero), (balances[Revenue], balances[ContractLiability]));
    }

    [Fact]
    public void An_order_invoiced_to_revenue_before_recognition_waited_for_fulfilment_is_not_recognised_again()
    {
        var legacy = LedgerTransaction.Post(
            Guid.NewGuid(), LedgerTransactionKind.OrderInvoiced, "order:SO202506010002", "SO202506010002", "Order invoiced",
            [LedgerEntry.DebitOf(CustomerReceivable, Money.Yuan(50)), LedgerEntry.CreditOf(Revenue, Money.Yuan(50))], Rep, Now);
        var payment = Payment.CollectCash(Guid.NewGuid(), "SO202506010002", Money.Yuan(50), Money.Yuan(50), "courier.wang", Now);

        Assert.Null(RevenueRecognition.Due("SO202506010002", fulfilled: true, [legacy, Postings.PaymentCaptured(payment, "courier.wang", Now)], Rep, Now));
    }

    private sealed class Sequence(Random random)
    {
        private readonly List<Order> _orders = [];
        private readonly List<LedgerTransaction> _ledger = [];
        private readonly HashSet<(LedgerTransactionKind, string)> _sources = [];

        public void Run(int steps)
        {
            for (var step = 0; step < steps; step++)
            {
                switch (random.Next(6))
                {
                    case 0: Place(); break;
                    case 1 or 2: Capture(); break;
                    case 3: Refund(); break;
                    default: Fulfil(); break;
                }

                foreach (var order in _orders)
                {
                    Recognise(order);
                }
            }

            foreach (var order in _orders)
            {
                var revenue = RevenueRecognition.Recognised(Of(order));
                var expected = order.Fulfilled
                    ? order.Payments.Aggregate(Money.Zero, (sum, p) => sum + p.Captured - p.Refunded)
                    : Money.Zero;
                Assert.Equal(expected, revenue);
            }

            var balances = AccountBalances.Replay(_ledger);
            Assert.Equal(Money.Zero - RevenueRecognition.Recognised(_ledger), balances[Revenue]);
        }

        private void Place()
        {
            var order = new Order($"SO{random.Next(1_000_000):D6}{_orders.Count:D6}", Money.Yuan(random.Next(1, 2000)));
            _orders.Add(order);
            Post(Postings.OrderInvoiced(order.Number, order.Total, Rep, Now));
        }

        private void Capture()
        {
            if (Pick(_orders) is not { } order)
            {
                return;
            }

            var amount = Money.Yuan(random.Next(1, 500));
            Payment payment;
            switch (random.Next(4))
            {
                case 0:
                    payment = Payment.StartOnline(Guid.NewGuid(), order.Number, amount, "customer", Now);
                    payment.AttachProviderReference($"pi_{payment.Key:N}");
                    payment.ConfirmCapture(amount.ToMinorUnits(), "cny", "stripe", Now);
                    break;
                case 1:
                    payment = Payment.StartTerminal(Guid.NewGuid(), order.Number, amount, "tmr_1", "courier.wang", Now);
                    payment.AttachProviderReference($"pi_{payment.Key:N}");
                    payment.ConfirmCapture(amount.ToMinorUnits(), "cny", "stripe", Now);
                    break;
                case 2:
                    payment = Payment.CollectCash(Guid.NewGuid(), order.Number, amount, amount, "courier.wang", Now);
                    break;
                default:
                    payment = Payment.RecordPosSlip(Guid.NewGuid(), order.Number, amount, $"SLIP{random.Next():D10}", "T-01", "courier.wang", Now);
                    break;
            }

            order.Payments.Add(payment);
            Post(Postings.PaymentCaptured(payment, "courier.wang", Now));
        }

        private void Refund()
        {
            if (Pick(_orders.SelectMany(o => o.Payments).Where(p => p.Refundable > Money.Zero).ToList()) is not { } payment)
            {
                return;
            }

            var amount = Money.Yuan(Math.Max(0.01m, Math.Round(payment.Refundable.Amount * (decimal)random.NextDouble(), 2)));
            var refund = payment.RequestRefund(Guid.NewGuid(), amount, "Return", Policy, Rep, Now);
            var owed = Postings.RefundOwed(payment, refund, Rep, Now);
            Post(owed);
            if (random.Next(4) == 0)
            {
                payment.FailRefund(refund.Key, "bank refused", Now);
                Post(owed.Reverse(Guid.NewGuid(), "Refund failed", "stripe", Now));
            }
            else
            {
                payment.CompleteRefund(refund.Key, $"re_{refund.Key:N}", Now);
            }
        }

        private void Fulfil()
        {
            if (Pick(_orders.Where(o => !o.Fulfilled).ToList()) is { } order)
            {
                order.Fulfilled = true;
            }
        }

        private void Recognise(Order order)
        {
            if (RevenueRecognition.Due(order.Number, order.Fulfilled, Of(order), Rep, Now) is not { } due)
            {
                return;
            }

            Post(due);
            Assert.Null(RevenueRecognition.Due(order.Number, order.Fulfilled, Of(order), Rep, Now));
        }

        private List<LedgerTransaction> Of(Order order) => [.. _ledger.Where(t => t.OrderNumber == order.Number)];

        private void Post(LedgerTransaction transaction)
        {
            Assert.True(_sources.Add((transaction.Kind, transaction.SourceReference)), $"{transaction.Kind} {transaction.SourceReference} posted twice");
            _ledger.Add(transaction);
        }

        private T? Pick<T>(IReadOnlyList<T> items)
            where T : class => items.Count == 0 ? null : items[random.Next(items.Count)];
    }

    private sealed class Order(string number, Money total)
    {
        public string Number { get; } = number;

        public Money Total { get; } = total;

        public bool Fulfilled { get; set; }

        public List<Payment> Payments { get; } = [];
    }
}
