using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Dispatch;
using Portal.Domain.Shared;
using Portal.Infrastructure.Audit;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Localization;
using Portal.Web.Common.Security;

namespace Portal.Web.Features.Dispatch;

/// <summary>
/// The courier company's daily status file, imported by a dispatcher: the same reports the company can post to the
/// API, one a row, applied through the very same path (<see cref="RecordCourierCompanyEvent.Record"/>). A preview
/// names every wrong row; a file is applied only whole and only when no row is wrong. Event ids make a re-import of
/// the same file (or of overlapping files) change nothing, and row order does not matter.
/// </summary>
public static class ImportCourierCompanyEvents
{
    public const string Header = "EventId,TrackingCode,Type,At,Reason,ReceivedBy,HandoverId";
    public const int MaxBytes = 2 * 1024 * 1024;
    public const int MaxRows = 5_000;

    // An explicit offset (or Z) is required: a bare local time in the company's file would be read in the wrong zone.
    private static readonly Regex WithOffset = new(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.Compiled | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    [AuthorizeRequest(Roles.Dispatcher)]
    public sealed record Preview(long CompanyId, byte[] Content) : IRequest<Report>, IImportFile;

    [AuthorizeRequest(Roles.Dispatcher)]
    public sealed record Apply(long CompanyId, byte[] Content) : ICommand<Report>, IImportFile;

    /// <summary>The courier companies a file can come from.</summary>
    [AuthorizeRequest(Roles.Dispatcher)]
    public sealed record Companies : IRequest<IReadOnlyList<Company>>;

    public sealed record Company(long Id, string Name);

    public interface IImportFile
    {
        long CompanyId { get; }

        byte[] Content { get; }
    }

    public enum RowOutcome
    {
        /// <summary>Applying the row changes the delivery.</summary>
        Changes,

        /// <summary>The event id was applied before (an earlier import or the API): nothing to do.</summary>
        AlreadyApplied,
        Wrong,
    }

    public sealed record RowResult(int Row, string EventId, string TrackingCode, string Type, string At, RowOutcome Outcome, string? Error);

    /// <summary>What the file holds row by row; <see cref="FileError"/> is set when the file as a whole cannot be read.</summary>
    public sealed record Report(IReadOnlyList<RowResult> Rows, string? FileError)
    {
        public bool CanApply => FileError is null && Rows.Count > 0 && Rows.All(r => r.Outcome != RowOutcome.Wrong);

        public int Changes => Rows.Count(r => r.Outcome == RowOutcome.Changes);

        public int Wrong => Rows.Count(r => r.Outcome == RowOutcome.Wrong);
    }

    public sealed class PreviewValidator : AbstractValidator<Preview>
    {
        public PreviewValidator() => Rules(this);
    }

    public sealed class ApplyValidator : AbstractValidator<Apply>
    {
        public ApplyValidator() => Rules(this);
    }

    internal sealed class CompaniesHandler(PortalDbContext db) : IRequestHandler<Companies, IReadOnlyList<Company>>
    {
        public async Task<IReadOnlyList<Company>> Handle(Companies request, CancellationToken cancellationToken) =>
            await db.Couriers.AsNoTracking()
                .Where(c => c.Channel == DeliveryChannel.CourierCompany && c.IsActive)
                .OrderBy(c => c.Name)
                .Select(c => new Company(c.Id, c.Name))
                .ToListAsync(cancellationToken);
    }

    internal sealed class PreviewHandler(PortalDbContext db, IClock clock, ServerText text) : IRequestHandler<Preview, Report>
    {
        // Rows are applied to tracked deliveries exactly as an import would, then thrown away: nothing is saved.
        public Task<Report> Handle(Preview request, CancellationToken cancellationToken) => Check(db, text, request, clock.UtcNow, cancellationToken);
    }

    internal sealed class ApplyHandler(PortalDbContext db, IClock clock, ServerText text) : IRequestHandler<Apply, Report>
    {
        public async Task<Report> Handle(Apply request, CancellationToken cancellationToken)
        {
            var report = await Check(db, text, request, clock.UtcNow, cancellationToken);
            if (!report.CanApply)
            {
                // Thrown inside the unit of work: the rows already applied in memory are never saved.
                throw new RequestValidationException(report.FileError is { } error
                    ? new Dictionary<string, string[]> { ["file"] = [error] }
                    : report.Rows.Where(r => r.Error is not null).Take(200).ToDictionary(r => $"file.row{r.Row}", r => new[] { r.Error! }));
            }

            return report;
        }
    }

    private static void Rules<T>(AbstractValidator<T> validator)
        where T : IImportFile
    {
        validator.RuleFor(c => c.CompanyId).GreaterThan(0).WithMessage("Choose the courier company.");
        validator.RuleFor(c => c.Content).Must(b => b is { Length: > 0 and <= MaxBytes })
            .OverridePropertyName("file").WithMessage("Attach a non-empty CSV file of at most 2 MB.");
    }

    private static async Task<Report> Check(PortalDbContext db, ServerText text, IImportFile file, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var company = await db.Couriers
            .Where(c => c.Id == file.CompanyId && c.Channel == DeliveryChannel.CourierCompany)
            .Select(c => (long?)c.Id)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw RequestValidationException.For("companyId", text.Say("Choose the courier company."));

        if (Read(file.Content, text, out var rows) is { } fileError)
        {
            return new Report([], fileError);
        }

        var codes = rows.Select(r => TrackingCode.TryParse(r.Fields[1].Trim(), out var c) ? c : null).OfType<TrackingCode>().Distinct().ToList();
        var owners = await db.Deliveries.Where(d => codes.Contains(d.TrackingCode))
            .Select(d => new { d.TrackingCode, d.CourierId })
            .ToDictionaryAsync(d => d.TrackingCode.Value, d => d.CourierId, cancellationToken);

        var validator = new RecordCourierCompanyEvent.Validator();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var results = new List<RowResult>(rows.Count);
        foreach (var (row, fields) in rows)
        {
            var (eventId, code, type, at) = (fields[0].Trim(), fields[1].Trim(), fields[2].Trim(), fields[3].Trim());
            string? error;
            var outcome = RowOutcome.Wrong;
            if (eventId.Length > 0 && seen.TryGetValue(eventId, out var first))
            {
                error = text.Say($"Event id {eventId} is also on row {first}");
            }
            else
            {
                seen.TryAdd(eventId, row);
                (error, var changes) = await ApplyRow(db, text, validator, company, owners, fields, nowUtc, cancellationToken);
                outcome = error is not null ? RowOutcome.Wrong : changes ? RowOutcome.Changes : RowOutcome.AlreadyApplied;
            }

            results.Add(new RowResult(row, eventId, code, type, at, outcome, error));
        }

        return new Report(results, null);
    }

    /// <summary>One row through the API's own validator and handler path; what it refuses becomes the row's error.</summary>
    private static async Task<(string? Error, bool Changes)> ApplyRow(
        PortalDbContext db,
        ServerText text,
        RecordCourierCompanyEvent.Validator validator,
        long company,
        Dictionary<string, long?> owners,
        string[] fields,
        DateTime nowUtc,
        CancellationToken cancellationToken)
    {
        var code = fields[1].Trim();
        if (!TrackingCode.TryParse(code, out var parsed) || !owners.TryGetValue(parsed.Value, out var owner))
        {
            return (text.Say($"Unknown tracking code {code}"), false);
        }

        if (owner != company)
        {
            return (text.Say($"{code} is not a delivery of this courier company"), false);
        }

        var typeText = fields[2].Trim();
        if (!(typeText.Length > 0 && char.IsLetter(typeText[0]) && Enum.TryParse<CarrierEventType>(typeText, ignoreCase: false, out var type) && Enum.IsDefined(type)))
        {
            return (text.Say($"Type {typeText} is not one of PickedUp, OutForDelivery, Delivered, Failed or Returned"), false);
        }

        var atText = fields[3].Trim();
        if (!WithOffset.IsMatch(atText) || !DateTimeOffset.TryParse(atText, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return (text.Say($"Time {atText} is not an ISO 8601 time with its offset (2026-12-02T10:15:00+08:00)"), false);
        }

        var command = new RecordCourierCompanyEvent.Command(
            code, fields[0].Trim(), type, at.UtcDateTime, Optional(fields[4]), Optional(fields[5]), Optional(fields[6]));
        var invalid = (await validator.ValidateAsync(command, cancellationToken)).Errors;
        if (invalid.Count > 0)
        {
            return (string.Join(" ", invalid.Select(e => text.Say(e.ErrorMessage))), false);
        }

        try
        {
            return (null, await RecordCourierCompanyEvent.Record(db, company, command, nowUtc, cancellationToken));
        }
        catch (DomainException ex)
        {
            return (text.Say(ex), false);
        }
        catch (RequestValidationException ex)
        {
            return (string.Join(" ", ex.Errors.SelectMany(e => e.Value).Select(text.Say)), false);
        }
    }

    /// <summary>The rows of a UTF-8 file with the expected header, or why the file as a whole cannot be read.</summary>
    private static string? Read(byte[] content, ServerText text, out List<(int Row, string[] Fields)> rows)
    {
        rows = [];
        string csv;
        try
        {
            csv = new UTF8Encoding(false, true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return text.Say("The file is not UTF-8 text.");
        }

        using var records = Csv.Read(csv).GetEnumerator();
        if (!records.MoveNext() || !string.Equals(string.Join(',', records.Current.Fields).Trim().TrimStart('\uFEFF'), Header, StringComparison.Ordinal))
        {
            return text.Say($"The first line must be exactly {Header}");
        }

        while (records.MoveNext())
        {
            var (row, fields) = records.Current;
            if (fields is [""])
            {
                continue;
            }

            if (fields.Length != 7)
            {
                return text.Say($"Row {row} has {fields.Length} columns; every row has 7");
            }

            if (rows.Count == MaxRows)
            {
                return text.Say($"A file holds at most {MaxRows} rows");
            }

            rows.Add((row, fields));
        }

        return rows.Count == 0 ? text.Say("The file has no rows after its header.") : null;
    }

    private static string? Optional(string field) => string.IsNullOrWhiteSpace(field) ? null : field.Trim();
}
