using System.Text;
using Microsoft.Extensions.Localization;
using Portal.Domain.Catalog;
using Portal.Domain.Common;
using Portal.Domain.Customers;
using Portal.Domain.Marketing;
using Portal.Domain.Orders;

namespace Portal.Web.Common.Localization;

/// <summary>
/// Says what the server tells people — domain messages, eligibility reasons, validation messages — in the reader's
/// language. English text is the resource key (as everywhere in the UI); values inside a message are worded too:
/// enum values by their names, tier choices joined with "or", nested messages recursively. A message without a
/// translation stays English rather than failing.
/// </summary>
public sealed class ServerText(IStringLocalizer<SharedResource> localizer)
{
    /// <summary>Enum values whose readable name is not simply their words split apart.</summary>
    private static readonly Dictionary<Enum, string> Names = new()
    {
        [OrderFlow.Direct] = "Direct handling",
        [OrderFlow.PreOrderDelivery] = "Pre-order + delivery",
        [PaymentMethod.PosOnDelivery] = "Mobile POS on delivery",
        [Portal.Domain.Payments.PaymentChannel.Pos] = "Bank POS",
        [ContactChannel.Callback] = "Call back",
        [ProductKind.AddOn] = "Add-on",
        [ProductKind.Sim] = "SIM card",
        [PolicyEffectKind.PrestoreCredit] = "Prestore and credit",
        [CustomerTier.FourStarPlus] = "4-star+",
        [CustomerTier.Vip] = "VIP",
    };

    public string Say(DomainException exception) => Say(exception.Template, exception.Arguments);

    public string Say(DomainMessage message) => Say(message.Template, message.Arguments);

    /// <summary>A plain message (a validation message, say), translated when it is a known text.</summary>
    public string Say(string message) => localizer[message];

    public string Say(string template, IReadOnlyList<object?> arguments) =>
        localizer[template, [.. arguments.Select(a => Word(a) ?? string.Empty)]];

    public string Name(Enum value) => localizer[EnglishName(value)];

    /// <summary>The English words for an enum value: "AwaitingPayment" reads "Awaiting payment".</summary>
    public static string EnglishName(Enum value)
    {
        if (Names.TryGetValue(value, out var name))
        {
            return name;
        }

        var words = new StringBuilder();
        foreach (var c in value.ToString())
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(c);
            }
        }

        return words.ToString();
    }

    private object? Word(object? argument) => argument switch
    {
        Enum value => Name(value),
        TierChoice choice => string.Join(localizer[" or "], choice.Tiers.Select(t => Name(t))),
        DomainMessage nested => Say(nested),
        // Field names ("Required tag") are known texts; data (names, SKUs) is not and stays as it is.
        string text when !localizer[text].ResourceNotFound => localizer[text].Value,
        _ => argument,
    };
}
