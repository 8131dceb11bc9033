using System.Runtime.CompilerServices;
using System.Text;

namespace Portal.Domain.Common;

/// <summary>
/// A message written as an ordinary interpolated string (<c>$"Opportunity {Number} is {Status}"</c>) that remembers
/// its composite format and its values. The compiler prefers this handler to <see cref="string"/> for interpolated
/// strings with values, so every existing <c>throw new DomainException(code, $"...")</c> keeps its template for free.
/// </summary>
[InterpolatedStringHandler]
public sealed class DomainMessage
{
    private readonly StringBuilder template;
    private readonly List<object?> arguments;

    public DomainMessage(int literalLength, int formattedCount)
    {
        template = new StringBuilder(literalLength + (formattedCount * 4));
        arguments = new List<object?>(formattedCount);
    }

    public string Template => template.ToString();

    public IReadOnlyList<object?> Arguments => arguments;

    /// <summary>The English text, formatted exactly as the interpolated string would have been.</summary>
    public string Text => string.Format(Template, [.. arguments]);

    /// <summary>A message without values.</summary>
    public static DomainMessage Literal(string text)
    {
        var message = new DomainMessage(text.Length, 0);
        message.AppendLiteral(text);
        return message;
    }

    public override string ToString() => Text;

    /// <summary>Doubles braces so literal text can serve as a composite format.</summary>
    public static string Escape(string text) => text.Replace("{", "{{").Replace("}", "}}");

    public void AppendLiteral(string value) => template.Append(Escape(value));

    public void AppendFormatted<T>(T value) => AppendFormatted(value, 0, null);

    public void AppendFormatted<T>(T value, string? format) => AppendFormatted(value, 0, format);

    public void AppendFormatted<T>(T value, int alignment) => AppendFormatted(value, alignment, null);

    public void AppendFormatted<T>(T value, int alignment, string? format)
    {
        template.Append('{').Append(arguments.Count);
        if (alignment != 0)
        {
            template.Append(',').Append(alignment);
        }

        if (format is not null)
        {
            template.Append(':').Append(format);
        }

        template.Append('}');
        arguments.Add(value);
    }
}
