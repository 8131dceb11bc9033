using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Web;

namespace Portal.Tests.Components;

/// <summary>Every string the UI shows is in both languages, so a Chinese user never meets an English leftover.</summary>
public sealed partial class LocalizationTests
{
    private static readonly string WebFolder = Path.Combine(RepositoryRoot(), "Portal.Web");

    [Fact]
    public void Every_ui_string_used_in_pages_has_a_simplified_chinese_translation()
    {
        var chinese = Keys(Path.Combine(WebFolder, "Resources", "SharedResource.zh-CN.resx"));
        var used = Directory.EnumerateFiles(WebFolder, "*.razor", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => LocalizerKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();

        var untranslated = used.Except(chinese).ToList();

        Assert.NotEmpty(used);
        Assert.Empty(untranslated);
    }

    [Fact]
    public void English_and_chinese_resources_have_the_same_keys()
    {
        var english = Keys(Path.Combine(WebFolder, "Resources", "SharedResource.resx"));
        var chinese = Keys(Path.Combine(WebFolder, "Resources", "SharedResource.zh-CN.resx"));

        Assert.Empty(english.Except(chinese));
        Assert.Empty(chinese.Except(english));
    }

    /// <summary>Statuses, kinds and tiers appear inside server messages; each has a Chinese name.</summary>
    [Theory]
    [InlineData(typeof(Portal.Domain.Marketing.OpportunityStatus))]
    [InlineData(typeof(Portal.Domain.Marketing.ContactChannel))]
    [InlineData(typeof(Portal.Domain.Marketing.ContactOutcome))]
    [InlineData(typeof(Portal.Domain.Catalog.ProductKind))]
    [InlineData(typeof(Portal.Domain.Catalog.PolicyEffectKind))]
    [InlineData(typeof(Portal.Domain.Customers.CustomerTier))]
    [InlineData(typeof(Portal.Domain.Orders.OrderFlow))]
    [InlineData(typeof(Portal.Domain.Orders.OrderStatus))]
    [InlineData(typeof(Portal.Domain.Orders.PaymentMethod))]
    [InlineData(typeof(Portal.Domain.Orders.PaymentStatus))]
    [InlineData(typeof(Portal.Domain.Payments.PaymentChannel))]
    [InlineData(typeof(Portal.Domain.Payments.PaymentAttemptStatus))]
    [InlineData(typeof(Portal.Domain.Payments.RefundStatus))]
    [InlineData(typeof(Portal.Domain.Inventory.StockLocationKind))]
    [InlineData(typeof(Portal.Domain.Inventory.SerialUnitStatus))]
    [InlineData(typeof(Portal.Domain.Inventory.StockMovementKind))]
    [InlineData(typeof(Portal.Domain.KeyMoments.OfferOutcomeKind))]
    [InlineData(typeof(Portal.Domain.KeyMoments.RepTaskStatus))]
    [InlineData(typeof(Portal.Domain.KeyMoments.KeyMomentKind))]
    public void Every_value_of_a_domain_enum_has_a_chinese_name(Type enumType)
    {
        var chinese = Keys(Path.Combine(WebFolder, "Resources", "SharedResource.zh-CN.resx"));

        var unnamed = Enum.GetValues(enumType).Cast<Enum>()
            .Select(Portal.Web.Common.Localization.ServerText.EnglishName)
            .Where(name => !chinese.Contains(name))
            .ToList();

        Assert.Empty(unnamed);
    }

    [Fact]
    public void Compiled_chinese_resources_are_served_for_zh_CN()
    {
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        var localizer = factory.Create(typeof(SharedResource));
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
            Assert.Equal("流动营业厅", localizer["Mobile Storefront"].Value);
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            Assert.Equal("Mobile Storefront", localizer["Mobile Storefront"].Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static HashSet<string> Keys(string resx) =>
        XDocument.Load(resx).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Portal.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Portal.sln not found above the test folder.");
    }

    [GeneratedRegex("""\bL\["((?:[^"\\]|\\.)+)"[\],]""")]
    private static partial Regex LocalizerKey();
}
