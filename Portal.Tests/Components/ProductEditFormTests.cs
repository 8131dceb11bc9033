using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Catalog;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Catalog;
using static Portal.Tests.Components.OpportunityActionsTests;

namespace Portal.Tests.Components;

/// <summary>The catalog editor against the real rules: errors appear once, at their field; a good edit is stored.</summary>
public sealed class ProductEditFormTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    private async Task<(PortalComponentContext Context, IRenderedComponent<ProductEditForm> Form, List<string> Saved, string Sku)> Render()
    {
        var admin = await Host.PrincipalFor("admin@portal.local");
        var sku = await Host.Send(new CreateProduct.Command(ProductKind.Accessory, $"ACC-ED-{Guid.NewGuid():N}"[..20].ToUpperInvariant(), "充电线", 29m), admin);
        var row = (await Host.Send(new ListProducts.Search(Text: sku), admin)).Items.Single();
        var context = new PortalComponentContext(Host, admin);
        var saved = new List<string>();
        var form = context.Render<ProductEditForm>(p => p.Add(f => f.Product, row).Add(f => f.Saved, s => saved.Add(s)));
        return (context, form, saved, sku);
    }

    [Fact]
    public async Task An_empty_name_is_refused_with_one_message_at_the_name_field_and_nothing_is_saved()
    {
        var (context, form, saved, sku) = await Render();
        await using var _ = context;

        await Field(form, "product-edit-name").ChangeAsync(new ChangeEventArgs { Value = "" });
        await form.Find("[data-testid=product-edit-submit]").ClickAsync(new MouseEventArgs());

        form.WaitForAssertion(() => Assert.Single(form.FindAll(".mud-input-helper-text.mud-input-error"), e => e.TextContent.Contains("Name is required.")));
        Assert.Empty(form.FindAll("[data-testid=product-edit-error]"));
        Assert.Empty(saved);
        Assert.Equal("充电线", await Host.WithDb(db => db.Products.Where(p => p.Sku == sku).Select(p => p.Name).SingleAsync()));
    }

    [Fact]
    public async Task A_new_name_and_price_are_stored_and_reported()
    {
        var (context, form, saved, sku) = await Render();
        await using var _ = context;

        await Field(form, "product-edit-name").ChangeAsync(new ChangeEventArgs { Value = "快充数据线" });
        await Field(form, "product-edit-price").ChangeAsync(new ChangeEventArgs { Value = "39" });
        await form.Find("[data-testid=product-edit-submit]").ClickAsync(new MouseEventArgs());

        form.WaitForAssertion(() => Assert.Equal([sku], saved));
        var stored = await Host.WithDb(db => db.Products.AsNoTracking().SingleAsync(p => p.Sku == sku));
        Assert.Equal(("快充数据线", 39m), (stored.Name, stored.Price.Amount));
    }
}
