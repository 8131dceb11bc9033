using Microsoft.EntityFrameworkCore;
using Portal.Domain.Catalog;
using Portal.Domain.Customers;
using Portal.Tests.Infrastructure;
using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Paging;
using Portal.Web.Common.Security;
using Portal.Web.Features.Catalog;

namespace Portal.Tests.Features.Catalog;

public sealed class PolicyMaintenanceTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    private PortalHost Host => fixture.Host;

    private static string NewCode() => $"P-{Guid.NewGuid():N}"[..16].ToUpperInvariant();

    private static CreatePolicy.Command Discount(string code) =>
        new(code, "新机立减", "您好，本月购机立减80元。", PolicyEffectKind.Discount, 80m);

    [Fact]
    public async Task Seeded_policies_say_who_they_are_for_and_what_they_give()
    {
        var rep = await Host.PrincipalFor("rep@portal.local");

        var policies = (await Host.Send(new ListPolicies.Query(Page: new ListRequest(0, ListRequest.MaxPageSize)), rep)).Items;

        var prestore = policies.Single(p => p.Code == "PRESTORE-168-504");
        Assert.Equal("Customers on the ¥96.00 a month plan", prestore.WhoFor);
        Assert.Equal("Prestore ¥168.00, get ¥504.00 credit", prestore.Effect);
        Assert.Equal("VIP customers only", policies.Single(p => p.Code == "VIP-HANDSET-300").WhoFor);
        Assert.Equal("¥300.00 off", policies.Single(p => p.Code == "VIP-HANDSET-300").Effect);
        Assert.Equal(
            "Customers on a plan of at most ¥88.00 a month; Customers tagged data-overuse",
            policies.Single(p => p.Code == "UPGRADE-5G-50").WhoFor);
    }

    [Fact]
    public async Task Admin_creates_a_targeted_prestore_policy_and_reps_see_it_in_words()
    {
        var admin = await Host.PrincipalFor("admin@portal.local");
        var code = NewCode();

        var created = await Host.Send(
            new CreatePolicy.Command(
                code.ToLowerInvariant(), "预存100送300", "预存100元送300元话费。", PolicyEffectKind.PrestoreCredit, 100m, Credit: 300m,
                MinPlanFee: 58m, MaxPlanFee: 128m, AllowedTiers: [CustomerTier.Vip, CustomerTier.FourStarPlus], RequiredTags: ["Old-Handset"],
                ValidFromUtc: new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), ValidToUtc: new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
            admin);

        Assert.Equal(code, created);
        var row = (await Host.Send(new ListPolicies.Query(Text: code), await Host.PrincipalFor("backoffice@portal.local"))).Items.Single(p => p.Code == code);
        Assert.Equal(
            "Customers on a plan of ¥58.00–¥128.00 a month; 4-star+ or VIP customers only; Customers tagged old-handset",
            row.WhoFor);
        Assert.Equal("Prestore ¥100.00, get ¥300.00 credit", row.Effect);
        Assert.True(row.IsActive);
    }

    [Fact]
    public async Task A_policy_for_everyone_says_so()
    {
        var admin = await Host.PrincipalFor("admin@portal.local");
        var code = await Host.Send(Discount(NewCode()), admin);

        var row = (await Host.Send(new ListPolicies.Query(Text: code), admin)).Items.Single(p => p.Code == code);

        Assert.Equal("Every customer", row.WhoFor);
        Assert.Equal("¥80.00 off", row.Effect);
    }

    public static TheoryData<CreatePolicy.Command, string, string> InvalidPolicies => new()
    {
        { Discount("X") , "Code", "Code must be 2–32 characters of A–Z, 0–9, '-' and '_'." },
        { Discount("VIP-HANDSET-300"), "Code", "Policy code VIP-HANDSET-300 already exists." },
        { Discount("BAD-NAME") with { Name = "" }, "Name", "Name is required." },
        { Discount("NO-SCRIPT") with { CallScript = "  " }, "CallScript", "Call script is required." },
        { Discount("LONG-SCRIPT") with { CallScript = new string('话', 2001) }, "CallScript", "Call script must be at most 2000 characters." },
        { Discount("MIN-MAX") with { MinPlanFee = 128m, MaxPlanFee = 96m }, "MinPlanFee", "Minimum plan fee cannot be above the maximum plan fee." },
        { Discount("ZERO-OFF") with { Amount = 0m }, "Amount", "Discount must be greater than zero." },
        { new("NO-CREDIT", "预存", "脚本", PolicyEffectKind.PrestoreCredit, 100m, Credit: 0m), "Credit", "Credit must be greater than zero." },
        { new("NO-PRESTORE", "预存", "脚本", PolicyEffectKind.PrestoreCredit, 0m, Credit: 50m), "Amount", "Prestore must be greater than zero." },
        {
            Discount("BACKWARDS") with { ValidFromUtc = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc), ValidToUtc = new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc) },
            "ValidToUtc", "Valid to must be after valid from."
        },
    };

    [Theory]
    [MemberData(nameof(InvalidPolicies))]
    public async Task Invalid_policy_input_is_refused_per_field_and_writes_nothing(CreatePolicy.Command command, string field, string message)
    {
        var admin = await Host.PrincipalFor("admin@portal.local");
        var before = await Host.WithDb(db => db.Policies.CountAsync());

        var refused = await Assert.ThrowsAsync<RequestValidationException>(() => Host.Send(command, admin));

        Assert.Contains(message, refused.Errors[field]);
        Assert.Equal(before, await Host.WithDb(db => db.Policies.CountAsync()));
    }

    [Fact]
    public async Task A_rep_may_not_create_a_policy()
    {
        var rep = await Host.PrincipalFor("rep@portal.local");
        var code = NewCode();

        await Assert.ThrowsAsync<ForbiddenRequestException>(() => Host.Send(Discount(code), rep));

        Assert.False(await Host.WithDb(db => db.Policies.AnyAsync(p => p.Code == code)));
    }

    [Fact]
    public async Task A_dispatcher_may_not_list_policies()
    {
        var dispatcher = await Host.PrincipalFor("dispatcher@portal.local");

        await Assert.ThrowsAsync<ForbiddenRequestException>(() => Host.Send(new ListPolicies.Query(), dispatcher));
    }

    [Fact]
    public async Task A_deactivated_policy_is_hidden_from_reps_but_listed_for_admins()
    {
        var admin = await Host.PrincipalFor("admin@portal.local");
        var rep = await Host.PrincipalFor("rep@portal.local");
        var code = await Host.Send(Discount(NewCode()), admin);

        await Host.Send(new SetPolicyActive.Command(code, Active: false), admin);

        Assert.DoesNotContain((await Host.Send(new ListPolicies.Query(Text: code), rep)).Items, p => p.Code == code);
        Assert.Contains((await Host.Send(new ListPolicies.Query(IncludeInactive: true, Text: code), admin)).Items, p => p.Code == code && !p.IsActive);
        await Assert.ThrowsAsync<ForbiddenRequestException>(() => Host.Send(new SetPolicyActive.Command(code, Active: true), rep));
    }

    [Fact]
    public async Task Policies_page_by_code_and_sort_by_what_they_give_as_numbers()
    {
        var admin = await Host.PrincipalFor("admin@portal.local");
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        foreach (var (suffix, amount) in new[] { ("A", 128m), ("B", 58m), ("C", 96m) })
        {
            await Host.Send(new CreatePolicy.Command($"PG-{tag}-{suffix}", "分页政策", "话术", PolicyEffectKind.Discount, amount), admin);
        }

        var first = await Host.Send(new ListPolicies.Query(Text: tag, Page: new ListRequest(0, 2)), admin);
        var second = await Host.Send(new ListPolicies.Query(Text: tag.ToLowerInvariant(), Page: new ListRequest(1, 2)), admin);
        var byAmount = await Host.Send(
            new ListPolicies.Query(Text: tag, Page: new ListRequest(SortBy: nameof(ListPolicies.PolicyRow.EffectAmount))), admin);

        Assert.Equal(3, first.Total);
        Assert.Equal([$"PG-{tag}-A", $"PG-{tag}-B", $"PG-{tag}-C"], first.Items.Concat(second.Items).Select(p => p.Code));
        Assert.Equal([58m, 96m, 128m], byAmount.Items.Select(p => p.EffectAmount));
    }
}
