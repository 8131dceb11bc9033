using Portal.Web.Common.Behaviours;
using Portal.Web.Common.Security;
using Portal.Web.Features.Admin.Users;

namespace Portal.Web.Common.CommandLine;

/// <summary>
/// `Portal.Web users add --email &lt;e&gt; --role Admin [--role Rep] [--name "..."] --password-stdin`: the first
/// administrator of an empty database, without a database editor. The password is read from standard input so it
/// never appears in the process list or shell history. Exit codes: 0 created, 1 refused (weak password, existing
/// email, unknown role), 2 usage.
/// </summary>
public static class UsersCommand
{
    public const string Usage = "usage: Portal.Web users add --email <email> --role <role> [--role <role>] [--name <display name>] --password-stdin";

    public static bool Handles(string[] args) => args.Length > 0 && args[0] == "users";

    public static async Task<int> RunAsync(
        string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, WebApplicationOptions? options = null, Action<WebApplicationBuilder>? configure = null)
    {
        if (!TryParse(args, out var email, out var name, out var roles, out var passwordFromStdin) || !passwordFromStdin)
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        var password = (await stdin.ReadLineAsync())?.TrimEnd('\r') ?? "";
        await using var app = PortalApp.Build(options ?? new WebApplicationOptions(), configure);
        foreach (var initializer in app.Services.GetServices<IHostedService>().OfType<DatabaseInitializer>())
        {
            await initializer.StartingAsync(CancellationToken.None);
        }

        try
        {
            var created = await app.Services.GetRequiredService<ScopedSender>().Send(
                new CreateUser.Command(email, name, roles, password), SystemPrincipal.For("cli"));
            await stdout.WriteLineAsync($"Created {created.Email} ({string.Join(", ", roles)}).");
            return 0;
        }
        catch (RequestValidationException ex)
        {
            foreach (var (field, messages) in ex.Errors)
            {
                foreach (var message in messages)
                {
                    await stderr.WriteLineAsync($"{field}: {message}");
                }
            }

            return 1;
        }
    }

    private static bool TryParse(string[] args, out string? email, out string? name, out List<string> roles, out bool passwordFromStdin)
    {
        email = null;
        name = null;
        roles = [];
        passwordFromStdin = false;
        if (args is not ["users", "add", ..])
        {
            return false;
        }

        for (var i = 2; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--email" when i + 1 < args.Length:
                    email = args[++i];
                    break;
                case "--name" when i + 1 < args.Length:
                    name = args[++i];
                    break;
                case "--role" when i + 1 < args.Length:
                    roles.Add(args[++i]);
                    break;
                case "--password-stdin":
                    passwordFromStdin = true;
                    break;
                default:
                    return false;
            }
        }

        return email is not null && roles.Count > 0;
    }
}
