using Portal.Web;
using Portal.Web.Common.CommandLine;

if (UsersCommand.Handles(args))
{
    return await UsersCommand.RunAsync(args, Console.In, Console.Out, Console.Error);
}

if (DbCommand.Handles(args))
{
    return await DbCommand.RunAsync(args, Console.Out, Console.Error);
}

await PortalApp.Build(args).RunAsync();
return 0;

public partial class Program;
