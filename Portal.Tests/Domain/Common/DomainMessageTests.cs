using Portal.Domain.Common;
using Portal.Domain.Marketing;

namespace Portal.Tests.Domain.Common;

public sealed class DomainMessageTests
{
    [Fact]
    public void An_interpolated_refusal_keeps_its_template_and_values_beside_the_english_text()
    {
        var when = new DateTime(2026, 11, 30, 9, 5, 0, DateTimeKind.Utc);

        var refused = new DomainException("x.code", $"Opportunity {"OP1"} is {OpportunityStatus.Lost} since {when:yyyy-MM-dd HH:mm} {{sic}}");

        Assert.Equal("Opportunity OP1 is Lost since 2026-11-30 09:05 {sic}", refused.Message);
        Assert.Equal("Opportunity {0} is {1} since {2:yyyy-MM-dd HH:mm} {{sic}}", refused.Template);
        Assert.Equal(["OP1", OpportunityStatus.Lost, when], refused.Arguments);
    }

    [Fact]
    public void A_plain_refusal_is_its_own_template_with_braces_escaped()
    {
        var refused = new DomainException("x.code", "Use {braces} literally");

        Assert.Equal("Use {{braces}} literally", refused.Template);
        Assert.Empty(refused.Arguments);
    }
}
