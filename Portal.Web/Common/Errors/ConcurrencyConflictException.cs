using Portal.Domain.Common;

namespace Portal.Web.Common.Errors;

/// <summary>
/// Someone else changed the record since the user read it: a command's expected version no longer matches, or the
/// database's row version check kept failing. Pages say so in the reader's language and reload; the API answers 409.
/// </summary>
public sealed class ConcurrencyConflictException : DomainException
{
    public const string ErrorCode = "concurrency";

    public const string Generic = "Someone else changed this at the same time. Reload and try again.";

    public ConcurrencyConflictException(DomainMessage message)
        : base(ErrorCode, message)
    {
    }

    public ConcurrencyConflictException(string message, Exception innerException)
        : base(ErrorCode, message, innerException)
    {
    }
}
