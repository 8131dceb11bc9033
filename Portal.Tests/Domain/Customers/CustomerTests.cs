using Portal.Domain.Common;
using Portal.Domain.Customers;
using Portal.Domain.Shared;
using static Portal.Tests.Domain.DomainTestData;

namespace Portal.Tests.Domain.Customers;

public class CustomerTests
{
    [Fact]
    public void The_first_address_added_is_the_default()
    {
        var customer = Customer.Register(Phone, "张三");
        Assert.Null(customer.DefaultAddress);

        customer.AddAddress(Home);
        customer.AddAddress(Address.Create("广州", "越秀区", "北京路 2 号"));

        Assert.Equal(Home, customer.DefaultAddress);
        Throws(() => customer.AddAddress(Address.Create("广州", "天河区", "体育西路 1 号")), "customer.duplicate_address");
    }

    [Fact]
    public void Requires_a_name_of_at_most_50_characters()
    {
        Throws(() => Customer.Register(Phone, "  "), "customer.invalid");
        Throws(() => Customer.Register(Phone, new string('张', 51)), "customer.invalid");
    }

    [Fact]
    public void Profile_reflects_plan_tier_and_tags()
    {
        var customer = Customer.Register(Phone, "张三", CustomerTier.FourStarPlus);
        customer.ChangePlan("plan-96", Money.Yuan(96));
        customer.AddTag("Contract-Ending");

        var profile = customer.Profile;

        Assert.Equal("PLAN-96", customer.CurrentPlanSku);
        Assert.Equal(Money.Yuan(96), profile.CurrentPlanFee);
        Assert.Equal(CustomerTier.FourStarPlus, profile.Tier);
        Assert.Equal(["contract-ending"], profile.Tags);
    }

    [Fact]
    public void Tags_are_lower_case_unique_and_removable_only_when_present()
    {
        var customer = Customer.Register(Phone, "张三");
        customer.AddTag("vip-care");

        Throws(() => customer.AddTag("VIP-Care"), "customer.duplicate_tag");
        Throws(() => customer.AddTag("vip care"), "customer.invalid_tag");
        customer.RemoveTag("VIP-CARE");
        Throws(() => customer.RemoveTag("vip-care"), "customer.unknown_tag");
    }

    [Fact]
    public void A_recorded_id_number_cannot_be_replaced_by_another()
    {
        var customer = Customer.Register(Phone, "张三");
        customer.RecordIdNumber(ResidentId.Parse("11010519491231002X"));
        customer.RecordIdNumber(ResidentId.Parse("11010519491231002x"));

        Throws(() => customer.RecordIdNumber(ResidentId.Parse("440106199003071231")), "customer.id_number_mismatch");
        Assert.Equal("11010519491231002X", customer.IdNumber!.Value);
    }

    [Fact]
    public void The_caller_must_give_the_registered_name_and_id_and_the_refusal_names_only_the_field()
    {
        var customer = Customer.Register(Phone, "Li  Ming");
        customer.ConfirmIdentity(" li ming ", ResidentId.Parse("11010519491231002X"));

        var name = Assert.Throws<DomainException>(() => customer.ConfirmIdentity("Wang Wu", null));
        var id = Assert.Throws<DomainException>(() => customer.ConfirmIdentity("Li Ming", ResidentId.Parse("440106199003071231")));

        Assert.Equal(("customer.name_mismatch", "name"), (name.Code, name.Field));
        Assert.Equal(("customer.id_number_mismatch", "idNumber"), (id.Code, id.Field));
        Assert.DoesNotContain("Ming", name.Message);
        Assert.DoesNotContain(customer.IdNumber!.Masked, id.Message);
    }
}
