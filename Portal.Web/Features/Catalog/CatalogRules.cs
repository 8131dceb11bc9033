using System.Text.RegularExpressions;
using FluentValidation;
using Portal.Web.Common.Localization;

namespace Portal.Web.Features.Catalog;

/// <summary>Input rules shared by the catalog and policy commands, so every form words them the same way.</summary>
public static partial class CatalogRules
{
    /// <summary>SKUs are stored upper case; what the admin typed is compared after the same normalisation.</summary>
    public static string NormaliseCode(string? code) => (code ?? string.Empty).Trim().ToUpperInvariant();

    public static bool IsSkuFormat(string? sku) => SkuPattern().IsMatch(NormaliseCode(sku));

    public static bool HasAtMostTwoDecimals(decimal amount) => decimal.Round(amount, 2) == amount;

    /// <summary>A yuan amount of at least zero in whole fen.</summary>
    /// <remarks>Messages are worded when they are shown, in the reader's language.</remarks>
    public static IRuleBuilderOptions<T, decimal> Amount<T>(this IRuleBuilder<T, decimal> rule, ServerText text, string field) => rule
        .GreaterThanOrEqualTo(0).WithMessage(_ => text.Say($"{field} cannot be negative."))
        .Must(HasAtMostTwoDecimals).WithMessage(_ => text.Say($"{field} can have at most 2 decimal places."));

    public static IRuleBuilderOptions<T, decimal?> Amount<T>(this IRuleBuilder<T, decimal?> rule, ServerText text, string field) => rule
        .GreaterThanOrEqualTo(0).WithMessage(_ => text.Say($"{field} cannot be negative."))
        .Must(a => a is null || HasAtMostTwoDecimals(a.Value)).WithMessage(_ => text.Say($"{field} can have at most 2 decimal places."));

    public static IRuleBuilderOptions<T, string?> Text<T>(this IRuleBuilder<T, string?> rule, ServerText text, string field, int maxLength) => rule
        .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => text.Say($"{field} is required."))
        .Must(t => (t ?? string.Empty).Trim().Length <= maxLength).WithMessage(_ => text.Say($"{field} must be at most {maxLength} characters."));

    [GeneratedRegex("^[A-Z0-9-]{3,32}$")]
    private static partial Regex SkuPattern();
}
