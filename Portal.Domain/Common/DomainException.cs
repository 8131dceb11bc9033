namespace Portal.Domain.Common;

/// <summary>
/// A business rule was broken. <see cref="Code"/> is stable for clients; the message is for people. An interpolated
/// message also keeps its <see cref="Template"/> and <see cref="Arguments"/>, so the web layer can say it in the
/// reader's language (with enum values by their localized names) without the domain knowing about languages.
/// </summary>
public class DomainException : Exception
{
    public DomainException(string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        Template = DomainMessage.Escape(message);
        Arguments = [];
    }

    public DomainException(string code, DomainMessage message)
        : base(message.Text)
    {
        Code = code;
        Template = message.Template;
        Arguments = message.Arguments;
    }

    public string Code { get; }

    /// <summary>The request field the conflict is about ("name", "idNumber"), when one is; programs read it, people read the message.</summary>
    public string? Field { get; init; }

    /// <summary>The message as a composite format ("Opportunity {0} is {1}"), the English text being the resource key.</summary>
    public string Template { get; }

    public IReadOnlyList<object?> Arguments { get; }
}
