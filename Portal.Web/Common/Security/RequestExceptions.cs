namespace Portal.Web.Common.Security;

/// <summary>The request needs a signed-in user (API: 401).</summary>
public sealed class UnauthenticatedRequestException() : Exception("Sign-in required.");

/// <summary>The signed-in user lacks the role the request names (API: 403).</summary>
public sealed class ForbiddenRequestException(string requestName) : Exception($"You are not allowed to perform {requestName}.");

/// <summary>The thing asked for does not exist or is not the caller's to see (API: 404).</summary>
public sealed class NotFoundException(string what) : Exception($"{what} was not found.");
