namespace Portal.Web.Common.Security;

/// <summary>
/// Names the roles allowed to send a request; checked on the server by <see cref="Behaviours.AuthorizationBehaviour{TRequest,TResponse}"/>.
/// A request with neither this nor <see cref="AllowAnonymousRequestAttribute"/> is refused, so forgetting it fails closed.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class AuthorizeRequestAttribute(params string[] roles) : Attribute
{
    public IReadOnlyList<string> Roles { get; } = roles;
}

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class AllowAnonymousRequestAttribute : Attribute;
