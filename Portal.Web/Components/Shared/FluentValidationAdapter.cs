using FluentValidation;

namespace Portal.Web.Components.Shared;

/// <summary>
/// Lets a MudForm whose model is itself a validated type check each field as it is edited with that type's
/// FluentValidation validator: <c>&lt;MudTextField For="() => model.Name" Validation="@Adapter.ValidateValue" /&gt;</c>.
/// The server still validates the request in the pipeline; <see cref="FormErrors"/> places its messages.
/// </summary>
public sealed class FluentValidationAdapter<T>(IValidator<T> validator)
{
    public Func<object, string, Task<IEnumerable<string>>> ValidateValue => async (model, propertyName) =>
    {
        var result = await validator.ValidateAsync(ValidationContext<T>.CreateWithOptions((T)model, o => o.IncludeProperties(propertyName)));
        return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage).Distinct();
    };
}
