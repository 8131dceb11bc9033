using FluentValidation;
using MediatR;
using Portal.Domain.Audit;
using Portal.Domain.Common;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Reconciliation;

/// <summary>
/// Finance matches what the rules left, or undoes a match the rules got wrong (its items are then left to people).
/// A hand match that does not add up raises a variance on it, which a second person approves.
/// </summary>
public static class MatchByHand
{
    [AuthorizeRequest(Roles.Finance)]
    public sealed record Command(string Scope, DateOnly Day, IReadOnlyList<string> Expected, IReadOnlyList<string> Actual, string? Reason) : ICommand<Guid>;

    [AuthorizeRequest(Roles.Finance)]
    public sealed record Undo(string Scope, DateOnly Day, Guid MatchId, string Reason) : ICommand<Guid>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Scope).NotEmpty().MaximumLength(32);
            RuleFor(c => c.Expected).NotEmpty().WithMessage("Pick at least one item from the books.");
            RuleFor(c => c.Actual).NotEmpty().WithMessage("Pick at least one line of evidence.");
            RuleFor(c => c.Reason).MaximumLength(200);
        }
    }

    public sealed class UndoValidator : AbstractValidator<Undo>
    {
        public UndoValidator()
        {
            RuleFor(c => c.Scope).NotEmpty().MaximumLength(32);
            RuleFor(c => c.Reason).NotEmpty().MaximumLength(200).WithMessage("Say why the match is wrong.");
        }
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock) : IRequestHandler<Command, Guid>, IRequestHandler<Undo, Guid>
    {
        public async Task<Guid> Handle(Command request, CancellationToken cancellationToken)
        {
            var books = await AuditBooks.LoadAsync(db, request.Day.AddDays(-AuditBooks.WindowDays * 3), request.Day.AddDays(AuditBooks.WindowDays), cancellationToken);
            var scope = books.Scope(request.Scope);
            var now = clock.UtcNow;
            var decision = books.Books[scope.Name].MatchByHand(
                Pick(scope.Expected, request.Expected), Pick(scope.Actual, request.Actual), user.Actor, now, request.Reason);
            db.MatchDecisions.Add(MatchDecisionRecord.Of(scope.Name, decision));
            if (decision.Difference != Money.Zero)
            {
                db.AuditVariances.Add(Variance.Raise(
                    Guid.NewGuid(), scope.Tier, request.Day, AuditBooks.MatchSubject(decision.Key), decision.Difference,
                    request.Reason ?? "", user.Actor, null, Money.Zero, now));
            }

            return decision.Key;
        }

        public async Task<Guid> Handle(Undo request, CancellationToken cancellationToken)
        {
            var books = await AuditBooks.LoadAsync(db, request.Day.AddDays(-AuditBooks.WindowDays * 3), request.Day.AddDays(AuditBooks.WindowDays), cancellationToken);
            var scope = books.Scope(request.Scope);
            var decision = books.Books[scope.Name].Unmatch(request.MatchId, request.Reason, user.Actor, clock.UtcNow);
            db.MatchDecisions.Add(MatchDecisionRecord.Of(scope.Name, decision));
            return decision.Key;
        }

        private static List<MatchItem> Pick(IReadOnlyList<MatchItem> items, IReadOnlyList<string> keys)
        {
            var byKey = items.ToDictionary(i => i.Key, StringComparer.Ordinal);
            return [.. keys.Distinct().Select(k => byKey.TryGetValue(k, out var item) ? item : throw new NotFoundException(k))];
        }
    }
}
