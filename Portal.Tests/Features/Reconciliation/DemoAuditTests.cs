using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Domain.Shared;
using Portal.Infrastructure.Persistence.Seeding;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Handover;
using Portal.Web.Features.Reconciliation;

namespace Portal.Tests.Features.Reconciliation;

/// <summary>The Development demo's four weeks of audit: clean days, and exactly the two faults it was written with.</summary>
public sealed class DemoAuditTests : IAsyncLifetime
{
    private PortalHost _host = default!;
    private DateOnly _today;

    public async Task InitializeAsync()
    {
        _host = await PortalHost.StartAsync();
        var now = DateTime.UtcNow;
        _today = ChinaTime.Today(now);
        await _host.WithDb(async db =>
        {
            await DemoDeliveryHistory.SeedAsync(db, _today, 28);
            await DemoAudit.SeedAsync(db, now, CancellationToken.None);
            return 0;
        });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Only_the_unexplained_bank_credit_is_on_the_worklist_and_the_short_handover_is_explained_and_approved()
    {
        var finance = await _host.PrincipalFor("finance@portal.local");

        var report = await _host.Send(new GetReconciliation.Query(_today), finance);

        Assert.True(report.Worklist.Count == 1, string.Join("\n", report.Worklist));
        var open = report.Worklist[0];
        Assert.Equal((3, "UnmatchedActual", $"bank:{DemoAudit.UnknownCreditLineId}", 1234.56m), (open.Tier, open.Kind, open.Key, open.Amount));
        Assert.Equal(DemoAudit.UnknownCreditDaysAgo, open.AgeDays);
        Assert.Empty(report.Approvals);

        var variance = Assert.Single(await _host.WithDb(db => db.AuditVariances.AsNoTracking().ToListAsync()));
        var financeId = await _host.WithDb(db => db.Users.Where(u => u.NormalizedUserName == "FINANCE@PORTAL.LOCAL").Select(u => u.Id).SingleAsync());
        Assert.Equal((VarianceStatus.Approved, -DemoAudit.Shortage, DemoAudit.ShortReason, financeId),
            (variance.Status, variance.Amount.Amount, variance.Reason, variance.DecidedBy));
        var handovers = await _host.WithDb(db => db.CashHandovers.AsNoTracking().ToListAsync());
        Assert.Equal(DemoAudit.ShortCourier, handovers.Single(h => AuditBooks.Subject(h.Key) == variance.Subject).Courier);
        Assert.All(handovers, h => Assert.True(h.IsComplete));
        Assert.True(handovers.Count > 28);
        Assert.True(handovers.Max(h => h.Day) < _today);
    }

    [Fact]
    public async Task The_pos_fees_are_settled_the_old_days_are_closed_and_seeding_again_changes_nothing()
    {
        var fees = await _host.WithDb(db => db.PosSettlementLines.AsNoTracking().Select(l => l.Fee).ToListAsync());
        Assert.NotEmpty(fees);
        Assert.All(fees, fee => Assert.True(fee > Money.Zero));

        var closed = await _host.WithDb(db => db.ClosedPeriods.AsNoTracking().Select(p => p.Start).ToListAsync());
        Assert.Equal(28 - DemoAudit.ClosedAfterDays, closed.Count);
        Assert.Equal(_today.AddDays(-DemoAudit.ClosedAfterDays - 1), closed.Max());

        // The last day: every courier handed over and signed, except one whose cash still waits at the desk.
        var yesterday = await _host.Send(new GetCashierDesk.Query(_today.AddDays(-1)), await _host.PrincipalFor("cashier@portal.local"));
        var waiting = Assert.Single(yesterday.Couriers, c => c.Handover is null);
        Assert.True(waiting.ExpectedCash > DemoAudit.Shortage * 2);
        Assert.All(yesterday.Couriers.Where(c => c != waiting), c => Assert.True(c.Handover is { CourierSigned: true }));

        var before = await _host.WithDb(db => db.MatchDecisions.CountAsync());
        await _host.WithDb(async db =>
        {
            await DemoAudit.SeedAsync(db, DateTime.UtcNow, CancellationToken.None);
            return 0;
        });
        Assert.Equal(before, await _host.WithDb(db => db.MatchDecisions.CountAsync()));
    }
}
