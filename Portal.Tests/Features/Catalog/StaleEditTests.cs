using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Catalog;
using Portal.Tests.Components;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.Errors;
using Portal.Web.Features.Admin.Users;
using Portal.Web.Features.Catalog;
using Portal.Web.Features.KeyMoments;
using static Portal.Tests.Components.OpportunityActionsTests;

namespace Portal.Tests.Features.Catalog;

/// <summary>Two administrators edit the same thing: the second save is told someone else changed it, never overrides it.</summary>
public sealed class StaleEditTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task A_product_saved_by_a_colleague_since_it_was_shown_is_refused_as_a_conflict_and_keeps_their_price()
    {
        var admin = await Host.PrincipalFor("admin@portal.local");
        var sku = await Host.Send(new CreateProduct.Command(ProductKind.Accessory, $"STALE-{Guid.NewGuid():N}"[..18].ToUpperInvariant(), "Cable", 10m), admin);
        await Host.Send(new UpdateProduct.Command(sku, "Cable", 12m, "Cable", 10m), admin);

        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Host.Send(new UpdateProduct.Command(sku, "Cable", 15m, "Cable", 10m), admin));

        Assert.Contains("changed by someone else", stale.Message);
        Assert.Equal(12m, (await Host.WithDb(db => db.Products.AsNoTracking().SingleAsync(p => p.Sku == sku))).Price.Amount);
    }

    [Fact]
    public async Task The_product_form_shows_the_conflict_and_the_stored_values_instead_of_failing()
    {
        var admin = await Host.PrincipalFor("admin@portal.local");
        var sku = await Host.Send(new CreateProduct.Command(ProductKind.Accessory, $"FORM-{Guid.NewGuid():N}"[..18].ToUpperInvariant(), "Charger", 30m), admin);
        await using var context = new PortalComponentContext(Host, admin);
        var saved = 0;
        var form = context.Render<ProductEditForm>(p => p
            .Add(f => f.Product, new ListProducts.ProductRow(sku, "Charger", ProductKind.Accessory, 30m, null, true))
            .Add(f => f.Saved, _ => saved++));
        await Host.Send(new UpdateProduct.Command(sku, "Fast charger", 35m), admin); // a colleague saves first

        await Field(form, "product-edit-price").ChangeAsync(new ChangeEventArgs { Value = "32" });
        await form.Find("[data-testid=product-edit-submit]").ClickAsync(new MouseEventArgs());

        form.WaitForAssertion(() => Assert.Contains("changed by someone else", form.Find("[data-testid=product-edit-error]").TextContent));
        Assert.Equal("Fast charger", Field(form, "product-edit-name").GetAttribute("value"));
        Assert.Equal(0, saved);
        Assert.Equal(35m, (await Host.WithDb(db => db.Products.AsNoTracking().SingleAsync(p => p.Sku == sku))).Price.Amount);
    }

    [Fact]
    public async Task A_key_moment_rule_saved_by_a_colleague_since_it_was_opened_is_refused_as_a_conflict()
    {
        var admin = await Host.PrincipalFor("admin@portal.local");
        var rule = (await Host.Send(new ListKeyMomentRules.Query(), admin))[0];
        UpdateKeyMomentRule.Command Save(int priority) => new(
            rule.Code, rule.NameEn, rule.NameZh, rule.ScriptEn, rule.ScriptZh, rule.Threshold, rule.BeforeDay, priority, rule.OfferCodes, rule.Tiers, rule.IsActive, rule.Version);
        await Host.Send(Save(rule.Priority == 9 ? 8 : 9), admin);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Host.Send(Save(1), admin));

        Assert.NotEqual(1, (await Host.Send(new ListKeyMomentRules.Query(), admin)).Single(r => r.Code == rule.Code).Priority);
    }

    [Fact]
    public async Task Roles_changed_by_another_administrator_since_they_were_shown_are_not_overridden()
    {
        var admin = await Host.PrincipalFor("admin@portal.local");
        var user = await Host.Send(new CreateUser.Command($"roles-{Guid.NewGuid():N}@example.com", "两头改", ["Rep"], "Rep-Passw0rd!"), admin);
        await Host.Send(new ChangeUserRoles.Command(user.UserId, ["Rep", "BackOffice"], ["Rep"]), admin);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Host.Send(new ChangeUserRoles.Command(user.UserId, ["Courier"], ["Rep"]), admin));

        Assert.Equal(["BackOffice", "Rep"], (await Host.Send(new ListUsers.Query(user.Email), admin)).Items.Single().Roles);
    }
}
