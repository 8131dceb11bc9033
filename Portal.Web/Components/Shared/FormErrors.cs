namespace Portal.Web.Components.Shared;

/// <summary>
/// The request validators' messages (the pipeline's FluentValidation result) keyed by field path, for MudBlazor
/// inputs: <c>Error="@errors.Has("Customer.Phone")" ErrorText="@errors.For("Customer.Phone")"</c>. Each message
/// shows at its field once; <see cref="Unplaced"/> lists those no field on the form shows.
/// </summary>
public sealed class FormErrors
{
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();

    public bool Any => errors.Count > 0;

    public IReadOnlyDictionary<string, string[]> All => errors;

    public void Set(IReadOnlyDictionary<string, string[]>? validationErrors) => errors = validationErrors ?? new Dictionary<string, string[]>();

    public void Clear() => errors = new Dictionary<string, string[]>();

    /// <summary>The user changed the field: its old message no longer applies.</summary>
    public void ClearField(string field)
    {
        if (errors.Keys.Any(k => Matches(k, field, prefix: true)))
        {
            errors = errors.Where(e => !Matches(e.Key, field, prefix: true)).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        }
    }

    /// <summary>True when the field (or, with <paramref name="prefix"/>, anything under it such as "Lines[0].Sku") has a message.</summary>
    public bool Has(string field, bool prefix = false)
        => errors.Keys.Any(k => Matches(k, field, prefix));

    public string? For(string field, bool prefix = false)
    {
        var messages = errors.Where(e => Matches(e.Key, field, prefix)).SelectMany(e => e.Value).Distinct().ToList();
        return messages.Count == 0 ? null : string.Join(" ", messages);
    }

    /// <summary>Messages for fields the form does not show (a trailing * means "and everything under it"): shown once, above the form.</summary>
    public IEnumerable<string> Unplaced(IEnumerable<string> fieldsShownOnForm) =>
        errors.Where(e => !fieldsShownOnForm.Any(f => f.EndsWith('*') ? Matches(e.Key, f[..^1], true) : e.Key == f))
            .SelectMany(e => e.Value)
            .Distinct();

    private static bool Matches(string key, string field, bool prefix) =>
        key == field || (prefix && key.StartsWith(field, StringComparison.Ordinal) && key.Length > field.Length && key[field.Length] is '.' or '[');
}
