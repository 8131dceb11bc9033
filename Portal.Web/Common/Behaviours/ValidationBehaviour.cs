using FluentValidation;
using MediatR;

namespace Portal.Web.Common.Behaviours;

/// <summary>Runs every FluentValidation validator of the request; all failures come back together, per field.</summary>
public sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        List<FluentValidation.Results.ValidationFailure> failures;
        using (Telemetry.PortalMetrics.Activities.StartActivity("validate"))
        {
            failures = TextInput.ControlCharacters(request)
                .Select(field => new FluentValidation.Results.ValidationFailure(field, "Remove the control characters (such as NUL) from this text."))
                .ToList();
            foreach (var validator in validators)
            {
                var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken);
                failures.AddRange(result.Errors);
            }
        }

        if (failures.Count > 0)
        {
            throw new RequestValidationException(failures
                .GroupBy(f => f.PropertyName, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray(), StringComparer.Ordinal));
        }

        return await next();
    }
}

/// <summary>The request's input is invalid; <see cref="Errors"/> maps each field to its messages.</summary>
public sealed class RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("One or more fields are invalid.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static RequestValidationException For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>
/// Control characters (NUL, escape, bidi-less C0/C1 codes) have no business in any text a person or client sends;
/// they break exports, logs and other systems downstream. Line breaks and tabs stay allowed for notes.
/// </summary>
public static class TextInput
{
    public static bool HasControlCharacters(string text) =>
        text.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t'));

    /// <summary>The paths ("Customer.Name", "Lines[0].Sku") of every string in the request that holds a control character.</summary>
    public static IEnumerable<string> ControlCharacters(object? value, string path = "", int depth = 0)
    {
        if (value is null || depth > 6)
        {
            yield break;
        }

        if (value is string text)
        {
            if (HasControlCharacters(text))
            {
                yield return path;
            }

            yield break;
        }

        if (value is System.Collections.IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                foreach (var found in ControlCharacters(item, $"{path}[{i++}]", depth + 1))
                {
                    yield return found;
                }
            }

            yield break;
        }

        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true)
        {
            yield break;
        }

        foreach (var property in type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract")
            {
                continue;
            }

            var name = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            foreach (var found in ControlCharacters(property.GetValue(value), name, depth + 1))
            {
                yield return found;
            }
        }
    }
}
