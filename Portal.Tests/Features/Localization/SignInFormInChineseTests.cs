using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Localization;

/// <summary>The sign-in form's field messages speak the reader's language, like every other page.</summary>
public sealed class SignInFormInChineseTests(PortalHostFixture fixture) : IClassFixture<PortalHostFixture>
{
    [Theory]
    [InlineData("zh-CN", "", "请输入电子邮箱。", "请输入密码。")]
    [InlineData("zh-CN", "not-an-email", "请输入有效的电子邮箱。", "请输入密码。")]
    [InlineData("en", "", "Enter your email address.", "Enter your password.")]
    public async Task Missing_or_malformed_fields_are_named_in_the_readers_language(string culture, string email, string emailMessage, string passwordMessage)
    {
        using var client = fixture.Host.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);

        var response = await PortalHost.SignInAsync(client, email, "");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Contains(emailMessage, page);
        Assert.Contains(passwordMessage, page);
        if (culture != "en")
        {
            Assert.DoesNotContain("Enter your", page);
            Assert.DoesNotContain("Enter a valid", page);
        }
    }
}
