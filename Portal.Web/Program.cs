using Portal.Web;

var app = PortalApp.Build(args);
await PortalApp.PrepareDatabaseAsync(app);
await app.RunAsync();

public partial class Program;
