using Bunit;
using Microsoft.AspNetCore.Components;
using Portal.Domain.Customers;
using Portal.Domain.Orders;
using Portal.Web.Components.Shared;
using Portal.Web.Features.Customers;
using Portal.Web.Features.Orders;

namespace Portal.Tests.Components;

/// <summary>The order form's steps: what the rep chooses changes what else is offered, and messages land where the rep looks.</summary>
public sealed class OrderEntryStepsTests : PortalComponentTest
{
    private static readonly FindCustomer.CustomerCard Wang = new(
        "13800138000", "王小明", null, "PLAN-5G-88", 88m, CustomerTier.Standard, [], [new("广州市", "天河区", "体育西路1号")], []);

    [Fact]
    public void Switching_to_direct_handling_drops_a_cash_payment_only_a_delivery_can_take()
    {
        var form = new OrderForm();
        form.ChooseFlow(OrderFlow.PreOrderDelivery);
        form.Payment = PaymentMethod.CashOnDelivery;
        var flow = Render<FlowStep>(p => p.Add(s => s.Form, form).Add(s => s.Errors, new FormErrors()));

        flow.Find("[data-testid=flow-direct]").Click();

        Assert.Equal(OrderFlow.Direct, form.Flow);
        Assert.Null(form.Payment);
        var payment = Render<PaymentStep>(p => p.Add(s => s.Form, form).Add(s => s.Step, 5).Add(s => s.Errors, new FormErrors()));
        Assert.Equal(["payment-BillToAccount", "payment-Online"], payment.FindAll("input[type=radio]").Select(r => r.GetAttribute("data-testid")));
    }

    [Fact]
    public void A_server_message_shows_once_beside_its_field_and_not_again_above_the_form()
    {
        var errors = new FormErrors();
        errors.Set(new Dictionary<string, string[]> { ["Customer.Phone"] = ["Enter an 11-digit mobile number."], ["Policy"] = ["Offer expired."] });

        var step = Render<CustomerStep>(p => p.Add(s => s.Form, new OrderForm()).Add(s => s.Errors, errors));
        var alerts = Render<EntryAlerts>(p => p.Add(a => a.Errors, errors).Add(a => a.FieldsOnForm, CustomerStep.Fields));

        Assert.Single(step.FindAll(".mud-input-helper-text"), e => e.TextContent.Contains("Enter an 11-digit mobile number."));
        Assert.Equal("true", step.Find("#customer-phone").GetAttribute("aria-invalid"));
        Assert.DoesNotContain("Enter an 11-digit mobile number.", alerts.Markup);
        Assert.Contains("Offer expired.", alerts.Find("[data-testid=entry-alert]").TextContent);
        Assert.NotNull(alerts.Find("[data-testid=entry-check-fields]"));
    }

    [Fact]
    public void A_changed_phone_number_drops_the_old_card_and_looks_up_the_new_one_once_complete()
    {
        var form = new OrderForm { Phone = Wang.Phone };
        form.ShowCustomer(Wang.Phone, Wang);
        var lookups = 0;
        var step = Render<CustomerStep>(p => p
            .Add(s => s.Form, form)
            .Add(s => s.Errors, new FormErrors())
            .Add(s => s.OnLookup, EventCallback.Factory.Create(this, () => lookups++)));

        step.Find("#customer-phone").Input("1380013");
        Assert.Null(form.Customer);
        Assert.Equal("", form.City); // the address came from the old card
        Assert.Equal(0, lookups);

        step.Find("#customer-phone").Input("13800138111");
        Assert.Equal(1, lookups);
    }

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
