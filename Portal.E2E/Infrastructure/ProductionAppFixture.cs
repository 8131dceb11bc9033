using System.Diagnostics;

namespace Portal.E2E.Infrastructure;

/// <summary>
/// The portal as an operator installs it: Production, an empty database, and the first administrator made with
/// `Portal.Web users add ... --password-stdin` before the first start. No demo user or key exists.
/// </summary>
public sealed class ProductionAppFixture : PortalAppFixture
{
    public const string AdminEmail = "ops-admin@example.com";
    public const string AdminPassword = "Ops-Adm1n!pass";

    protected override string EnvironmentName => "Production";

    protected override async Task PrepareAsync(Func<string[], ProcessStartInfo> command)
    {
        using var usersAdd = Process.Start(command(["users", "add", "--email", AdminEmail, "--role", "Admin", "--name", "运维管理员", "--password-stdin"]))!;
        var output = usersAdd.StandardOutput.ReadToEndAsync();
        var error = usersAdd.StandardError.ReadToEndAsync();
        await usersAdd.StandardInput.WriteLineAsync(AdminPassword);
        usersAdd.StandardInput.Close();
        await usersAdd.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        if (usersAdd.ExitCode != 0)
        {
            throw new InvalidOperationException($"users add exited with {usersAdd.ExitCode}: {await output}{await error}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ProductionCollection : ICollectionFixture<ProductionAppFixture>
{
    public const string Name = "Production";
}
