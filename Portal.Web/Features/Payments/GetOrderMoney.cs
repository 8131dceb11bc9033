using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Ledger;
using Portal.Domain.Payments;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Security;
using Portal.Web.Features.Orders;
using Portal.Web.Common;

namespace Portal.Web.Features.Payments;

/// <summary>
/// The order page's money panel: every payment attempt with its refunds (who asked, who approved), the open payment
/// link, and the order's ledger postings with their entries, oldest first.
/// </summary>
public static class GetOrderMoney
{
    [AuthorizeRequest(Roles.Rep, Roles.BackOffice, Roles.Finance)]
    public sealed record Query(string Number) : IRequest<OrderMoney>;

    public sealed record OrderMoney(string Number, IReadOnlyList<PaymentLine> Payments, IReadOnlyList<Posting> Postings)
    {
        /// <summary>An attempt still waiting for Stripe's word: the page keeps following it.</summary>
        public bool AwaitingProvider => Payments.Any(p => p.Status == nameof(PaymentAttemptStatus.Pending) && p.Channel is "Online" or "Terminal")
            || Payments.Any(p => p.Refunds.Any(r => r.Status == nameof(RefundStatus.Requested) && p.Channel is "Online" or "Terminal"));
    }

    public sealed record PaymentLine(
        Guid Id, string Channel, string Status, decimal Amount, decimal Refunded, decimal Refundable, string? Reference, string? FailureReason,
        string? Discrepancy, DateTime AtUtc, string? LinkUrl, DateTime? LinkExpiresAtUtc, IReadOnlyList<RefundLine> Refunds);

    public sealed record RefundLine(
        Guid Id, decimal Amount, string Status, string Reason, string RequestedBy, DateTime RequestedAtUtc, string? ApprovedBy, string? FailureReason,
        bool RequestedByMe = false);

    public sealed record Posting(Guid Id, string Kind, string Description, DateTime PostedAtUtc, string PostedBy, IReadOnlyList<Entry> Entries);

    public sealed record Entry(string AccountCode, string AccountName, decimal Debit, decimal Credit);

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, TimeProvider clock, Microsoft.Extensions.Options.IOptions<PaymentLinkOptions> links)
        : IRequestHandler<Query, OrderMoney>
    {
        public async Task<OrderMoney> Handle(Query request, CancellationToken cancellationToken)
        {
            var number = (request.Number ?? "").Trim().ToUpperInvariant();
            if (!await db.Orders.AsNoTracking().VisibleTo(user).AnyAsync(o => o.Number == number, cancellationToken))
            {
                throw new NotFoundException($"Order {number}");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var payments = await db.Payments.AsNoTracking().Where(p => p.OrderNumber == number).OrderBy(p => p.CreatedAtUtc).ToListAsync(cancellationToken);
            var postings = await db.LedgerTransactions.AsNoTracking().Where(t => t.OrderNumber == number).OrderBy(t => t.PostedAtUtc).ToListAsync(cancellationToken);
            var name = await PeopleNames.NamerAsync(
                db, payments.SelectMany(p => p.Refunds.SelectMany(r => new[] { r.RequestedBy, r.ApprovedBy })).Concat(postings.Select(t => t.PostedBy)), cancellationToken);
            return new OrderMoney(
                number,
                [.. payments.Select(p => new PaymentLine(
                    p.Key, p.Channel.ToString(), p.Status.ToString(), p.Amount.Amount, p.Refunded.Amount, p.Refundable.Amount,
                    p.Channel == PaymentChannel.Cash ? null : p.Reference, p.FailureReason, p.Discrepancy, p.SettledAtUtc ?? p.CreatedAtUtc,
                    p.LinkIsOpen(now) ? CreatePaymentLink.UrlOf(links.Value, p) : null, p.LinkIsOpen(now) ? p.LinkExpiresAtUtc : null,
                    [.. p.Refunds.OrderBy(r => r.RequestedAtUtc).Select(r => new RefundLine(
                        r.Key, r.Amount.Amount, r.Status.ToString(), r.Reason, name(r.RequestedBy)!, r.RequestedAtUtc, name(r.ApprovedBy), r.FailureReason,
                        r.RequestedBy == user.Actor))]))],
                [.. postings.Select(t => new Posting(
                    t.Key, t.Kind.ToString(), t.Description, t.PostedAtUtc, name(t.PostedBy)!,
                    [.. t.Entries.Select(e => new Entry(e.AccountCode, ChartOfAccounts.Describe(e.AccountCode).Name, e.Debit.Amount, e.Credit.Amount))]))]);
        }
    }
}
