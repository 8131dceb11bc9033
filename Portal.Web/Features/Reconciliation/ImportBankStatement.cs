using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Domain.Common;
using Portal.Infrastructure.Audit;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;
using Portal.Web.Common.Telemetry;

namespace Portal.Web.Features.Reconciliation;

/// <summary>
/// Tier 3: the bank's statement (its CSV or camt.053 export). A line the bank numbered before is skipped, so the
/// same file twice changes nothing; a file with any bad row is refused whole, every bad row named. New lines are
/// matched at once against deposits, POS settlements and Stripe payouts.
/// </summary>
public static class ImportBankStatement
{
    [AuthorizeRequest(Roles.Finance, Roles.Integration)]
    public sealed record Command(string FileName, byte[] Content) : ICommand<ImportResult>, IStatementFile;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => StatementFile.Rules(this);
    }

    internal sealed class Handler(PortalDbContext db, ICurrentUser user, IClock clock, PortalMetrics metrics) : IRequestHandler<Command, ImportResult>
    {
        public async Task<ImportResult> Handle(Command request, CancellationToken cancellationToken)
        {
            var key = Guid.NewGuid();
            var parsed = StatementFiles.ParseBankStatement(request.Content, key);
            StatementFile.RefuseIfBad(parsed.Errors);

            var ids = parsed.Rows.Select(r => r.LineId).Distinct().ToList();
            var seen = (await db.BankStatementLines.Where(l => ids.Contains(l.LineId)).Select(l => l.LineId).ToListAsync(cancellationToken)).ToHashSet();
            var fresh = parsed.Rows.Where(r => seen.Add(r.LineId)).ToList();
            var now = clock.UtcNow;
            db.BankStatementLines.AddRange(fresh);
            db.AuditImports.Add(AuditImport.Accept(
                key, ImportKind.BankStatement, request.FileName, StatementFiles.Hash(request.Content), parsed.Rows.Count, parsed.Rows.Count - fresh.Count, user.Actor, now));
            foreach (var day in fresh.Select(r => r.BookingDate).Distinct())
            {
                await db.SaveChangesAsync(cancellationToken);
                await AuditBooks.MatchAroundAsync(db, metrics, day, now, cancellationToken);
            }

            return new ImportResult(key, parsed.Rows.Count, parsed.Rows.Count - fresh.Count, []);
        }
    }
}

/// <summary>What an accepted file held: lines read, how many were already known, and no errors (a bad file is refused instead).</summary>
public interface IStatementFile
{
    string FileName { get; }

    byte[] Content { get; }
}

public sealed record ImportResult(Guid ImportId, int Lines, int Duplicates, IReadOnlyList<string> Errors);

public static class StatementFile
{
    public const int MaxBytes = 50 * 1024 * 1024;

    public static void Rules<T>(AbstractValidator<T> validator)
        where T : IStatementFile
    {
        validator.RuleFor(c => c.FileName).NotEmpty().MaximumLength(200).OverridePropertyName("fileName").WithMessage("Name the file.");
        validator.RuleFor(c => c.Content).Must(b => b is { Length: > 0 and <= MaxBytes })
            .OverridePropertyName("file").WithMessage("Attach a non-empty file of at most 50 MB.");
    }

    public static void RefuseIfBad(IReadOnlyList<RowError> errors)
    {
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors
                .Take(200)
                .GroupBy(e => $"file.row{e.Row}")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        }
    }
}
