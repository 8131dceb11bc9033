using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Common;
using Portal.Domain.Ledger;
using Portal.Domain.Shared;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Persistence.Seeding;
using Portal.Tests.Features.Orders;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;
using Portal.Web.Features.Handover;
using Portal.Web.Features.Payments;
using Portal.Web.Features.Reconciliation;

namespace Portal.Tests.Features.Reconciliation;

/// <summary>
/// The three tiers through the real pipeline and API: a courier short at the desk, the reason, four eyes on the
/// approval, the deposit, the bank file (twice), the day balanced and closed, and a closed day refusing postings.
/// </summary>
public sealed class AuditFlowTests : IAsyncLifetime
{
    private const string Courier = "courier@portal.local";
    private const string Station = "ST-GZ-TIANHE";
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private PortalHost _host = default!;

    public async Task InitializeAsync() =>
        _host = await PortalHost.StartAsync(configure: b => b.Services.AddSingleton<TimeProvider>(_time));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_short_handover_is_explained_approved_by_someone_else_banked_matched_and_closed()
    {
        var day = ChinaTime.Today(_time.GetUtcNow().UtcDateTime);
        var collected = await CollectCash();
        var counter = await UserWith("counter", Roles.Cashier, Roles.Finance);

        // Tier 1: ¥50 short, above the ¥10 threshold.
        var handover = await _host.Send(
            new RecordHandover.Command(Courier, Station, day, Notes(collected - 50), [], "a ¥50 note missing"), counter);
        Assert.Equal((collected, collected - 50, -50m, "AwaitingApproval"), (handover.Expected, handover.Counted, handover.Variance, handover.VarianceStatus));
        var balances = await Balances();
        Assert.Equal(50m, balances[ChartOfAccounts.CourierReceivable(Courier)].Amount);
        Assert.Equal(collected - 50, balances[ChartOfAccounts.StationSafe(Station)].Amount);
        Assert.Equal(0m, balances[ChartOfAccounts.CourierCash(Courier)].Amount);

        var finance = await _host.PrincipalFor("finance@portal.local");
        var pending = Assert.Single((await _host.Send(new GetReconciliation.Query(day), finance)).Approvals);
        var refused = await Assert.ThrowsAsync<DomainException>(() => _host.Send(new DecideVariance.Command(pending.Key, true), counter));
        Assert.Equal("audit.four_eyes", refused.Code);
        Assert.Equal("Approved", await _host.Send(new DecideVariance.Command(pending.Key, true, "courier repays"), finance));

        // Explained, but only the cashier has signed: the handover is complete when the courier signs too.
        var waiting = await _host.Send(new GetReconciliation.Query(day), finance);
        Assert.Equal("waiting for the courier's sign-off", Assert.Single(waiting.Worklist, w => w.Tier == 1 && w.Key == AuditSubject(handover.HandoverId)).Note);
        await _host.Send(new SignHandover.Command(handover.HandoverId), await _host.PrincipalFor(Courier));

        // Tier 2 and 3: the safe is deposited and the bank shows it; the same file twice changes nothing.
        var slip = $"DS{Random.Shared.Next(1_000_000):D6}";
        await _host.Send(new RecordDeposit.Command(slip, Station, day, collected - 50, "ICBC-0001"), counter);
        using var api = _host.CreateApiClient(DemoAccounts.FinanceKey);
        var csv = $"BookingDate,ValueDate,Amount,Currency,Reference,Counterparty,Narrative,LineId\n{day:yyyy-MM-dd},{day:yyyy-MM-dd},{(collected - 50).ToString(CultureInfo.InvariantCulture)},CNY,{slip},天河网点,\"cash, deposit\",L-{slip}\n";
        Assert.Equal((1, 0), await Import(api, "bank-statements", csv));
        Assert.Equal((1, 1), await Import(api, "bank-statements", csv));

        var report = await Report(api, day);
        Assert.Equal("Balanced", report.GetProperty("status").GetString());
        var tiers = report.GetProperty("tiers").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], tiers.Select(t => t.GetProperty("tier").GetInt32()));
        Assert.Equal(-50m, tiers[0].GetProperty("variance").GetDecimal());
        Assert.Equal(0m, tiers[1].GetProperty("unmatched").GetDecimal());
        Assert.Equal(collected - 50, tiers[2].GetProperty("matched").GetDecimal());

        var early = await Assert.ThrowsAsync<DomainException>(() => _host.Send(new CloseDay.Command(day), finance));
        Assert.Equal("audit.period_not_over", early.Code);
        _time.Advance(TimeSpan.FromDays(1));
        await _host.Send(new CloseDay.Command(day), finance);
        Assert.Equal("Closed", (await Report(api, day)).GetProperty("status").GetString());

        // A closed day takes no postings.
        var late = await Assert.ThrowsAsync<DomainException>(() =>
            _host.Send(new RecordDeposit.Command("DS-LATE", Station, day, 10, "ICBC-0001"), counter));
        Assert.Equal("audit.period_closed", late.Code);
        Assert.Equal(0, await _host.WithDb(db => db.LedgerTransactions.CountAsync(t => t.SourceReference == "deposit:DS-LATE")));
    }

    [Fact]
    public async Task A_courier_signs_only_their_own_handover_and_a_dispute_keeps_it_open_until_they_sign()
    {
        var day = ChinaTime.Today(_time.GetUtcNow().UtcDateTime);
        var collected = await CollectCash();
        var handover = await _host.Send(new RecordHandover.Command(Courier, Station, day, Notes(collected), []), await _host.PrincipalFor("cashier@portal.local"));
        var courier = await _host.PrincipalFor(Courier);
        var other = await _host.PrincipalFor("courier2@portal.local");

        // Another courier learns nothing and signs nothing: not through the use case, not through the URL.
        await Assert.ThrowsAsync<NotFoundException>(() => _host.Send(new SignHandover.Command(handover.HandoverId), other));
        await Assert.ThrowsAsync<NotFoundException>(() => _host.Send(new DisputeHandover.Command(handover.HandoverId, "not mine"), other));
        await Assert.ThrowsAsync<NotFoundException>(() => _host.Send(new GetMyHandover.Query(handover.HandoverId), other));
        Assert.Empty(await _host.Send(new GetMyHandovers.Query(), other));
        using (var theirs = _host.CreateClient())
        {
            await PortalHost.SignInAsync(theirs, "courier2@portal.local");
            var page = await theirs.GetStringAsync($"/courier/handovers/{handover.HandoverId}");
            Assert.Contains("data-testid=\"not-found\"", page);
            Assert.DoesNotContain("courier-handover-sign", page);
        }

        using (var mine = _host.CreateClient())
        {
            await PortalHost.SignInAsync(mine, Courier);
            Assert.Contains("data-testid=\"courier-handover-sign\"", await mine.GetStringAsync($"/courier/handovers/{handover.HandoverId}"));
        }

        await Assert.ThrowsAsync<RequestValidationException>(() => _host.Send(new DisputeHandover.Command(handover.HandoverId, " "), courier));
        await _host.Send(new DisputeHandover.Command(handover.HandoverId, "I handed in one more ¥100 note"), courier);
        var finance = await _host.PrincipalFor("finance@portal.local");
        var disputed = Assert.Single((await _host.Send(new GetReconciliation.Query(day), finance)).Worklist, w => w.Tier == 1 && w.Key == AuditSubject(handover.HandoverId));
        Assert.Equal("disputed by the courier: I handed in one more ¥100 note", disputed.Note);
        Assert.True(Assert.Single(await _host.Send(new GetMyHandovers.Query(), courier)).Disputed);

        await _host.Send(new SignHandover.Command(handover.HandoverId), courier);
        Assert.DoesNotContain((await _host.Send(new GetReconciliation.Query(day), finance)).Worklist, w => w.Tier == 1 && w.Key == AuditSubject(handover.HandoverId));
        var signed = Assert.Single(await _host.Send(new GetMyHandovers.Query(), courier));
        Assert.Equal((true, false), (signed.Signed, signed.Disputed));
        var late = await Assert.ThrowsAsync<DomainException>(() => _host.Send(new DisputeHandover.Command(handover.HandoverId, "changed my mind"), courier));
        Assert.Equal("audit.already_signed", late.Code);
    }

    [Fact]
    public async Task A_day_with_an_unexplained_difference_does_not_close()
    {
        var day = ChinaTime.Today(_time.GetUtcNow().UtcDateTime);
        var collected = await CollectCash();
        var cashier = await _host.PrincipalFor("cashier@portal.local");
        var noReason = await Assert.ThrowsAsync<DomainException>(() =>
            _host.Send(new RecordHandover.Command(Courier, Station, day, Notes(collected - 1), []), cashier));
        Assert.Equal("audit.reason_required", noReason.Code);

        await _host.Send(new RecordHandover.Command(Courier, Station, day, Notes(collected), []), cashier);
        _time.Advance(TimeSpan.FromDays(1));

        // Counted in full, but never deposited: the handover waits for its slip.
        var open = await Assert.ThrowsAsync<DomainException>(() => _host.Send(new CloseDay.Command(day), _host.PrincipalFor("finance@portal.local").Result));
        Assert.Equal("audit.period_not_balanced", open.Code);
    }

    [Fact]
    public async Task A_bad_file_is_refused_whole_with_its_rows_named_and_nothing_written()
    {
        using var api = _host.CreateApiClient(DemoAccounts.FinanceKey);
        const string header = "SettlementDate,TerminalId,BatchNo,Reference,CardLast4,Amount,Fee,NetAmount";
        var csv = $"{header}\n2026-01-05,T1,B1,R1,1234,100.00,0.60,99.40\n2026-01-05,T1,B1,R2,12a4,50.00,0.30,49.70\n2026-13-01,T1,B1,R3,,10,0,10\n";

        using var response = await api.PostAsync("/api/v1/finance/pos-settlements", File(csv));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("file.row3", out _));
        Assert.True(errors.TryGetProperty("file.row4", out _));
        Assert.False(errors.TryGetProperty("file.row2", out _));
        Assert.Equal(0, await _host.WithDb(db => db.PosSettlementLines.CountAsync()));

        using var wrongHeader = await api.PostAsync("/api/v1/finance/bank-statements", File("Date,Amount\n2026-01-05,1\n"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongHeader.StatusCode);
        using var noKey = _host.CreateApiClient(DemoAccounts.IntakeKey);
        using var forbidden = await noKey.GetAsync("/api/v1/finance/reconciliation?date=2026-01-05");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var badDate = await api.GetAsync("/api/v1/finance/reconciliation?date=05/01/2026");
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
    }

    [Fact]
    public async Task Settled_pos_slips_post_their_fees_and_a_camt053_statement_matches_the_batch()
    {
        using var api = _host.CreateApiClient(DemoAccounts.FinanceKey);
        var csv = "SettlementDate,TerminalId,BatchNo,Reference,CardLast4,Amount,Fee,NetAmount\n2026-01-05,T9,B77,R1,1234,100.00,0.60,99.40\n2026-01-05,T9,B77,R2,,50.00,0.30,49.70\n";
        Assert.Equal((2, 0), await Import(api, "pos-settlements", csv));
        Assert.Equal((2, 2), await Import(api, "pos-settlements", csv));
        var balances = await Balances();
        Assert.Equal(0.9m, balances[ChartOfAccounts.Fees].Amount);
        Assert.Equal(149.1m, balances[ChartOfAccounts.Bank].Amount);

        var camt = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
              <BkToCstmrStmt><Stmt><Id>S1</Id>
                <Ntry><NtryRef>N1</NtryRef><Amt Ccy="CNY">149.10</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                  <BookgDt><Dt>2026-01-06</Dt></BookgDt><ValDt><Dt>2026-01-06</Dt></ValDt><AcctSvcrRef>BANK-0001</AcctSvcrRef>
                  <NtryDtls><TxDtls><Refs><EndToEndId>B77</EndToEndId></Refs><RltdPties><Dbtr><Nm>Acquirer</Nm></Dbtr></RltdPties>
                  <RmtInf><Ustrd>POS settlement</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
              </Stmt></BkToCstmrStmt>
            </Document>
            """;
        Assert.Equal((1, 0), await Import(api, "bank-statements", camt, "statement.xml"));
        var decisions = await _host.WithDb(db => db.MatchDecisions.Where(d => d.Scope == "bank").ToListAsync());
        var match = Assert.Single(decisions);
        Assert.Equal(("batch:T9/B77", "bank:BANK-0001", "system"), (match.ExpectedKeys, match.ActualKeys, match.DecidedBy));
    }

    private static string AuditSubject(Guid handover) => $"handover:{handover:N}";

    private async Task<decimal> CollectCash()
    {
        var rep = await _host.PrincipalFor("rep@portal.local");
        var placed = await OrderSlice.PlacePreOrder(_host, rep, OrderSlice.NewPhone());
        await _host.WithDb(async db =>
        {
            var order = await db.Orders.SingleAsync(o => o.Number == placed.Number);
            order.Assign(Courier, "dispatcher@portal.local", _time.GetUtcNow().UtcDateTime);
            order.StartDelivery(Courier, _time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
            return 0;
        });
        await _host.Send(new CollectPayment.Command(placed.Number, "Cash", Tendered: placed.Total), await _host.PrincipalFor(Courier));
        return placed.Total;
    }

    /// <summary>The amount in notes and coins, largest first.</summary>
    private static Dictionary<decimal, int> Notes(decimal amount)
    {
        var count = new Dictionary<decimal, int>();
        foreach (var denomination in Portal.Domain.Audit.CashCount.Denominations)
        {
            var pieces = (int)(amount / denomination);
            if (pieces > 0)
            {
                count[denomination] = pieces;
                amount -= pieces * denomination;
            }
        }

        Assert.Equal(0m, amount);
        return count;
    }

    private async Task<System.Security.Claims.ClaimsPrincipal> UserWith(string name, params string[] roles)
    {
        var email = $"{name}.{Guid.NewGuid():N}@portal.local";
        await _host.WithUsers(async users =>
        {
            var user = new PortalUser { UserName = email, Email = email, DisplayName = name, EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, "Demo!2345")).Succeeded);
            await users.AddToRolesAsync(user, roles);
        });
        return await _host.PrincipalFor(email);
    }

    private Task<AccountBalances> Balances() =>
        _host.WithDb(async db => AccountBalances.Replay(await db.LedgerTransactions.AsNoTracking().SelectMany(t => t.Entries).ToListAsync()));

    private static MultipartFormDataContent File(string text, string name = "file.csv") =>
        new() { { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", name } };

    private static async Task<(int Lines, int Duplicates)> Import(HttpClient api, string path, string text, string name = "file.csv")
    {
        using var response = await api.PostAsync($"/api/v1/finance/{path}", File(text, name));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body.ToString());
        Assert.Equal(JsonValueKind.String, body.GetProperty("importId").ValueKind);
        Assert.Empty(body.GetProperty("errors").EnumerateArray());
        return (body.GetProperty("lines").GetInt32(), body.GetProperty("duplicates").GetInt32());
    }

    private static async Task<JsonElement> Report(HttpClient api, DateOnly day)
    {
        using var response = await api.GetAsync($"/api/v1/finance/reconciliation?date={day:yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
