using Portal.E2E.Infrastructure;
using Portal.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests.Account;

public sealed class SignInTests(PortalAppFixture app, ITestOutputHelper output) : PortalTest(app, output)
{
    [Fact]
    public Task Anonymous_visit_to_the_rep_workspace_lands_on_the_sign_in_page() => RunAsync(async () =>
    {
        await Page.GotoAsync(DemoUsers.Rep.Href);

        var login = new LoginPage(Page);
        await Expect(Page).ToHaveURLAsync(LoginPage.Url);
        await Expect(login.Heading).ToHaveTextAsync("Sign in");
        await Expect(login.Email).ToBeVisibleAsync();
        await Expect(Page.GetByText(DemoUsers.Rep.EnglishTitle, new() { Exact = true })).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Wrong_password_is_refused_with_a_message_and_the_user_stays_on_the_sign_in_page() => RunAsync(async () =>
    {
        var login = await new LoginPage(Page).GotoAsync();

        await login.SubmitAsync(DemoUsers.Cashier.Email, "Wrong!2345");

        await Expect(login.Error).ToHaveTextAsync("The email or password is incorrect.");
        await Expect(Page).ToHaveURLAsync(LoginPage.Url);
        await Expect(login.SignInButton).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("current-user")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Sign_out_returns_to_the_sign_in_page_and_the_workspace_is_closed_again() => RunAsync(async () =>
    {
        var shell = await new LoginPage(Page).SignInAsync(DemoUsers.Dispatcher);

        await shell.SignOutButton().ClickAsync();

        var login = new LoginPage(Page);
        await Expect(Page).ToHaveURLAsync(LoginPage.Url);
        await Expect(login.SignInButton).ToBeVisibleAsync();

        // The cookie is really gone: the workspace sends us back to sign in.
        await Page.GotoAsync(DemoUsers.Dispatcher.Href);
        await Expect(Page).ToHaveURLAsync(LoginPage.Url);
    });
}
