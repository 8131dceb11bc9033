using Microsoft.Playwright;

namespace Portal.E2E.Pages;

/// <summary>The static server-rendered sign-in form at /Account/Login.</summary>
public sealed class LoginPage(IPage page)
{
    public const string Path = "Account/Login";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator Email => page.GetByLabel("Email", new() { Exact = true });
    public ILocator Password => page.GetByLabel("Password", new() { Exact = true });
    public ILocator SignInButton => page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true });
    public ILocator Error => page.GetByTestId("login-error");
    public ILocator LanguageSwitch => page.GetByTestId("language-switch");

    public async Task<LoginPage> GotoAsync()
    {
        await page.GotoAsync(Path);
        return this;
    }

    public async Task SubmitAsync(string email, string password, bool goToForm = false)
    {
        if (goToForm) await GotoAsync();
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await SignInButton.ClickAsync();
    }

    /// <summary>Signs in and waits until the role's start page is interactive.</summary>
    public async Task<PortalShell> SignInAsync(DemoUser user)
    {
        await GotoAsync();
        await SubmitAsync(user.Email, DemoUsers.Password);
        var shell = new PortalShell(page);
        await Assertions.Expect(page).ToHaveURLAsync(PortalShell.UrlFor(user.Href));
        await shell.WaitForInteractiveAsync();
        return shell;
    }

    /// <summary>True when the browser is on the sign-in page (any query string, e.g. ReturnUrl).</summary>
    public static System.Text.RegularExpressions.Regex Url { get; } =
        new(@"/Account/Login(\?.*)?$", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
}
