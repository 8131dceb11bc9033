using Portal.Tests.Infrastructure;
using Portal.Web.Features.Orders;

namespace Portal.Tests.Features.Orders;

public sealed class GetOrderTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task An_appointment_shows_when_and_how_the_customer_wants_to_be_contacted_and_no_payment_method()
    {
        var rep = await Host.PrincipalFor("rep@portal.local");
        var appointment = await OrderSlice.PlaceAppointment(Host, rep, OrderSlice.NewPhone(), note: "晚上七点后方便");

        var detail = await Host.Send(new GetOrder.Query(appointment.Number), rep);

        Assert.True(detail.IsAppointment);
        Assert.Null(detail.PaymentMethod);
        var contact = Assert.IsType<GetOrder.AppointmentDetail>(detail.Appointment);
        Assert.Equal(OrderSlice.TomorrowAtTenChinaTime.AddHours(-8), contact.PreferredAtUtc);
        Assert.Equal("StoreVisit", contact.Channel);
        Assert.Equal("晚上七点后方便", contact.Note);
    }

    [Fact]
    public async Task An_order_has_no_appointment_details()
    {
        var rep = await Host.PrincipalFor("rep@portal.local");
        var order = await OrderSlice.PlaceDirect(Host, rep, OrderSlice.NewPhone());

        var detail = await Host.Send(new GetOrder.Query(order.Number), rep);

        Assert.False(detail.IsAppointment);
        Assert.Null(detail.Appointment);
    }
}
