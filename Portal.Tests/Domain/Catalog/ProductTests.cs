using Portal.Domain.Catalog;
using Portal.Domain.Shared;
using static Portal.Tests.Domain.DomainTestData;

namespace Portal.Tests.Domain.Catalog;

public class ProductTests
{
    [Theory]
    [InlineData(ProductKind.Plan, false, false)]
    [InlineData(ProductKind.AddOn, false, false)]
    [InlineData(ProductKind.Handset, true, true)]
    [InlineData(ProductKind.Sim, true, true)]
    [InlineData(ProductKind.Accessory, false, true)]
    public void Knows_which_kinds_are_serial_tracked_and_shipped(ProductKind kind, bool serialTracked, bool shipped)
    {
        var product = new[] { Plan58(), DataPack(), Phone5G(), SimCard(), Case() }.Single(p => p.Kind == kind);
        Assert.Equal(serialTracked, product.IsSerialTracked);
        Assert.Equal(shipped, product.RequiresShipping);
    }

    [Fact]
    public void A_plans_monthly_fee_is_its_price_and_other_kinds_have_none()
    {
        Assert.Equal(Money.Yuan(58), Plan58().MonthlyFee);
        Assert.Null(Phone5G().MonthlyFee);
    }

    [Fact]
    public void Normalises_the_sku_to_upper_case() =>
        Assert.Equal("SIM-NANO", Product.Sim(" sim-nano ", "Nano SIM", Money.Yuan(10)).Sku);

    [Theory]
    [InlineData("AB")]
    [InlineData("SIM_NANO")]
    [InlineData("SIM NANO")]
    [InlineData("A23456789012345678901234567890123")]
    public void Refuses_malformed_skus(string sku) =>
        Throws(() => Product.Accessory(sku, "Case", Money.Yuan(1)), "product.invalid_sku");

    [Fact]
    public void Refuses_a_negative_price()
    {
        Throws(() => Product.Sim("SIM-STD", "SIM", Money.Yuan(-1)), "product.invalid");
        Throws(() => Plan58().ChangePrice(Money.Yuan(-0.01m), Now), "product.invalid");
    }

    [Fact]
    public void Refuses_an_add_on_that_adds_nothing() =>
        Throws(() => Product.AddOn("ADD-0", "Nothing", Money.Yuan(5), 0, 0), "product.invalid");

    [Fact]
    public void Refuses_a_handset_without_brand_or_storage()
    {
        Throws(() => Product.Handset("HS-1", "X", Money.Yuan(1), " ", "X1", "Black", 128), "product.invalid");
        Throws(() => Product.Handset("HS-1", "X", Money.Yuan(1), "Acme", "X1", "Black", 0), "product.invalid");
    }

    [Fact]
    public void Changing_the_price_raises_an_event_with_old_and_new_price()
    {
        var plan = Plan58();
        plan.ChangePrice(Money.Yuan(68), Now);

        Assert.Equal(Money.Yuan(68), plan.Price);
        var changed = Assert.IsType<ProductPriceChanged>(Assert.Single(plan.DomainEvents));
        Assert.Equal((Money.Yuan(58), Money.Yuan(68)), (changed.OldPrice, changed.NewPrice));
    }

    [Fact]
    public void Refuses_to_deactivate_twice_or_activate_an_active_product()
    {
        var product = Case();
        Throws(product.Activate, "product.already_active");
        product.Deactivate();
        Assert.False(product.IsActive);
        Throws(product.Deactivate, "product.already_inactive");
    }
}
