using Portal.Domain.Ledger;
using Portal.Domain.Payments;
using Portal.Domain.Shared;
using static Portal.Domain.Ledger.ChartOfAccounts;
using static Portal.Domain.Ledger.LedgerEntry;
using static Portal.Tests.Domain.DomainTestData;

namespace Portal.Tests.Domain.Ledger;

public class LedgerTests
{
    private const string OrderNumber = "SO202506010001";

    [Fact]
    public void Rejects_a_transaction_whose_entries_do_not_sum_to_zero() =>
        Throws(
            () => LedgerTransaction.Post(Guid.NewGuid(), LedgerTransactionKind.Fee, "fee:1", null, "Fee",
                [DebitOf(Fees, Money.Yuan(1)), CreditOf(StripeBalance, Money.Yuan(0.99m))], Rep, Now),
            "ledger.unbalanced");

    [Fact]
    public void Rejects_a_one_line_transaction_and_non_positive_lines()
    {
        Throws(() => LedgerTransaction.Post(Guid.NewGuid(), LedgerTransactionKind.Fee, "fee:1", null, "Fee", [DebitOf(Fees, Money.Yuan(1))], Rep, Now), "ledger.unbalanced");
        Throws(() => DebitOf(Fees, Money.Zero), "ledger.invalid_amount");
        Throws(() => CreditOf(Fees, Money.Yuan(-1)), "ledger.invalid_amount");
    }

    [Fact]
    public void Rejects_accounts_outside_the_chart() =>
        Throws(() => DebitOf("9999", Money.Yuan(1)), "ledger.unknown_account");

    [Fact]
    public void Cash_lands_in_the_collecting_couriers_own_account()
    {
        var payment = Payment.CollectCash(Guid.NewGuid(), OrderNumber, Money.Yuan(80), Money.Yuan(100), "courier.wang", Now);
        var posted = Postings.PaymentCaptured(payment, "courier.wang", Now);

        Assert.Equal(LedgerTransactionKind.CashCollected, posted.Kind);
        Assert.Equal(
            [("1210-courier.wang", 80m, 0m), (CustomerReceivable, 0m, 80m)],
            posted.Entries.Select(e => (e.AccountCode, e.Debit.Amount, e.Credit.Amount)));
        Assert.Equal("Courier cash in hand — courier.wang", Describe("1210-courier.wang").Name);
    }

    [Fact]
    public void A_reversal_mirrors_every_line_and_brings_the_balances_back()
    {
        var invoice = Postings.OrderInvoiced(OrderNumber, Money.Yuan(120), Rep, Now);
        var reversal = invoice.Reverse(Guid.NewGuid(), "Entered twice", "finance.chen", Now);

        Assert.Equal((LedgerTransactionKind.Reversal, invoice.Key, $"reversal:{invoice.Key}"), (reversal.Kind, reversal.Reverses, reversal.SourceReference));
        var balances = AccountBalances.Replay([invoice, reversal]);
        Assert.All(balances.Accounts, a => Assert.Equal(Money.Zero, a.Balance));
        Assert.Equal(Money.Yuan(240), balances.TotalDebit);
        Throws(() => reversal.Reverse(Guid.NewGuid(), "Undo", "finance.chen", Now), "ledger.reverse_reversal");
    }

    [Fact]
    public void An_online_sale_refunded_in_part_before_delivery_leaves_the_contract_liability_and_stripe_at_the_difference()
    {
        var payment = Payment.StartOnline(Guid.NewGuid(), OrderNumber, Money.Yuan(100), Rep, Now);
        payment.AttachProviderReference("pi_1");
        payment.ConfirmCapture(10000, "cny", "stripe", Now);
        var refund = payment.RequestRefund(Guid.NewGuid(), Money.Yuan(30), "Case returned", new RefundPolicy(Money.Yuan(500)), Rep, Now);
        payment.CompleteRefund(refund.Key, "re_1", Now);

        var balances = AccountBalances.Replay(
        [
            Postings.OrderInvoiced(OrderNumber, Money.Yuan(100), Rep, Now),
            Postings.PaymentCaptured(payment, "stripe", Now),
            Postings.RefundOwed(payment, refund, Rep, Now),
            Postings.RefundPaid(payment, refund, null, "stripe", Now),
            Postings.Fee("txn_1", OrderNumber, Money.Yuan(0.6m), "stripe", Now),
        ]);

        Assert.Equal(
            (Money.Zero, Money.Yuan(69.4m), Money.Yuan(-70), Money.Zero, Money.Yuan(0.6m), Money.Zero),
            (balances[CustomerReceivable], balances[StripeBalance], balances[ContractLiability], balances[RefundsPayable], balances[Fees], balances[Revenue]));
    }

    [Fact]
    public void A_cash_refund_is_paid_out_of_a_station_safe()
    {
        var payment = Payment.CollectCash(Guid.NewGuid(), OrderNumber, Money.Yuan(80), Money.Yuan(100), "courier.wang", Now);
        var refund = payment.RequestRefund(Guid.NewGuid(), Money.Yuan(80), "Returned", new RefundPolicy(Money.Yuan(500)), Rep, Now);

        Throws(() => Postings.RefundPaid(payment, refund, null, "cashier", Now), "ledger.station_required");
        Assert.Equal("1220-tianhe", Postings.RefundPaid(payment, refund, "tianhe", "cashier", Now).Entries[1].AccountCode);
    }
}
