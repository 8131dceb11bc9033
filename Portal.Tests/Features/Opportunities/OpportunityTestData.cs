using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Catalog;
using Portal.Domain.Marketing;
using Portal.Infrastructure.Identity;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Opportunities;

/// <summary>Opportunities registered straight through the domain (the rep's order entry is another slice).</summary>
internal static class OpportunityTestData
{
    public const string BackOffice = "backoffice@portal.local";
    public const string Rep = "rep@portal.local";

    /// <summary>Registers an opportunity for a demo customer as if a rep had done so <paramref name="age"/> ago.</summary>
    public static Task<string> Register(PortalHost host, TimeSpan? age = null, string registeredBy = Rep, string? customerName = null) =>
        host.WithDb(async db =>
        {
            var number = "OP" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
            var registeredAt = DateTime.UtcNow - (age ?? TimeSpan.Zero);
            var customer = await db.Customers.OrderBy(c => c.Id).FirstAsync();
            var handset = await db.Products.OrderBy(p => p.Sku).FirstAsync(p => p.Kind == ProductKind.Handset);
            var by = await db.Users.Where(u => u.NormalizedEmail == registeredBy.ToUpperInvariant()).Select(u => u.Id).FirstOrDefaultAsync() ?? registeredBy;
            db.Opportunities.Add(Opportunity.Register(
                number,
                customer.Id,
                customerName ?? customer.Name,
                customer.Phone,
                [new CartItem(handset, 2)],
                registeredAt.AddDays(1),
                ContactChannel.Callback,
                "Wants to decide at the weekend",
                by,
                registeredAt));
            await db.SaveChangesAsync();
            return number;
        });

    /// <summary>Changes an opportunity through the domain, e.g. to convert it as the order entry would.</summary>
    public static Task Change(PortalHost host, string number, Action<Opportunity> change) =>
        host.WithDb(async db =>
        {
            change(await db.Opportunities.SingleAsync(o => o.Number == number));
            return await db.SaveChangesAsync();
        });

    public static Task<Opportunity> Load(PortalHost host, string number) =>
        host.WithDb(db => db.Opportunities.AsNoTracking().AsSplitQuery().SingleAsync(o => o.Number == number));

    /// <summary>A further back-office user, so two people can compete for the same opportunity.</summary>
    public static async Task<(string Email, ClaimsPrincipal Principal)> NewBackOfficeUser(PortalHost host)
    {
        var email = $"backoffice-{Guid.NewGuid():N}@portal.local";
        await host.WithUsers(async users =>
        {
            var user = new PortalUser { UserName = email, Email = email, DisplayName = email, EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, "Demo!2345")).Succeeded);
            await users.AddToRoleAsync(user, Roles.BackOffice);
        });
        return (email, await host.PrincipalFor(email));
    }
}
