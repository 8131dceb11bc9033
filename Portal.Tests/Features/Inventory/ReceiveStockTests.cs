using Microsoft.EntityFrameworkCore;
using Portal.Domain.Catalog;
using Portal.Domain.Inventory;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;
using Portal.Web.Features.Catalog;
using Portal.Web.Features.Inventory;

namespace Portal.Tests.Features.Inventory;

public sealed class ReceiveStockTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private const string Station = "ST-GZ-YUEXIU";

    private PortalHost Host => fixture.Host;

    private static int sequence = 500_000;

    /// <summary>A Luhn-valid IMEI that the demo seed (which counts up from 1) does not use.</summary>
    private static string NewImei()
    {
        var body = "35" + "999999" + Interlocked.Increment(ref sequence).ToString("D6");
        for (var check = 0; check <= 9; check++)
        {
            if (Portal.Domain.Shared.Luhn.IsValid(body + check))
            {
                return body + check;
            }
        }

        throw new InvalidOperationException("unreachable");
    }

    private async Task<string> NewHandset()
    {
        var sku = $"HS-T-{Guid.NewGuid():N}"[..20].ToUpperInvariant();
        return await Host.Send(
            new CreateProduct.Command(ProductKind.Handset, sku, "测试手机", 999m, Brand: "测试", Model: "T1", Colour: "黑", StorageGb: 128),
            await Host.PrincipalFor("admin@portal.local"));
    }

    private async Task<ListStock.StockRow?> StockOf(string sku, string location = Station) =>
        (await Host.Send(new ListStock.Query(sku, location), await Host.PrincipalFor("dispatcher@portal.local"))).Items.SingleOrDefault();

    [Fact]
    public async Task Receiving_handsets_with_imeis_opens_the_stock_and_records_serials_and_one_movement()
    {
        var sku = await NewHandset();
        var admin = await Host.PrincipalFor("admin@portal.local");
        string[] imeis = [NewImei(), NewImei(), NewImei()];

        var result = await Host.Send(new ReceiveStock.Command(sku, Station.ToLowerInvariant(), 3, imeis), admin);

        Assert.Equal((3, 3), (result.OnHand, result.Available));
        var stock = await StockOf(sku);
        Assert.NotNull(stock);
        Assert.Equal((3, 0, 3), (stock.OnHand, stock.Reserved, stock.Available));
        Assert.Equal(imeis.Order(), await Host.WithDb(db => db.SerialUnits.Where(u => u.Sku == sku).Select(u => u.Serial).OrderBy(s => s).ToListAsync()));
        var movement = await Host.WithDb(db => db.StockMovements.SingleAsync(m => m.Sku == sku));
        Assert.Equal((StockMovementKind.Received, 3, await Host.UserIdOf("admin@portal.local")), (movement.Kind, movement.QuantityDelta, movement.Actor));
    }

    [Fact]
    public async Task Receiving_more_adds_to_what_the_location_already_holds()
    {
        var admin = await Host.PrincipalFor("admin@portal.local");
        var before = (await StockOf("ACC-CASE-CLEAR"))!;

        await Host.Send(new ReceiveStock.Command("ACC-CASE-CLEAR", Station, 25), admin);

        var after = (await StockOf("ACC-CASE-CLEAR"))!;
        Assert.Equal(before.Available + 25, after.Available);
        Assert.Equal(before.OnHand + 25, after.OnHand);
    }

    [Fact]
    public async Task A_bad_imei_is_named_and_nothing_is_received()
    {
        var sku = await NewHandset();
        var admin = await Host.PrincipalFor("admin@portal.local");
        var good = NewImei();
        var badCheckDigit = good[..14] + (char)('0' + (good[14] - '0' + 1) % 10);

        var refused = await Assert.ThrowsAsync<RequestValidationException>(
            () => Host.Send(new ReceiveStock.Command(sku, Station, 3, [good, badCheckDigit, "12345"]), admin));

        Assert.Equal(
            [$"These are not valid IMEIs (15 digits with a valid check digit): {badCheckDigit}, 12345."],
            refused.Errors["Serials"]);
        await AssertNothingReceived(sku);
    }

    [Fact]
    public async Task Duplicate_imeis_in_the_list_or_already_in_stock_are_named_and_nothing_is_received()
    {
        var sku = await NewHandset();
        var admin = await Host.PrincipalFor("admin@portal.local");
        var repeated = NewImei();
        var seeded = await Host.WithDb(db => db.SerialUnits.Where(u => u.Serial.Length == 15).Select(u => u.Serial).FirstAsync());

        var refused = await Assert.ThrowsAsync<RequestValidationException>(
            () => Host.Send(new ReceiveStock.Command(sku, Station, 3, [repeated, repeated, seeded]), admin));

        Assert.Contains($"These IMEIs are listed more than once: {repeated}.", refused.Errors["Serials"]);
        Assert.Contains($"These IMEIs are already in stock records: {seeded}.", refused.Errors["Serials"]);
        await AssertNothingReceived(sku);
    }

    [Fact]
    public async Task Sim_cards_need_iccids_and_the_quantity_must_match_them()
    {
        var admin = await Host.PrincipalFor("admin@portal.local");

        var noSerials = await Assert.ThrowsAsync<RequestValidationException>(
            () => Host.Send(new ReceiveStock.Command("SIM-5G-STD", Station, 2), admin));
        var mismatch = await Assert.ThrowsAsync<RequestValidationException>(
            () => Host.Send(new ReceiveStock.Command("SIM-5G-STD", Station, 2, ["8986000000000000001"]), admin));

        Assert.Equal(["Paste one ICCID per line."], noSerials.Errors["Serials"]);
        Assert.Equal(["Quantity must equal the number of ICCIDs (1)."], mismatch.Errors["Quantity"]);
    }

    [Theory]
    [InlineData(0, "Quantity must be greater than zero.")]
    [InlineData(1001, "Quantity can be at most 1000 per receipt.")]
    public async Task Quantity_must_be_between_1_and_1000(int quantity, string message)
    {
        var refused = await Assert.ThrowsAsync<RequestValidationException>(
            async () => await Host.Send(new ReceiveStock.Command("ACC-CASE-CLEAR", Station, quantity), await Host.PrincipalFor("admin@portal.local")));

        Assert.Equal([message], refused.Errors["Quantity"]);
    }

    [Fact]
    public async Task Unknown_sku_and_location_are_named()
    {
        var refused = await Assert.ThrowsAsync<RequestValidationException>(
            async () => await Host.Send(new ReceiveStock.Command("NO-SUCH-SKU", "NOWHERE", 1), await Host.PrincipalFor("admin@portal.local")));

        Assert.Equal(["SKU NO-SUCH-SKU does not exist."], refused.Errors["Sku"]);
        Assert.Equal(["Location NOWHERE does not exist."], refused.Errors["LocationCode"]);
    }

    [Fact]
    public async Task A_rep_may_not_receive_stock_but_may_see_it()
    {
        var rep = await Host.PrincipalFor("rep@portal.local");
        var before = (await StockOf("ACC-CHARGER-66W"))!;

        await Assert.ThrowsAsync<ForbiddenRequestException>(() => Host.Send(new ReceiveStock.Command("ACC-CHARGER-66W", Station, 5), rep));

        Assert.Equal(before, (await Host.Send(new ListStock.Query("ACC-CHARGER-66W", Station), rep)).Items.Single());
        Assert.NotEmpty(await Host.Send(new ListStockLocations.Query(), rep));
    }

    [Fact]
    public async Task A_courier_may_not_see_stock()
    {
        var courier = await Host.PrincipalFor("courier@portal.local");

        await Assert.ThrowsAsync<ForbiddenRequestException>(() => Host.Send(new ListStock.Query(), courier));
    }

    private async Task AssertNothingReceived(string sku)
    {
        Assert.Null(await StockOf(sku));
        Assert.False(await Host.WithDb(db => db.SerialUnits.AnyAsync(u => u.Sku == sku)));
        Assert.False(await Host.WithDb(db => db.StockMovements.AnyAsync(m => m.Sku == sku)));
    }
}
