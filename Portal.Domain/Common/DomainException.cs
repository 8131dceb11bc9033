namespace Portal.Domain.Common;

/// <summary>A business rule was broken. <see cref="Code"/> is stable for clients; the message is for people.</summary>
public class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
