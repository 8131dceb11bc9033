using Portal.Tests.Features.Opportunities;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Admin.Users;
using Portal.Web.Features.Opportunities;
using Portal.Web.Features.Orders;

namespace Portal.Tests.Features.Orders;

/// <summary>Who did what is shown by the person's current name: renaming a colleague renames them on every record.</summary>
public sealed class TimelineNamesTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task After_a_rename_the_order_timeline_and_the_opportunity_show_the_new_name_and_keep_the_recorded_actor()
    {
        var admin = await Host.PrincipalFor("admin@portal.local");
        var email = $"renamed-{Guid.NewGuid():N}@example.com";
        var created = await Host.Send(new CreateUser.Command(email, "王小明", ["Rep", "BackOffice"], "Rep-Passw0rd!"), admin);
        var person = await Host.PrincipalFor(email);
        var order = await OrderSlice.PlacePreOrder(Host, person, OrderSlice.NewPhone());
        var opportunity = await OpportunityTestData.Register(Host);
        await Host.Send(new ClaimOpportunity.Command(opportunity), person);
        Assert.All((await Host.Send(new GetOrder.Query(order.Number), person)).Timeline, e => Assert.Equal("王小明", e.ActorName));

        await Host.WithUsers(async users =>
        {
            var user = (await users.FindByIdAsync(created.UserId))!;
            user.DisplayName = "王明";
            await users.UpdateAsync(user);
        });

        var timeline = (await Host.Send(new GetOrder.Query(order.Number), person)).Timeline;
        var claimed = await Host.Send(new GetOpportunity.Query(opportunity), person);
        Assert.All(timeline, e => Assert.Equal(("王明", created.UserId), (e.ActorName, e.Actor)));
        Assert.Equal("王明", claimed.ClaimedByName);
        Assert.Equal("王明", claimed.Timeline[^1].ActorName);
    }

    [Fact]
    public async Task A_person_whose_sign_in_email_changes_keeps_their_appointments_and_the_audit_trail_still_finds_them()
    {
        var admin = await Host.PrincipalFor("admin@portal.local");
        var email = $"moving-{Guid.NewGuid():N}@example.com";
        var created = await Host.Send(new CreateUser.Command(email, "周小雨", ["Rep"], "Rep-Passw0rd!"), admin);
        var appointment = await OrderSlice.PlaceAppointment(Host, await Host.PrincipalFor(email), OrderSlice.NewPhone());
        var renamed = $"moved-{Guid.NewGuid():N}@example.com";

        await Host.WithUsers(async users =>
        {
            var user = (await users.FindByIdAsync(created.UserId))!;
            await users.SetEmailAsync(user, renamed);
            await users.SetUserNameAsync(user, renamed);
        });

        var person = await Host.PrincipalFor(renamed);
        var seen = await Host.Send(new GetOrder.Query(appointment.Number), person);
        Assert.Equal("周小雨", seen.CreatedBy);
        Assert.Contains((await Host.Send(new SearchOrders.Query(TakenByMe: true), person)).Items, r => r.Number == appointment.Number);
        var otherRep = await Host.PrincipalFor("rep@portal.local");
        await Assert.ThrowsAsync<Portal.Web.Common.Security.NotFoundException>(() => Host.Send(new GetOrder.Query(appointment.Number), otherRep));
        var audit = await Host.Send(new Portal.Web.Features.Admin.Audit.AuditTrail.Query(renamed, null, null, null), admin);
        Assert.Contains(audit.Entries, e => e.Subject == appointment.Number && e.User == "周小雨");
    }
}
