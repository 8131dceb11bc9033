using System.Text.Json;
using System.Text.Json.Serialization;
using Portal.Web.Common.Behaviours;

namespace Portal.Web.Api;

/// <summary>
/// Reads request bodies for the API ourselves, so malformed JSON, a wrong type or an unknown field becomes a 400
/// problem naming the field (the framework's binder answers a bare 400 and names nothing).
/// </summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        if (!request.HasJsonContentType())
        {
            throw RequestValidationException.For("body", "Send the request body as application/json.");
        }

        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, Options, cancellationToken)
                ?? throw RequestValidationException.For("body", "The request body must be a JSON object.");
        }
        catch (JsonException ex)
        {
            var field = FieldOf(ex);
            throw RequestValidationException.For(
                field,
                field == "body" ? "The request body is not valid JSON." : "This value has the wrong type, an unknown value or is not a field of this request.");
        }
    }

    /// <summary>"$.lines[0].quantity" → "lines[0].quantity"; for an unknown property the path names it too.</summary>
    private static string FieldOf(JsonException ex)
    {
        var path = (ex.Path ?? "").TrimStart('$').TrimStart('.');
        return path.Length == 0 ? "body" : path;
    }
}

/// <summary>Enums travel as their documented names; numbers are refused (a numeric flow is not a flow).</summary>
public sealed class StrictEnumConverter<T>() : JsonStringEnumConverter<T>(namingPolicy: null, allowIntegerValues: false)
    where T : struct, Enum;
