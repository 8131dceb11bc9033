using Portal.Web;

await PortalApp.Build(args).RunAsync();

public partial class Program;
