using System.Text.RegularExpressions;
using FluentValidation;

namespace Portal.Web.Features.Catalog;

/// <summary>Input rules shared by the catalog and policy commands, so every form words them the same way.</summary>
public static partial class CatalogRules
{
    /// <summary>SKUs are stored upper case; what the admin typed is compared after the same normalisation.</summary>
    public static string NormaliseCode(string? code) => (code ?? string.Empty).Trim().ToUpperInvariant();

    public static bool IsSkuFormat(string? sku) => SkuPattern().IsMatch(NormaliseCode(sku));

    public static bool HasAtMostTwoDecimals(decimal amount) => decimal.Round(amount, 2) == amount;

    /// <summary>A yuan amount of at least zero in whole fen.</summary>
    public static IRuleBuilderOptions<T, decimal> Amount<T>(this IRuleBuilder<T, decimal> rule, string field) => rule
        .GreaterThanOrEqualTo(0).WithMessage($"{field} cannot be negative.")
        .Must(HasAtMostTwoDecimals).WithMessage($"{field} can have at most 2 decimal places.");

    public static IRuleBuilderOptions<T, decimal?> Amount<T>(this IRuleBuilder<T, decimal?> rule, string field) => rule
        .GreaterThanOrEqualTo(0).WithMessage($"{field} cannot be negative.")
        .Must(a => a is null || HasAtMostTwoDecimals(a.Value)).WithMessage($"{field} can have at most 2 decimal places.");

    public static IRuleBuilderOptions<T, string?> Text<T>(this IRuleBuilder<T, string?> rule, string field, int maxLength) => rule
        .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage($"{field} is required.")
        .Must(t => (t ?? string.Empty).Trim().Length <= maxLength).WithMessage($"{field} must be at most {maxLength} characters.");

    [GeneratedRegex("^[A-Z0-9-]{3,32}$")]
    private static partial Regex SkuPattern();
}
