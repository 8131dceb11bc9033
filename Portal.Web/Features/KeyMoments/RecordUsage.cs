using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.KeyMoments;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.KeyMoments;

/// <summary>
/// A batch of usage and account facts from the operator's systems (API or CSV import). Idempotent per number and
/// month: the same report again changes nothing, a different one revises the month. The rules run on arrival.
/// A batch with any bad row is refused whole.
/// </summary>
public static class RecordUsage
{
    public const int MaxRows = 2000;

    [AuthorizeRequest(Roles.Integration, Roles.Admin)]
    public sealed record Command(IReadOnlyList<Row>? Rows) : ICommand<Result>;

    public sealed record Row(
        string? Phone,
        string? Period,
        string? PlanCode,
        int? DataUsedMb,
        int? DataQuotaMb,
        int? VoiceMinutes,
        decimal? Bill,
        DateOnly? ContractEndsOn = null,
        string? HandsetModel = null,
        DateOnly? HandsetSince = null);

    public sealed record Result(int Recorded, int Revised, int Unchanged, int TasksRaised);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Rows).NotEmpty().WithMessage("Send at least one usage row.")
                .Must(r => r!.Count <= MaxRows).WithMessage($"Send at most {MaxRows} rows at a time.");
            RuleForEach(c => c.Rows).NotNull().WithMessage("A row is empty.").SetValidator(new RowValidator());
            RuleFor(c => c.Rows)
                .Must(rows => rows!.Where(r => r is not null).GroupBy(r => (Phone: Digits(r.Phone), r.Period?.Trim())).All(g => g.Count() == 1))
                .When(c => c.Rows is not null)
                .WithMessage("The same phone and period appear twice in this batch.");
        }

        private static string? Digits(string? phone) => Msisdn.TryParse(phone, out var parsed, out _) ? parsed.Value : phone;
    }

    public sealed class RowValidator : AbstractValidator<Row>
    {
        public RowValidator()
        {
            RuleFor(r => r.Phone).Must(p => Msisdn.TryParse(p, out _, out _)).WithMessage("Phone must be an 11-digit mobile number.");
            RuleFor(r => r.Period).Must(p => UsageFact.ParsePeriod(p) is not null).WithMessage("Period must be a month, YYYY-MM.");
            RuleFor(r => r.PlanCode).NotEmpty().WithMessage("Plan code is required.").MaximumLength(32);
            RuleFor(r => r.DataUsedMb).NotNull().WithMessage("Data used is required.").GreaterThanOrEqualTo(0);
            RuleFor(r => r.DataQuotaMb).NotNull().WithMessage("Data quota is required.").GreaterThanOrEqualTo(0);
            RuleFor(r => r.VoiceMinutes).NotNull().WithMessage("Voice minutes are required.").GreaterThanOrEqualTo(0);
            RuleFor(r => r.Bill).NotNull().WithMessage("Bill is required.").InclusiveBetween(0, 1_000_000)
                .Must(b => b is null || decimal.Round(b.Value, 2) == b.Value).WithMessage("Bill has at most two decimals.");
            RuleFor(r => r.HandsetModel).MaximumLength(50);
            RuleFor(r => r.HandsetSince).Must(d => d is null || d.Value.Year >= 2000).WithMessage("Handset date is not plausible.");
        }
    }

    internal sealed class Handler(PortalDbContext db, IClock clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var now = clock.UtcNow;
            var today = ChinaTime.Today(now);
            var rows = request.Rows!.Select(r => (Phone: Msisdn.Parse(r.Phone), Period: UsageFact.ParsePeriod(r.Period)!.Value, Figures: Figures(r))).ToList();
            var phones = rows.Select(r => r.Phone).Distinct().ToList();
            var periods = rows.Select(r => r.Period).Distinct().ToList();
            var stored = (await db.UsageFacts.Where(f => phones.Contains(f.Phone) && periods.Contains(f.Period)).ToListAsync(cancellationToken))
                .ToDictionary(f => (f.Phone, f.Period));

            int recorded = 0, revised = 0, unchanged = 0;
            foreach (var (phone, period, figures) in rows)
            {
                if (!stored.TryGetValue((phone, period), out var fact))
                {
                    db.UsageFacts.Add(UsageFact.Record(phone, period, figures, today, now));
                    recorded++;
                }
                else if (fact.Revise(figures, today, now))
                {
                    revised++;
                }
                else
                {
                    unchanged++;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            var raised = await KeyMomentEngine.RaiseTasksAsync(db, phones, now, cancellationToken);
            return new Result(recorded, revised, unchanged, raised);
        }

        private static UsageFigures Figures(Row r) => new(
            r.PlanCode!, r.DataUsedMb!.Value, r.DataQuotaMb!.Value, r.VoiceMinutes!.Value, Money.Yuan(r.Bill!.Value), r.ContractEndsOn, r.HandsetModel, r.HandsetSince);
    }
}
