namespace Portal.Web.Features.Admin.Users;

/// <summary>The buttons on a user's row.</summary>
public enum UserAction
{
    Unlock,
    Enable,
    Disable,
    ResetPassword,
    ChangeRoles,
}
