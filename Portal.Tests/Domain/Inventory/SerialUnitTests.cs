using Portal.Domain.Catalog;
using Portal.Domain.Inventory;
using Portal.Domain.Shared;
using static Portal.Tests.Domain.DomainTestData;

namespace Portal.Tests.Domain.Inventory;

public class SerialUnitTests
{
    [Theory]
    [InlineData(ValidImei, null)]
    [InlineData("490154203237519", "IMEI check digit is wrong")]
    [InlineData("49015420323751", "IMEI must be 15 digits")]
    [InlineData("49015420323751A", "IMEI must be 15 digits")]
    public void Checks_handset_imeis(string serial, string? problem) =>
        Assert.Equal(problem, SerialNumbers.Problem(ProductKind.Handset, serial));

    [Theory]
    [InlineData(ValidIccid, null)]
    [InlineData("89860012345678901234", null)]
    [InlineData("898600123456789012", "ICCID must be 19–20 digits starting with 89")]
    [InlineData("8886001234567890123", "ICCID must be 19–20 digits starting with 89")]
    public void Checks_sim_iccids(string serial, string? problem) =>
        Assert.Equal(problem, SerialNumbers.Problem(ProductKind.Sim, serial));

    [Fact]
    public void Refuses_to_register_a_serial_for_an_untracked_product() =>
        Throws(() => SerialUnit.Register(Case(), ValidImei, 1), "serial.invalid");

    [Fact]
    public void An_imei_is_not_accepted_as_an_iccid() =>
        Throws(() => SerialUnit.Register(SimCard(), ValidImei, 1), "serial.invalid");

    [Fact]
    public void A_unit_is_reserved_for_one_order_and_sold_on_it()
    {
        var unit = SerialUnit.Register(Phone5G(), ValidImei, 1);
        unit.Reserve("SO000000000001");

        Throws(() => unit.Reserve("SO000000000002"), "serial.invalid_transition");
        unit.MarkSold();

        Assert.Equal(SerialUnitStatus.Sold, unit.Status);
        Assert.Equal("SO000000000001", unit.ReservedForOrder);
    }

    [Fact]
    public void Only_a_reserved_unit_can_be_released_or_sold()
    {
        var unit = SerialUnit.Register(SimCard(), ValidIccid, 1);
        Throws(unit.Release, "serial.invalid_transition");
        Throws(unit.MarkSold, "serial.invalid_transition");

        unit.Reserve("SO000000000001");
        unit.Release();
        Assert.Equal((SerialUnitStatus.Available, (string?)null), (unit.Status, unit.ReservedForOrder));
    }

    [Fact]
    public void A_returned_unit_must_be_restocked_before_it_is_sold_again()
    {
        var unit = SerialUnit.Register(Phone5G(), ValidImei, 1);
        unit.Reserve("SO000000000001");
        unit.MarkSold();
        unit.MarkReturned();

        Throws(() => unit.Reserve("SO000000000002"), "serial.invalid_transition");
        unit.Restock(2);
        unit.Reserve("SO000000000002");
        Assert.Equal(2, unit.LocationId);
    }

    [Fact]
    public void Luhn_recognises_card_like_numbers()
    {
        Assert.True(Luhn.IsValid("4111111111111111"));
        Assert.False(Luhn.IsValid("4111111111111112"));
        Assert.False(Luhn.IsValid("4111-1111"));
    }
}
