using Bunit;
using Portal.Domain.Orders;
using Portal.Web.Components.Shared;
using Portal.Web.Features.Orders;

namespace Portal.Tests.Components;

public sealed class OrderEntryStepsTests : PortalComponentTest
{
    [Fact]
    public void Preferred_time_typed_in_the_browser_becomes_the_forms_china_time()
    {
        var form = new OrderForm();
        form.ChooseFlow(OrderFlow.Appointment);
        var cut = Render<AppointmentStep>(p => p.Add(s => s.Form, form).Add(s => s.Errors, new FormErrors()));

        cut.Find("#preferred-at").Input("2026-12-02T10:00:00"); // Chromium reports seconds

        Assert.Equal(new DateTime(2026, 12, 2, 10, 0, 0), form.PreferredAt);
    }
}
