using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Catalog;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;
using Portal.Web.Features.Catalog;

namespace Portal.Tests.Features.Catalog;

public sealed class ProductMaintenanceTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    private static string NewSku(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20].ToUpperInvariant();

    private async Task<string> AsAdmin(CreateProduct.Command command) =>
        await Host.Send(command, await Host.PrincipalFor("admin@portal.local"));

    private Task<Product?> Stored(string sku) => Host.WithDb(db => db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Sku == sku));

    [Fact]
    public async Task Admin_creates_a_plan_with_its_monthly_fee_and_allowances()
    {
        var sku = NewSku("plan");

        var created = await AsAdmin(new CreateProduct.Command(ProductKind.Plan, sku.ToLowerInvariant(), "5G 测试套餐 66元", 66m, DataGb: 40, VoiceMinutes: 300));

        Assert.Equal(sku, created);
        var plan = await Stored(sku);
        Assert.NotNull(plan);
        Assert.Equal((ProductKind.Plan, 66m, 40m, 300, true), (plan.Kind, plan.Price.Amount, plan.DataGb!.Value, plan.VoiceMinutes!.Value, plan.IsActive));
    }

    [Fact]
    public async Task Admin_creates_an_add_on_a_handset_a_sim_and_an_accessory()
    {
        var addOn = await AsAdmin(new CreateProduct.Command(ProductKind.AddOn, NewSku("ADD"), "5GB 加油包", 15m, DataGb: 5, VoiceMinutes: 0));
        var handset = await AsAdmin(new CreateProduct.Command(
            ProductKind.Handset, NewSku("HS"), "测试手机", 1999.99m, Brand: "荣耀", Model: "X60", Colour: "黑色", StorageGb: 256));
        var sim = await AsAdmin(new CreateProduct.Command(ProductKind.Sim, NewSku("SIM"), "eSIM 卡", 0m));
        var accessory = await AsAdmin(new CreateProduct.Command(ProductKind.Accessory, NewSku("ACC"), "耳机", 129.5m));

        Assert.Equal(ProductKind.AddOn, (await Stored(addOn))!.Kind);
        var phone = (await Stored(handset))!;
        Assert.Equal(("荣耀", "X60", "黑色", 256, 1999.99m), (phone.Brand, phone.Model, phone.Colour, phone.StorageGb!.Value, phone.Price.Amount));
        Assert.Equal(ProductKind.Sim, (await Stored(sim))!.Kind);
        Assert.Equal(129.5m, (await Stored(accessory))!.Price.Amount);
    }

    public static TheoryData<CreateProduct.Command, string, string> InvalidProducts => new()
    {
        { new(ProductKind.Accessory, "ab", "Cable", 10m), "Sku", "SKU must be 3–32 characters of A–Z, 0–9 and '-'." },
        { new(ProductKind.Accessory, "ACC_CABLE", "Cable", 10m), "Sku", "SKU must be 3–32 characters of A–Z, 0–9 and '-'." },
        { new(ProductKind.Accessory, "ACC-CASE-CLEAR", "Case", 10m), "Sku", "SKU ACC-CASE-CLEAR already exists." },
        { new(ProductKind.Accessory, "ACC-BAD-PRICE", "Cable", -1m), "Price", "Price cannot be negative." },
        { new(ProductKind.Accessory, "ACC-BAD-FEN", "Cable", 9.999m), "Price", "Price can have at most 2 decimal places." },
        { new(ProductKind.Plan, "PLAN-BAD-FEE", "Plan", -5m, 1, 1), "Price", "Monthly fee cannot be negative." },
        { new(ProductKind.Accessory, "ACC-NO-NAME", " ", 10m), "Name", "Name is required." },
        { new(ProductKind.Accessory, "ACC-LONG-NAME", new string('x', 101), 10m), "Name", "Name must be at most 100 characters." },
        { new(ProductKind.Handset, "HS-NO-BRAND", "Phone", 999m, Model: "X", Colour: "Red", StorageGb: 128), "Brand", "Brand is required." },
        { new(ProductKind.Handset, "HS-NO-STORAGE", "Phone", 999m, Brand: "B", Model: "X", Colour: "Red", StorageGb: 0), "StorageGb", "Storage (GB) must be greater than zero." },
        { new(ProductKind.AddOn, "ADD-EMPTY", "Nothing", 5m, 0, 0), "DataGb", "An add-on must add data or voice minutes." },
        { new(ProductKind.Plan, "PLAN-NO-DATA", "Plan", 5m, VoiceMinutes: 1), "DataGb", "Data (GB) is required; enter 0 for none." },
    };

    [Theory]
    [MemberData(nameof(InvalidProducts))]
    public async Task Invalid_product_input_is_refused_per_field_and_writes_nothing(CreateProduct.Command command, string field, string message)
    {
        var before = await Host.WithDb(db => db.Products.CountAsync());

        var refused = await Assert.ThrowsAsync<RequestValidationException>(() => AsAdmin(command));

        Assert.Contains(message, refused.Errors[field]);
        Assert.Equal(before, await Host.WithDb(db => db.Products.CountAsync()));
    }

    [Fact]
    public async Task A_rep_may_not_create_products()
    {
        var sku = NewSku("ACC");
        var rep = await Host.PrincipalFor("rep@portal.local");

        await Assert.ThrowsAsync<ForbiddenRequestException>(() => Host.Send(new CreateProduct.Command(ProductKind.Accessory, sku, "Cable", 10m), rep));

        Assert.Null(await Stored(sku));
    }

    [Fact]
    public async Task Admin_renames_and_reprices_a_product()
    {
        var sku = await AsAdmin(new CreateProduct.Command(ProductKind.Accessory, NewSku("ACC"), "Cable", 10m));
        var admin = await Host.PrincipalFor("admin@portal.local");

        await Host.Send(new UpdateProduct.Command(sku, "USB-C Cable", 12.5m), admin);

        var product = (await Stored(sku))!;
        Assert.Equal(("USB-C Cable", 12.5m), (product.Name, product.Price.Amount));
    }

    [Fact]
    public async Task Repricing_with_three_decimals_is_refused_and_the_price_stays()
    {
        var sku = await AsAdmin(new CreateProduct.Command(ProductKind.Accessory, NewSku("ACC"), "Cable", 10m));
        var admin = await Host.PrincipalFor("admin@portal.local");

        var refused = await Assert.ThrowsAsync<RequestValidationException>(() => Host.Send(new UpdateProduct.Command(sku, "Cable", 10.005m), admin));

        Assert.Equal(["Price can have at most 2 decimal places."], refused.Errors["Price"]);
        Assert.Equal(10m, (await Stored(sku))!.Price.Amount);
    }

    [Fact]
    public async Task A_deactivated_product_disappears_from_the_catalog_and_the_api_until_reactivated()
    {
        var sku = await AsAdmin(new CreateProduct.Command(ProductKind.Accessory, NewSku("ACC"), "Cable", 10m));
        var admin = await Host.PrincipalFor("admin@portal.local");
        var rep = await Host.PrincipalFor("rep@portal.local");
        using var api = Host.CreateApiClient();
        Assert.Contains(await Host.Send(new ListProducts.Query(), rep), p => p.Sku == sku);

        await Host.Send(new SetProductActive.Command(sku, Active: false), admin);

        Assert.DoesNotContain(await Host.Send(new ListProducts.Query(), rep), p => p.Sku == sku);
        var fromApi = await api.GetFromJsonAsync<List<ApiProduct>>("/api/v1/catalog/products");
        Assert.NotNull(fromApi);
        Assert.NotEmpty(fromApi);
        Assert.DoesNotContain(fromApi, p => p.Sku == sku);
        Assert.Contains(await Host.Send(new ListProducts.Query(IncludeInactive: true), admin), p => p.Sku == sku && !p.IsActive);

        await Host.Send(new SetProductActive.Command(sku, Active: true), admin);

        Assert.Contains(await api.GetFromJsonAsync<List<ApiProduct>>("/api/v1/catalog/products") ?? [], p => p.Sku == sku);
    }

    [Fact]
    public async Task Deactivating_an_inactive_product_is_refused()
    {
        var sku = await AsAdmin(new CreateProduct.Command(ProductKind.Accessory, NewSku("ACC"), "Cable", 10m));
        var admin = await Host.PrincipalFor("admin@portal.local");
        await Host.Send(new SetProductActive.Command(sku, Active: false), admin);

        var refused = await Assert.ThrowsAsync<Portal.Domain.Common.DomainException>(() => Host.Send(new SetProductActive.Command(sku, Active: false), admin));

        Assert.Equal("product.already_inactive", refused.Code);
    }

    [Fact]
    public async Task A_rep_may_not_deactivate_a_product()
    {
        var rep = await Host.PrincipalFor("rep@portal.local");

        await Assert.ThrowsAsync<ForbiddenRequestException>(() => Host.Send(new SetProductActive.Command("ACC-CHARGER-66W", Active: false), rep));

        Assert.True((await Stored("ACC-CHARGER-66W"))!.IsActive);
    }

    private sealed record ApiProduct(string Sku, string Name, string Kind, decimal Price, int Available);
}
