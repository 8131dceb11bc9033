using Microsoft.EntityFrameworkCore;
using Portal.Domain.Catalog;
using Portal.Domain.Common;
using Portal.Domain.Marketing;
using Portal.Domain.Shared;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.Security;
using Portal.Web.Features.Orders;

namespace Portal.Tests.Features.Orders;

/// <summary>The back office turning an appointment into an order from the order entry screen.</summary>
public sealed class OpportunityConversionTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private const string Phone = "17702020303";
    private const string BackOffice = "backoffice@portal.local";

    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task The_back_office_reads_who_and_what_to_prefill_from_its_claimed_opportunity()
    {
        var number = await RegisterOpportunity(claimedBy: BackOffice);

        var opportunity = await Host.Send(new GetOpportunityForConversion.Query(number.ToLowerInvariant()), await Host.PrincipalFor(BackOffice));

        Assert.Equal((number, Phone, "周杰", "Claimed", true), (opportunity.Number, opportunity.Phone, opportunity.CustomerName, opportunity.Status, opportunity.ClaimedByYou));
        Assert.Equal([new GetOpportunityForConversion.Line("ACC-CASE-CLEAR", 2)], opportunity.Lines);
    }

    [Fact]
    public async Task A_rep_cannot_read_an_opportunity_for_conversion()
    {
        var number = await RegisterOpportunity(claimedBy: BackOffice);
        var rep = await Host.PrincipalFor("rep@portal.local");

        await Assert.ThrowsAsync<ForbiddenRequestException>(() => Host.Send(new GetOpportunityForConversion.Query(number), rep));
    }

    [Fact]
    public async Task Placing_an_order_with_the_opportunity_number_converts_the_opportunity()
    {
        var number = await RegisterOpportunity(claimedBy: BackOffice);

        var order = await Host.Send(PreOrder(number), await Host.PrincipalFor(BackOffice));

        Assert.Equal("AwaitingPayment", order.Status);
        var converted = await Host.WithDb(db => db.Opportunities.AsNoTracking().SingleAsync(o => o.Number == number));
        Assert.Equal(OpportunityStatus.Converted, converted.Status);
        Assert.Equal(order.Number, converted.ConvertedOrderNumber);
        Assert.Equal((await Host.UserIdOf(BackOffice), $"Order {order.Number}"), (converted.Timeline[^1].Actor, converted.Timeline[^1].Reason));
    }

    [Fact]
    public async Task Converting_an_opportunity_someone_else_claimed_is_refused_and_places_no_order()
    {
        var number = await RegisterOpportunity(claimedBy: "colleague@portal.local");
        var ordersBefore = await OrdersFor(Phone);
        var backOffice = await Host.PrincipalFor(BackOffice);

        await Assert.ThrowsAsync<DomainException>(() => Host.Send(PreOrder(number), backOffice));

        Assert.Equal(ordersBefore, await OrdersFor(Phone));
        var opportunity = await Host.WithDb(db => db.Opportunities.AsNoTracking().SingleAsync(o => o.Number == number));
        Assert.Equal((OpportunityStatus.Claimed, null), (opportunity.Status, opportunity.ConvertedOrderNumber));
    }

    private static PlaceOrder.Command PreOrder(string opportunityNumber) => new(
        "PreOrderDelivery",
        new PlaceOrder.CustomerInput("周杰", Phone, Address: new PlaceOrder.AddressInput("广州市", "番禺区", "市桥街繁华路12号")),
        [new PlaceOrder.LineInput("ACC-CASE-CLEAR", 2)],
        "Online",
        new PlaceOrder.DeliveryWindowInput(OrderSlice.Tomorrow, "09:00-12:00"),
        OpportunityNumber: opportunityNumber,
        RequestId: Guid.NewGuid());

    private Task<int> OrdersFor(string phone) => Host.WithDb(db => db.Orders.CountAsync(o => o.Phone == Msisdn.Parse(phone)));

    private async Task<string> RegisterOpportunity(string claimedBy)
    {
        var number = "OPTEST" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await Host.WithDb(async db =>
        {
            var now = DateTime.UtcNow;
            var phone = Msisdn.Parse(Phone);
            var customer = await db.Customers.SingleAsync(c => c.Phone == phone);
            var product = await db.Products.SingleAsync(p => p.Sku == "ACC-CASE-CLEAR");
            string IdOf(string email) => db.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant()).Select(u => u.Id).SingleOrDefault() ?? email;
            var opportunity = Opportunity.Register(
                number, customer.Id, customer.Name, customer.Phone, [new CartItem(product, 2)], now.AddDays(1), ContactChannel.Callback, null, IdOf("rep@portal.local"), now);
            opportunity.Claim(IdOf(claimedBy), now);
            db.Opportunities.Add(opportunity);
            return await db.SaveChangesAsync();
        });
        return number;
    }
}
