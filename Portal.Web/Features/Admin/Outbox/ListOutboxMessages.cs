using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Admin.Outbox;

/// <summary>The outbox as an administrator reads it at /admin/outbox: how many messages wait, failed or went out, and the latest of one state.</summary>
public static class ListOutboxMessages
{
    public enum State
    {
        /// <summary>Not delivered yet; may have failed attempts and be waiting for its next one.</summary>
        Pending,

        /// <summary>Given up after the last attempt; only an administrator's retry sends it again.</summary>
        Failed,

        Sent,
    }

    /// <summary>The most recent messages are the ones worth reading; older ones stay in the table.</summary>
    public const int Shown = 100;

    [AuthorizeRequest(Roles.Admin)]
    public sealed record Query(State State) : IRequest<Result>;

    public sealed record Result(int Pending, int Failed, int Sent, IReadOnlyList<Row> Rows);

    public sealed record Row(
        long Id, string Kind, string Payload, DateTime CreatedAtUtc, DateTime DueAtUtc, int Attempts, DateTime? DeliveredAtUtc, DateTime? AbandonedAtUtc, string? LastError);

    internal sealed class Handler(PortalDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var all = db.OutboxMessages.AsNoTracking();
            var pending = all.Where(m => m.DeliveredAtUtc == null && m.AbandonedAtUtc == null);
            var failed = all.Where(m => m.AbandonedAtUtc != null);
            var sent = all.Where(m => m.DeliveredAtUtc != null);
            var shown = request.State switch
            {
                State.Failed => failed,
                State.Sent => sent,
                _ => pending,
            };
            var rows = await shown.OrderByDescending(m => m.Id).Take(Shown)
                .Select(m => new Row(m.Id, m.Kind, m.Payload, m.CreatedAtUtc, m.DueAtUtc, m.Attempts, m.DeliveredAtUtc, m.AbandonedAtUtc, m.LastError))
                .ToListAsync(cancellationToken);
            return new Result(
                await pending.CountAsync(cancellationToken), await failed.CountAsync(cancellationToken), await sent.CountAsync(cancellationToken), rows);
        }
    }
}
